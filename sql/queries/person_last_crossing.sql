-- When a person last crossed (voided movements included: an upper bound is
-- enough); 0 when never. Each traveller's latest is one index look-up.
SELECT coalesce(max((SELECT max(m.crossed_at) FROM movement m
                     WHERE m.traveller_id = t.id)), 0)
FROM traveller t WHERE t.person_id = $1
