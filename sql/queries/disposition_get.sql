SELECT id, entry_hash, traveller_key, decision, reason, by_user, role, at,
       list, ref, score, review, reviewed_by, review_role, review_reason,
       reviewed_at, bcp
FROM hit_disposition
WHERE id = $1
