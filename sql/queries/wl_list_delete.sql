DELETE FROM watchlist WHERE id = $1
