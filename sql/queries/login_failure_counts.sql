SELECT (SELECT count(*) FROM login_failure
        WHERE username = $1 AND client = $2 AND at > $3),
       (SELECT count(*) FROM login_failure WHERE client = $2 AND at > $3),
       (SELECT count(*) FROM login_failure WHERE username = $1 AND at > $3),
       (SELECT max(at) FROM login_failure
        WHERE (username = $1 OR client = $2) AND at > $3)
