-- A protection need raised on an open inspection: what the safeguards act
-- on, and what the desk is shown, brought up to date.
UPDATE inspection
SET protection = $2, request_json = $3, result_json = $4
WHERE id = $1 AND status = 'open'
