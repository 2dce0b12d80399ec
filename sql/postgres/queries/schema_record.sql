INSERT INTO schema_migration (version, title, applied_at) VALUES ($1, $2, CAST(EXTRACT(EPOCH FROM now()) AS BIGINT))
