-- What the stay rules need of a person's movements, in time order.
SELECT m.id, m.direction, m.decision, m.local_date, m.permitted_until,
       m.nationality
FROM movement m JOIN traveller t ON t.id = m.traveller_id
WHERE t.person_id = $1 AND m.voided = 0
ORDER BY m.crossed_at, m.id
