SELECT traveller_id, candidate_id FROM identity_link
WHERE status = 'confirmed' AND (traveller_id = $1 OR candidate_id = $1)
