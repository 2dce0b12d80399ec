UPDATE wl_entry
SET kind = $3, hash = $4, data = $5, match_key = NULLIF($6, ''),
    doc_state = NULLIF($7, ''), doc_number_norm = NULLIF($8, ''),
    doc_number = NULLIF($9, ''), doc_status = NULLIF($10, '')
WHERE watchlist_id = $1 AND ref = $2
