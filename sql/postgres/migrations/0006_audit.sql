-- The audit log: every read and write of personal data, through the API
-- and the command line, as a hash chain (docs/AUDIT.md). Each entry's hash
-- is SHA-256 over the previous entry's hash and its own fields; the
-- one-row head keeps the last seq and hash, so a cut tail shows too.
-- Entries are only ever appended: the library has no update or delete.

CREATE TABLE audit_log (
  seq       BIGINT PRIMARY KEY,         -- 1, 2, 3 … without gaps
  at        BIGINT NOT NULL,            -- Unix seconds
  actor     TEXT COLLATE "C" NOT NULL,  -- account username or OS user
  role      TEXT NOT NULL,
  channel   TEXT NOT NULL,              -- 'api' or 'cli'
  action    TEXT NOT NULL,              -- 'traveller.read', …
  record    TEXT COLLATE "C" NOT NULL,  -- 'movement:ID', …
  outcome   TEXT NOT NULL,              -- 'ok' or a status name
  bcp       TEXT NOT NULL,
  desk      TEXT NOT NULL,
  detail    TEXT NOT NULL,
  prev_hash TEXT NOT NULL,              -- hex SHA-256
  hash      TEXT NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_by_record ON audit_log (record, seq);

-- The chain's head. Appending updates it first, which takes the write lock
-- (a row lock on PostgreSQL), so concurrent appenders queue.
CREATE TABLE audit_head (
  one  INTEGER PRIMARY KEY CHECK (one = 1),  -- one row only
  seq  BIGINT NOT NULL,                      -- the last entry's (0: none)
  hash TEXT NOT NULL                         -- its hash (genesis: 64 zeros)
);
INSERT INTO audit_head (one, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
