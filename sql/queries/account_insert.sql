INSERT INTO account (username, display_name, role, password_hash, disabled,
                     default_bcp, created_at, updated_at, bcps)
VALUES ($1, $2, $3, $4, 0, $5, $6, $6, $7)
