INSERT INTO stay
  (person_id, seq, entry_id, exit_id, entry_date, exit_date, permitted_until,
   flags)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
