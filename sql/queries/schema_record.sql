INSERT INTO schema_migration (version, title, applied_at) VALUES ($1, $2, $3)
