SELECT code, name, kind, time_zone FROM bcp WHERE code = $1
