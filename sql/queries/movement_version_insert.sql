INSERT INTO movement_version
  (movement_id, version, kind, changed_by, reason, changed_at, before)
VALUES ($1, $2, $3, $4, $5, $6, $7)
