DELETE FROM login_failure WHERE at <= $1
