-- Appending, step 3: the head takes the new entry's hash.
UPDATE audit_head SET hash = $2 WHERE one = 1 AND seq = $1
