SELECT version, kind, changed_by, reason, changed_at, before
FROM movement_version WHERE movement_id = $1 ORDER BY version
