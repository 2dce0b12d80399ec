-- The latest decision on one entry for one traveller key (ids are
-- version-7 UUIDs: later ids break ties in time). Columns as in
-- disposition_get.sql.
SELECT id, entry_hash, traveller_key, decision, reason, by_user, role, at,
       list, ref, score, review, reviewed_by, review_role, review_reason,
       reviewed_at, bcp
FROM hit_disposition
WHERE list = $1 AND ref = $2 AND traveller_key = $3
ORDER BY at DESC, id DESC
LIMIT 1
