INSERT INTO identity_link (id, traveller_id, candidate_id, confidence, reasons, status, decided_by, decision_reason, created_at, decided_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
