SELECT username, client, count(*), max(at) FROM login_failure WHERE at > $1
GROUP BY username, client HAVING count(*) >= $2
UNION ALL
SELECT '', client, count(*), max(at) FROM login_failure WHERE at > $1
GROUP BY client HAVING count(*) >= $3
UNION ALL
SELECT username, '', count(*), max(at) FROM login_failure WHERE at > $1
GROUP BY username HAVING count(*) >= $4
ORDER BY 1, 2
