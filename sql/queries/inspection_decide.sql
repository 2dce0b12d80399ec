UPDATE inspection
SET status = 'decided', decided_at = $2, decided_by = $3, held = $4,
    minor_alternative = $5, notice_language = $6, protection = $7
WHERE id = $1
