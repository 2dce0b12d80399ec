SELECT seq, hash FROM audit_head WHERE one = 1
