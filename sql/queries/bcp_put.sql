INSERT INTO bcp (code, name, kind, time_zone) VALUES ($1, $2, $3, $4)
ON CONFLICT (code) DO UPDATE
SET name = excluded.name, kind = excluded.kind, time_zone = excluded.time_zone
