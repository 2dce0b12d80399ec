-- Sessions: a login gives a random bearer token; only its SHA-256 is kept
-- here, so a copy of the store lets no one in. A session is bound to the
-- crossing point and desk chosen at login, expires, and can be revoked.

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,  -- hex SHA-256 of the token
  username   TEXT NOT NULL REFERENCES account (username),
  bcp        TEXT NOT NULL DEFAULT '',
  desk       TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,  -- Unix seconds
  expires_at BIGINT NOT NULL,
  revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
