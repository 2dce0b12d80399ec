UPDATE account SET display_name = $2, role = $3, default_bcp = $4, bcps = $5,
                   updated_at = $6
WHERE username = $1
