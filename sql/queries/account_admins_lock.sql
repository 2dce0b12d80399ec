-- Takes the write lock on every administrator's row (PostgreSQL; SQLite
-- holds the database's already): two changes that could each leave no
-- administrator wait for one another, so that the second counts what the
-- first left.
UPDATE account SET role = role WHERE role = 'administrator'
