-- Accounts of the people who use the system: officers, supervisors,
-- analysts and administrators. A password is kept only as its Argon2id
-- hash (PHC string: algorithm, parameters, salt, hash). A disabled account
-- cannot log in; accounts are never deleted, as the audit log names them.

CREATE TABLE account (
  username      TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL
                CHECK (role IN ('officer', 'supervisor', 'analyst', 'administrator')),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  default_bcp   TEXT NOT NULL DEFAULT '',  -- where the officer usually works
  created_at    BIGINT NOT NULL,           -- Unix seconds
  updated_at    BIGINT NOT NULL
);
