SELECT id, created_at, officer, bcp, desk, status, request_json, result_json,
       hits_json, traveller_key, protection, decided_at, decided_by, held,
       minor_alternative, notice_language
FROM inspection WHERE id = $1
