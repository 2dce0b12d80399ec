SELECT count(*), min(at) FROM login_failure WHERE username = $1 AND at > $2
