-- Watchlists for screening: each list's metadata, its entries (persons and
-- travel documents) and the decisions taken on hits.
-- An entry keeps its canonical JSON (data) and the SHA-256 of that text
-- (hash, first 32 hex digits): a re-import compares hashes by ref and
-- writes only what changed. Screening reads the derived columns: match_key
-- (persons: names, births, nationalities as the index needs them) and
-- doc_state / doc_number_norm / doc_number / doc_status (documents).
-- Text is COLLATE "C" (byte order, whatever the database's locale).

CREATE TABLE watchlist (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           TEXT COLLATE "C" NOT NULL UNIQUE,
  category       TEXT COLLATE "C" NOT NULL,
  action         TEXT COLLATE "C" NOT NULL,
  source         TEXT COLLATE "C" NOT NULL,
  version        TEXT COLLATE "C" NOT NULL,
  loaded_at      BIGINT NOT NULL,  -- Unix seconds of the last import
  threshold      DOUBLE PRECISION NOT NULL DEFAULT 0,
  person_count   BIGINT NOT NULL DEFAULT 0,  -- kept by the import
  document_count BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE wl_entry (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  watchlist_id    BIGINT NOT NULL REFERENCES watchlist (id),
  ref             TEXT COLLATE "C" NOT NULL,
  kind            TEXT COLLATE "C" NOT NULL CHECK (kind IN ('person', 'document')),
  hash            TEXT COLLATE "C" NOT NULL,
  data            TEXT COLLATE "C" NOT NULL,  -- the entry's canonical JSON
  match_key       TEXT COLLATE "C",           -- persons only
  doc_state       TEXT COLLATE "C",           -- documents only, from here down
  doc_number_norm TEXT COLLATE "C",
  doc_number      TEXT COLLATE "C",           -- as listed
  doc_status      TEXT COLLATE "C",
  UNIQUE (watchlist_id, ref)
);
CREATE INDEX wl_entry_doc_number ON wl_entry (doc_number_norm)
  WHERE doc_number_norm IS NOT NULL;

-- Decisions on hits. They name the list and entry by text (not by row id)
-- and outlive both: a removed list's decisions stay as history, and the
-- entry hash tells whether the entry has changed since.
CREATE TABLE hit_disposition (
  id            TEXT COLLATE "C" PRIMARY KEY,
  list          TEXT COLLATE "C" NOT NULL,
  ref           TEXT COLLATE "C" NOT NULL,
  entry_hash    TEXT COLLATE "C" NOT NULL,
  traveller_key TEXT COLLATE "C" NOT NULL,
  decision      TEXT COLLATE "C" NOT NULL
                CHECK (decision IN ('confirmed', 'dismissed')),
  reason        TEXT COLLATE "C" NOT NULL,
  by_user       TEXT COLLATE "C" NOT NULL,
  role          TEXT COLLATE "C" NOT NULL,
  at            BIGINT NOT NULL   -- Unix seconds
);
CREATE INDEX hit_disposition_entry ON hit_disposition (list, ref, traveller_key);
