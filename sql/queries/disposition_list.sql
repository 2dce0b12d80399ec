-- Dispositions in one review state, oldest first (the queue of dismissals
-- awaiting a supervisor), at most 1000; of crossing point $2 only, or of
-- every one when $2 is '*'.
SELECT id, entry_hash, traveller_key, decision, reason, by_user, role, at,
       list, ref, score, review, reviewed_by, review_role, review_reason,
       reviewed_at, bcp
FROM hit_disposition
WHERE review = $1 AND (CAST($2 AS TEXT) = '*' OR bcp = $2)
ORDER BY at, id
LIMIT 1000
