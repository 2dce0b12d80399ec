-- Watchlists for screening: each list's metadata, its entries (persons and
-- travel documents) and the decisions taken on hits.
-- An entry keeps its canonical JSON (data) and the SHA-256 of that text
-- (hash, first 32 hex digits): a re-import compares hashes by ref and
-- writes only what changed. Screening reads the derived columns: match_key
-- (persons: names, births, nationalities as the index needs them) and
-- doc_state / doc_number_norm / doc_number / doc_status (documents).

CREATE TABLE watchlist (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  category       TEXT NOT NULL,
  action         TEXT NOT NULL,
  source         TEXT NOT NULL,
  version        TEXT NOT NULL,
  loaded_at      INTEGER NOT NULL,  -- Unix seconds of the last import
  threshold      REAL NOT NULL DEFAULT 0,
  person_count   INTEGER NOT NULL DEFAULT 0,  -- kept by the import
  document_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE wl_entry (
  id              INTEGER PRIMARY KEY,
  watchlist_id    INTEGER NOT NULL REFERENCES watchlist (id),
  ref             TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('person', 'document')),
  hash            TEXT NOT NULL,
  data            TEXT NOT NULL,  -- the entry's canonical JSON
  match_key       TEXT,           -- persons only
  doc_state       TEXT,           -- documents only, from here down
  doc_number_norm TEXT,
  doc_number      TEXT,           -- as listed
  doc_status      TEXT,
  UNIQUE (watchlist_id, ref)
);
CREATE INDEX wl_entry_doc_number ON wl_entry (doc_number_norm)
  WHERE doc_number_norm IS NOT NULL;

-- Decisions on hits. They name the list and entry by text (not by row id)
-- and outlive both: a removed list's decisions stay as history, and the
-- entry hash tells whether the entry has changed since.
CREATE TABLE hit_disposition (
  id            TEXT PRIMARY KEY,
  list          TEXT NOT NULL,
  ref           TEXT NOT NULL,
  entry_hash    TEXT NOT NULL,
  traveller_key TEXT NOT NULL,
  decision      TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
  reason        TEXT NOT NULL,
  by_user       TEXT NOT NULL,
  role          TEXT NOT NULL,
  at            INTEGER NOT NULL   -- Unix seconds
) WITHOUT ROWID;
CREATE INDEX hit_disposition_entry ON hit_disposition (list, ref, traveller_key);
