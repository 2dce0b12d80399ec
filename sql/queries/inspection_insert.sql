INSERT INTO inspection (id, created_at, officer, bcp, desk, status,
                        request_json, result_json, hits_json, traveller_key,
                        protection)
VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10)
