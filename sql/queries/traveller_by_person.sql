SELECT id, person_id, surname, given_names, name_key, birth, sex, nationality, birth_country FROM traveller WHERE person_id = $1 ORDER BY id
