SELECT person_id, entry_id, exit_id, entry_date, exit_date, permitted_until,
       flags, seq
FROM stay WHERE person_id = $1 ORDER BY seq DESC LIMIT 1
