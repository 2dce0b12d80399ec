SELECT code, name, kind, time_zone FROM bcp ORDER BY code
