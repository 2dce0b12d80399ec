SELECT count(*) FROM document
