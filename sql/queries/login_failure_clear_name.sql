DELETE FROM login_failure WHERE username = $1
