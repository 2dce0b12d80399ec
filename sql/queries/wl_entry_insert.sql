INSERT INTO wl_entry
  (watchlist_id, ref, kind, hash, data, match_key, doc_state,
   doc_number_norm, doc_number, doc_status)
VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), NULLIF($7, ''), NULLIF($8, ''),
        NULLIF($9, ''), NULLIF($10, ''))
