DELETE FROM stay WHERE person_id = $1
