DELETE FROM wl_entry WHERE watchlist_id = $1
