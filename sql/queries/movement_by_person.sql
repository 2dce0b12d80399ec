-- A person's movements in time order, for stays and history.
SELECT m.id, m.traveller_id, m.document_id, m.direction, m.bcp, m.crossed_at, m.local_date, m.transport, m.carrier, m.transport_number, m.route_country, m.residence_country, m.purpose, m.intended_days, m.local_address, m.entry_type, m.permitted_until, m.decision, m.grounds, m.decision_note, m.officer, m.desk, m.nationality, m.voided, m.version FROM movement m JOIN traveller t ON t.id = m.traveller_id
WHERE t.person_id = $1 AND ($2 = 1 OR m.voided = 0)
ORDER BY m.crossed_at, m.id
