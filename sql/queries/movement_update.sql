UPDATE movement SET
  direction = $4, bcp = $5, crossed_at = $6, local_date = $7,
  transport = $8, carrier = $9, transport_number = $10, route_country = $11,
  residence_country = $12, purpose = $13, intended_days = $14,
  local_address = $15, entry_type = $16, permitted_until = $17,
  decision = $18, grounds = $19, decision_note = $20, officer = $21,
  desk = $22, nationality = $23, voided = $24, version = $25
WHERE id = $1 AND traveller_id = $2 AND document_id = $3
