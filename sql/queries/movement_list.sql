-- Movements in a UTC time range (from the local date range widened by a
-- day each side), then filtered exactly; empty parameters do not filter.
SELECT m.id, m.traveller_id, m.document_id, m.direction, m.bcp, m.crossed_at, m.local_date, m.transport, m.carrier, m.transport_number, m.route_country, m.residence_country, m.purpose, m.intended_days, m.local_address, m.entry_type, m.permitted_until, m.decision, m.grounds, m.decision_note, m.officer, m.desk, m.nationality, m.voided, m.version FROM movement m
WHERE m.crossed_at >= $1 AND m.crossed_at < $2
  AND m.local_date >= $3 AND m.local_date <= $4
  AND ($5 = '' OR m.bcp = $5)
  AND ($6 = '' OR m.nationality = $6)
  AND ($7 = '' OR m.direction = $7)
  AND ($8 = '' OR m.decision = $8)
  AND ($9 = 1 OR m.voided = 0)
ORDER BY m.crossed_at, m.id
LIMIT $10
