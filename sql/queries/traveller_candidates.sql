-- Known travellers who could be the same person as a new record: same date
-- of birth (as precise as the new record gives it). Scored in C.
SELECT id, person_id, surname, given_names, name_key, birth, sex, nationality, birth_country FROM traveller WHERE birth = $1 ORDER BY id LIMIT 1000
