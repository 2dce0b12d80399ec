SELECT ref, data FROM wl_entry WHERE watchlist_id = $1 ORDER BY id
