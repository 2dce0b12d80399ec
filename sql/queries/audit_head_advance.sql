-- Appending, step 1: takes the chain's write lock and the next seq; the
-- hash returned is still the previous entry's.
UPDATE audit_head SET seq = seq + 1 WHERE one = 1 RETURNING seq, hash
