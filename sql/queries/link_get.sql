SELECT id, traveller_id, candidate_id, confidence, reasons, status, decided_by, decision_reason, created_at, decided_at FROM identity_link WHERE id = $1
