SELECT id, name, category, action, source, version, loaded_at, threshold,
       person_count, document_count, confirm_at
FROM watchlist WHERE name = $1
