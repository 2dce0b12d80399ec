-- Every entry of every list in row order, one page at a time (what the
-- screening index is built from): the rows after a given id, at most a
-- given number.
SELECT id, watchlist_id, ref, kind, hash, match_key, doc_state,
       doc_number_norm, doc_number, doc_status
FROM wl_entry WHERE id > $1 ORDER BY id LIMIT $2
