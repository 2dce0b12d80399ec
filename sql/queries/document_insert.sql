INSERT INTO document
  (id, traveller_id, type, issuing_state, number, expiry, mrz, first_seen)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
