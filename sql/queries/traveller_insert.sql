INSERT INTO traveller (id, person_id, surname, given_names, name_key, birth, sex, nationality, birth_country, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
