SELECT id, movement_id, kind, status, opened_at, closed_at, note
FROM referral WHERE id = $1
