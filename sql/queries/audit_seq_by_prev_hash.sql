-- Which entry names a hash as its predecessor's (verification).
SELECT seq FROM audit_log WHERE prev_hash = $1 ORDER BY seq LIMIT 1
