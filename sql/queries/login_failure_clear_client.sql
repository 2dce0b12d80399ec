DELETE FROM login_failure WHERE client = $1
