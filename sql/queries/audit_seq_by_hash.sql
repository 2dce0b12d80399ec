-- Where an entry's hash is (verification, after a break: was it moved?).
SELECT seq FROM audit_log WHERE hash = $1 ORDER BY seq LIMIT 1
