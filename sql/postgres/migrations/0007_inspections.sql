-- Inspections: what a desk was shown for one crossing, kept until the
-- decision (and after: the secondary queue shows the primary findings).
-- The movement recorded for the decision has the inspection's id.

CREATE TABLE inspection (
  id                TEXT COLLATE "C" PRIMARY KEY,
  created_at        BIGINT NOT NULL,       -- Unix seconds
  officer           TEXT NOT NULL,
  bcp               TEXT NOT NULL,
  desk              TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL CHECK (status IN ('open', 'decided')),
  request_json      TEXT NOT NULL,          -- what the desk submitted
  result_json       TEXT NOT NULL,          -- what it was shown
  hits_json         TEXT NOT NULL,          -- [{list, ref, hash, category}]
  traveller_key     TEXT NOT NULL DEFAULT '', -- dispositions are kept under it
  protection        BIGINT NOT NULL DEFAULT 0, -- BMIS_INSPECT_* bits
  decided_at        BIGINT NOT NULL DEFAULT 0,
  decided_by        TEXT NOT NULL DEFAULT '',
  held              BIGINT NOT NULL DEFAULT 0, -- refused and held pending return
  minor_alternative TEXT NOT NULL DEFAULT '',
  notice_language   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX inspection_open ON inspection (status, created_at);
