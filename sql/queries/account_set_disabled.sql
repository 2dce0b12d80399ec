UPDATE account SET disabled = $2, updated_at = $3 WHERE username = $1
