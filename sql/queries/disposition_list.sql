-- Dispositions in one review state, oldest first (the queue of dismissals
-- awaiting a supervisor), at most 1000.
SELECT id, entry_hash, traveller_key, decision, reason, by_user, role, at,
       list, ref, score, review, reviewed_by, review_role, review_reason,
       reviewed_at
FROM hit_disposition
WHERE review = $1
ORDER BY at, id
LIMIT 1000
