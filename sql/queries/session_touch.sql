UPDATE session SET last_seen = $2 WHERE token_hash = $1 AND last_seen < $2
