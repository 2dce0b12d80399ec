-- Known travellers who could be the same person as a new record: born on
-- the same date, or recorded with only the year (and month) of it. Scored
-- in C.
SELECT id, person_id, surname, given_names, name_key, birth, sex,
       nationality, birth_country
FROM traveller WHERE birth IN ($1, $2, $3) ORDER BY id LIMIT 1000
