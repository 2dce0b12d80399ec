INSERT INTO audit_log (seq, at, actor, role, channel, action, record, outcome,
                       bcp, desk, detail, prev_hash, hash)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
