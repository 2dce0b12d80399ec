INSERT INTO session (token_hash, username, bcp, desk, created_at, expires_at,
                     last_seen)
VALUES ($1, $2, $3, $4, $5, $6, $5)
