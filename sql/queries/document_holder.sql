-- A document and who holds it: the traveller's person and birth country,
-- and when that person last crossed (0 when never; as in
-- person_last_crossing.sql), in one round trip.
SELECT d.id, d.traveller_id, d.type, d.issuing_state, d.number, d.expiry,
       d.mrz, t.person_id, t.birth_country,
       coalesce((SELECT max((SELECT max(m.crossed_at) FROM movement m
                             WHERE m.traveller_id = p.id))
                 FROM traveller p WHERE p.person_id = t.person_id), 0)
FROM document d JOIN traveller t ON t.id = d.traveller_id
WHERE d.issuing_state = $1 AND d.number = $2
