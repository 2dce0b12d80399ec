UPDATE traveller SET birth_country = $2 WHERE id = $1 AND birth_country = ''
