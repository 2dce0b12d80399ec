SELECT d.id, d.traveller_id, d.type, d.issuing_state, d.number, d.expiry, d.mrz FROM document d WHERE d.issuing_state = $1 AND d.number = $2
