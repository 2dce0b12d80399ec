-- Entries after a seq, in seq order, one page at a time; an empty actor or
-- record matches any.
SELECT seq, at, actor, role, channel, action, record, outcome, bcp, desk,
       detail, prev_hash, hash
FROM audit_log
WHERE seq > $1 AND ($2 = '' OR actor = $2) AND ($3 = '' OR record = $3)
ORDER BY seq LIMIT $4
