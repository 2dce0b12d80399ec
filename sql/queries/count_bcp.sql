SELECT count(*) FROM bcp
