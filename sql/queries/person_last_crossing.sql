-- When a person last crossed, leaving one movement out (the one just
-- recorded); 0 when never.
SELECT coalesce(max(m.crossed_at), 0)
FROM movement m JOIN traveller t ON t.id = m.traveller_id
WHERE t.person_id = $1 AND m.voided = 0 AND m.id <> $2
