UPDATE watchlist SET confirm_at = $2 WHERE name = $1
