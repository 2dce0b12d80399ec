SELECT s.username, a.role, s.bcp, s.desk, s.created_at, s.expires_at,
       s.revoked, a.disabled, a.bcps, s.last_seen
FROM session s JOIN account a ON a.username = s.username
WHERE s.token_hash = $1
