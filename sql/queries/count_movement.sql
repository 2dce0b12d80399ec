SELECT count(*) FROM movement
