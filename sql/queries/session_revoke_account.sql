UPDATE session SET revoked = 1 WHERE username = $1 AND revoked = 0
