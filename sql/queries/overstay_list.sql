-- The WHERE repeats the predicate of index stay_overstay so both engines
-- use it: only open stays and stays that ended late are ever read.
SELECT person_id, entry_id, exit_id, entry_date, exit_date, permitted_until, flags FROM stay
WHERE permitted_until <> ''
  AND (exit_date = '' OR exit_date > permitted_until)
  AND permitted_until < $1 AND entry_date <= $1
ORDER BY permitted_until, person_id, seq
