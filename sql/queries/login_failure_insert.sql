INSERT INTO login_failure (username, at) VALUES ($1, $2)
