UPDATE account SET password_hash = $2, updated_at = $3 WHERE username = $1
