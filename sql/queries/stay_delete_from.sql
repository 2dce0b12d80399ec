DELETE FROM stay WHERE person_id = $1 AND seq >= $2
