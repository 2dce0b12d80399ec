-- A document and who holds it (the traveller's person and birth country).
SELECT d.id, d.traveller_id, d.type, d.issuing_state, d.number, d.expiry,
       d.mrz, t.person_id, t.birth_country
FROM document d JOIN traveller t ON t.id = d.traveller_id
WHERE d.issuing_state = $1 AND d.number = $2
