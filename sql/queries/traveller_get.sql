SELECT id, person_id, surname, given_names, name_key, birth, sex, nationality, birth_country FROM traveller WHERE id = $1
