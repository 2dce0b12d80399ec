-- New entries of a list, many in one statement: the list id, and a JSON
-- array of rows [ref, kind, hash, data, match_key, doc_state,
-- doc_number_norm, doc_number, doc_status], inserted in array order.
-- (The store inserts row by row on SQLite, where a statement costs no round
-- trip and this form is slower; the text is kept equivalent.)
INSERT INTO wl_entry
  (watchlist_id, ref, kind, hash, data, match_key, doc_state,
   doc_number_norm, doc_number, doc_status)
SELECT $1, value ->> 0, value ->> 1, value ->> 2, value ->> 3,
       NULLIF(value ->> 4, ''), NULLIF(value ->> 5, ''),
       NULLIF(value ->> 6, ''), NULLIF(value ->> 7, ''),
       NULLIF(value ->> 8, '')
FROM json_each($2)
ORDER BY key
