INSERT INTO movement
  (id, traveller_id, document_id, direction, bcp, crossed_at, local_date,
   transport, carrier, transport_number, route_country, residence_country,
   purpose, intended_days, local_address, entry_type, permitted_until,
   decision, grounds, decision_note, officer, desk, nationality, voided,
   version, recorded_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
        $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
