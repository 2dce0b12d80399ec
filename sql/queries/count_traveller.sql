SELECT count(*) FROM traveller
