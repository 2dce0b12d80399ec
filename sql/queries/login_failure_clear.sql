DELETE FROM login_failure WHERE username = $1 AND client = $2
