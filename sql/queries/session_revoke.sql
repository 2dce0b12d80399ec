UPDATE session SET revoked = 1 WHERE token_hash = $1
