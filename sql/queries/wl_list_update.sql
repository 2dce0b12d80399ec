UPDATE watchlist
SET category = $2, action = $3, source = $4, version = $5, loaded_at = $6,
    threshold = $7, person_count = $8, document_count = $9
WHERE id = $1
