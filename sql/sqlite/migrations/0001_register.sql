-- The movement register: crossing points, travellers, documents, movements
-- with their history, referrals, identity links and derived stays.
-- Times are Unix seconds (UTC); calendar dates are ISO text 'YYYY-MM-DD'
-- (birth dates may be partial: 'YYYY' or 'YYYY-MM'); ids are UUID text.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE bcp (
  code      TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('air', 'land', 'sea', 'rail')),
  time_zone TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE traveller (
  id            TEXT PRIMARY KEY,
  person_id     TEXT NOT NULL,
  surname       TEXT NOT NULL,
  given_names   TEXT NOT NULL,
  name_key      TEXT NOT NULL,  -- ICAO-transliterated, for matching
  birth         TEXT NOT NULL,  -- '' when unknown
  sex           TEXT NOT NULL,  -- 'F', 'M', 'X' or ''
  nationality   TEXT NOT NULL,
  birth_country TEXT NOT NULL,
  created_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX traveller_person ON traveller (person_id);
CREATE INDEX traveller_match ON traveller (birth, nationality);

CREATE TABLE document (
  id            TEXT PRIMARY KEY,
  traveller_id  TEXT NOT NULL REFERENCES traveller (id),
  type          TEXT NOT NULL,
  issuing_state TEXT NOT NULL,
  number        TEXT NOT NULL,
  expiry        TEXT NOT NULL,
  mrz           TEXT NOT NULL,
  first_seen    INTEGER NOT NULL,
  UNIQUE (issuing_state, number)
) WITHOUT ROWID;
CREATE INDEX document_traveller ON document (traveller_id);

CREATE TABLE movement (
  id                TEXT PRIMARY KEY,
  traveller_id      TEXT NOT NULL REFERENCES traveller (id),
  document_id       TEXT NOT NULL REFERENCES document (id),
  direction         TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
  bcp               TEXT NOT NULL REFERENCES bcp (code),
  crossed_at        INTEGER NOT NULL,
  local_date        TEXT NOT NULL,
  transport         TEXT NOT NULL,
  carrier           TEXT NOT NULL,
  transport_number  TEXT NOT NULL,
  route_country     TEXT NOT NULL,
  residence_country TEXT NOT NULL,
  purpose           TEXT NOT NULL,
  intended_days     INTEGER NOT NULL,
  local_address     TEXT NOT NULL,
  entry_type        TEXT NOT NULL,
  permitted_until   TEXT NOT NULL,
  decision          TEXT NOT NULL
                    CHECK (decision IN ('admitted', 'refused', 'referred')),
  grounds           TEXT NOT NULL,
  decision_note     TEXT NOT NULL,
  officer           TEXT NOT NULL,
  desk              TEXT NOT NULL,
  nationality       TEXT NOT NULL,
  voided            INTEGER NOT NULL DEFAULT 0,
  version           INTEGER NOT NULL DEFAULT 1,
  recorded_at       INTEGER NOT NULL
);
CREATE INDEX movement_traveller ON movement (traveller_id, crossed_at);
CREATE INDEX movement_time ON movement (crossed_at);
CREATE INDEX movement_bcp_date ON movement (bcp, local_date);

-- Earlier versions of a movement, one row per change.
CREATE TABLE movement_version (
  movement_id TEXT NOT NULL REFERENCES movement (id),
  version     INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('decision', 'correction', 'void')),
  changed_by  TEXT NOT NULL,
  reason      TEXT NOT NULL,
  changed_at  INTEGER NOT NULL,
  before      TEXT NOT NULL,  -- the replaced version, as JSON
  PRIMARY KEY (movement_id, version)
) WITHOUT ROWID;

CREATE TABLE referral (
  id          TEXT PRIMARY KEY,
  movement_id TEXT NOT NULL REFERENCES movement (id),
  kind        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at   INTEGER NOT NULL,
  closed_at   INTEGER NOT NULL DEFAULT 0,
  note        TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX referral_movement ON referral (movement_id);
CREATE INDEX referral_open ON referral (status, opened_at);

CREATE TABLE identity_link (
  id              TEXT PRIMARY KEY,
  traveller_id    TEXT NOT NULL REFERENCES traveller (id),
  candidate_id    TEXT NOT NULL REFERENCES traveller (id),
  confidence      REAL NOT NULL,
  reasons         TEXT NOT NULL,
  status          TEXT NOT NULL
                  CHECK (status IN ('pending', 'confirmed', 'rejected')),
  decided_by      TEXT NOT NULL DEFAULT '',
  decision_reason TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  decided_at      INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX identity_link_status ON identity_link (status, created_at);
CREATE INDEX identity_link_traveller ON identity_link (traveller_id);
CREATE INDEX identity_link_candidate ON identity_link (candidate_id);

-- Stays are derived from a person's movements and recomputed whenever they
-- change; they make stay status and the overstay list index look-ups.
CREATE TABLE stay (
  person_id       TEXT NOT NULL,
  seq             INTEGER NOT NULL,
  entry_id        TEXT NOT NULL,
  exit_id         TEXT NOT NULL,
  entry_date      TEXT NOT NULL,
  exit_date       TEXT NOT NULL,
  permitted_until TEXT NOT NULL,
  flags           INTEGER NOT NULL,
  PRIMARY KEY (person_id, seq)
) WITHOUT ROWID;
-- Only stays that can be (or were) overstays: open ones and those that ended
-- after their permitted stay. Keeps the overstay list an index range scan.
CREATE INDEX stay_overstay ON stay (permitted_until)
  WHERE permitted_until <> '' AND (exit_date = '' OR exit_date > permitted_until);
