INSERT INTO referral (id, movement_id, kind, status, opened_at, closed_at, note)
VALUES ($1, $2, $3, $4, $5, $6, $7)
