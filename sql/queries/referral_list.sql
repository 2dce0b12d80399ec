SELECT id, movement_id, kind, status, opened_at, closed_at, note
FROM referral WHERE status = 'open' OR $1 = 0 ORDER BY opened_at, id
