UPDATE identity_link
SET status = $2, decided_by = $3, decision_reason = $4, decided_at = $5
WHERE id = $1
