INSERT INTO hit_disposition
  (id, list, ref, entry_hash, traveller_key, decision, reason, by_user, role,
   at, score, review, bcp)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
