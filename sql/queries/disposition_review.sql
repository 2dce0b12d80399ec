-- Only a pending dismissal is reviewed, once: a second review (or two at
-- once) changes no row.
UPDATE hit_disposition
SET review = $2, reviewed_by = $3, review_role = $4, review_reason = $5,
    reviewed_at = $6
WHERE id = $1 AND review = 'pending'
