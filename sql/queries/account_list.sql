SELECT username, display_name, role, password_hash, disabled, default_bcp,
       created_at, updated_at, bcps
FROM account ORDER BY username
