-- New entries of a list, many in one statement (one round trip to the
-- server for a whole batch): the list id, and a JSON array of rows
-- [ref, kind, hash, data, match_key, doc_state, doc_number_norm,
--  doc_number, doc_status], inserted in array order.
INSERT INTO wl_entry
  (watchlist_id, ref, kind, hash, data, match_key, doc_state,
   doc_number_norm, doc_number, doc_status)
SELECT $1, r->>0, r->>1, r->>2, r->>3, NULLIF(r->>4, ''), NULLIF(r->>5, ''),
       NULLIF(r->>6, ''), NULLIF(r->>7, ''), NULLIF(r->>8, '')
FROM json_array_elements($2::json) WITH ORDINALITY AS e (r, n)
ORDER BY n
