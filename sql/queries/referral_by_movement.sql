SELECT id, movement_id, kind, status, opened_at, closed_at, note
FROM referral WHERE movement_id = $1 ORDER BY opened_at, id
