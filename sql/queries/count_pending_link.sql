SELECT count(*) FROM identity_link WHERE status = 'pending'
