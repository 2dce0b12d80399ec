UPDATE watchlist SET threshold = $2 WHERE name = $1
