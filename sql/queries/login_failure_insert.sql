INSERT INTO login_failure (username, client, at) VALUES ($1, $2, $3)
