SELECT d.id, d.traveller_id, d.type, d.issuing_state, d.number, d.expiry, d.mrz FROM document d JOIN traveller t ON t.id = d.traveller_id
WHERE t.person_id = $1 ORDER BY d.first_seen, d.id
