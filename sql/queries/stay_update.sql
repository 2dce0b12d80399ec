UPDATE stay
SET entry_id = $3, exit_id = $4, entry_date = $5, exit_date = $6,
    permitted_until = $7, flags = $8
WHERE person_id = $1 AND seq = $2
