INSERT INTO watchlist
  (name, category, action, source, version, loaded_at, threshold,
   person_count, document_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
RETURNING id
