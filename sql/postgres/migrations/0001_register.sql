-- The movement register: crossing points, travellers, documents, movements
-- with their history, referrals, identity links and derived stays.
-- Times are Unix seconds (UTC); calendar dates are ISO text 'YYYY-MM-DD'
-- (compared as text, hence COLLATE "C" whatever the database's locale)
-- (birth dates may be partial: 'YYYY' or 'YYYY-MM'); ids are UUID text.

CREATE TABLE setting (
  key   TEXT COLLATE "C" PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE bcp (
  code      TEXT COLLATE "C" PRIMARY KEY,
  name      TEXT COLLATE "C" NOT NULL,
  kind      TEXT COLLATE "C" NOT NULL CHECK (kind IN ('air', 'land', 'sea', 'rail')),
  time_zone TEXT COLLATE "C" NOT NULL
);

CREATE TABLE traveller (
  id            TEXT COLLATE "C" PRIMARY KEY,
  person_id     TEXT COLLATE "C" NOT NULL,
  surname       TEXT COLLATE "C" NOT NULL,
  given_names   TEXT COLLATE "C" NOT NULL,
  name_key      TEXT COLLATE "C" NOT NULL,  -- ICAO-transliterated, for matching
  birth         TEXT COLLATE "C" NOT NULL,  -- '' when unknown
  sex           TEXT COLLATE "C" NOT NULL,  -- 'F', 'M', 'X' or ''
  nationality   TEXT COLLATE "C" NOT NULL,
  birth_country TEXT COLLATE "C" NOT NULL,
  created_at    BIGINT  NOT NULL
);
CREATE INDEX traveller_person ON traveller (person_id);
CREATE INDEX traveller_match ON traveller (birth, nationality);

CREATE TABLE document (
  id            TEXT COLLATE "C" PRIMARY KEY,
  traveller_id  TEXT COLLATE "C" NOT NULL REFERENCES traveller (id),
  type          TEXT COLLATE "C" NOT NULL,
  issuing_state TEXT COLLATE "C" NOT NULL,
  number        TEXT COLLATE "C" NOT NULL,
  expiry        TEXT COLLATE "C" NOT NULL,
  mrz           TEXT COLLATE "C" NOT NULL,
  first_seen    BIGINT  NOT NULL,
  UNIQUE (issuing_state, number)
);
CREATE INDEX document_traveller ON document (traveller_id);

CREATE TABLE movement (
  id                TEXT COLLATE "C" PRIMARY KEY,
  traveller_id      TEXT COLLATE "C" NOT NULL REFERENCES traveller (id),
  document_id       TEXT COLLATE "C" NOT NULL REFERENCES document (id),
  direction         TEXT COLLATE "C" NOT NULL CHECK (direction IN ('entry', 'exit')),
  bcp               TEXT COLLATE "C" NOT NULL REFERENCES bcp (code),
  crossed_at        BIGINT  NOT NULL,
  local_date        TEXT COLLATE "C" NOT NULL,
  transport         TEXT COLLATE "C" NOT NULL,
  carrier           TEXT COLLATE "C" NOT NULL,
  transport_number  TEXT COLLATE "C" NOT NULL,
  route_country     TEXT COLLATE "C" NOT NULL,
  residence_country TEXT COLLATE "C" NOT NULL,
  purpose           TEXT COLLATE "C" NOT NULL,
  intended_days     INTEGER NOT NULL,
  local_address     TEXT COLLATE "C" NOT NULL,
  entry_type        TEXT COLLATE "C" NOT NULL,
  permitted_until   TEXT COLLATE "C" NOT NULL,
  decision          TEXT COLLATE "C" NOT NULL
                    CHECK (decision IN ('admitted', 'refused', 'referred')),
  grounds           TEXT COLLATE "C" NOT NULL,
  decision_note     TEXT COLLATE "C" NOT NULL,
  officer           TEXT COLLATE "C" NOT NULL,
  desk              TEXT COLLATE "C" NOT NULL,
  nationality       TEXT COLLATE "C" NOT NULL,
  voided            INTEGER NOT NULL DEFAULT 0,
  version           INTEGER NOT NULL DEFAULT 1,
  recorded_at       BIGINT  NOT NULL
);
CREATE INDEX movement_traveller ON movement (traveller_id, crossed_at);
CREATE INDEX movement_time ON movement (crossed_at);
CREATE INDEX movement_bcp_date ON movement (bcp, local_date);

-- Earlier versions of a movement, one row per change.
CREATE TABLE movement_version (
  movement_id TEXT COLLATE "C" NOT NULL REFERENCES movement (id),
  version     INTEGER NOT NULL,
  kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('decision', 'correction', 'void')),
  changed_by  TEXT COLLATE "C" NOT NULL,
  reason      TEXT COLLATE "C" NOT NULL,
  changed_at  BIGINT  NOT NULL,
  before      TEXT COLLATE "C" NOT NULL,  -- the replaced version, as JSON
  PRIMARY KEY (movement_id, version)
);

CREATE TABLE referral (
  id          TEXT COLLATE "C" PRIMARY KEY,
  movement_id TEXT COLLATE "C" NOT NULL REFERENCES movement (id),
  kind        TEXT COLLATE "C" NOT NULL,
  status      TEXT COLLATE "C" NOT NULL CHECK (status IN ('open', 'closed')),
  opened_at   BIGINT  NOT NULL,
  closed_at   BIGINT  NOT NULL DEFAULT 0,
  note        TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX referral_movement ON referral (movement_id);
CREATE INDEX referral_open ON referral (status, opened_at);

CREATE TABLE identity_link (
  id              TEXT COLLATE "C" PRIMARY KEY,
  traveller_id    TEXT COLLATE "C" NOT NULL REFERENCES traveller (id),
  candidate_id    TEXT COLLATE "C" NOT NULL REFERENCES traveller (id),
  confidence      DOUBLE PRECISION NOT NULL,
  reasons         TEXT COLLATE "C" NOT NULL,
  status          TEXT COLLATE "C" NOT NULL
                  CHECK (status IN ('pending', 'confirmed', 'rejected')),
  decided_by      TEXT COLLATE "C" NOT NULL DEFAULT '',
  decision_reason TEXT COLLATE "C" NOT NULL DEFAULT '',
  created_at      BIGINT  NOT NULL,
  decided_at      BIGINT  NOT NULL DEFAULT 0
);
CREATE INDEX identity_link_status ON identity_link (status, created_at);
CREATE INDEX identity_link_traveller ON identity_link (traveller_id);
CREATE INDEX identity_link_candidate ON identity_link (candidate_id);

-- Stays are derived from a person's movements and recomputed whenever they
-- change; they make stay status and the overstay list index look-ups.
CREATE TABLE stay (
  person_id       TEXT COLLATE "C" NOT NULL,
  seq             INTEGER NOT NULL,
  entry_id        TEXT COLLATE "C" NOT NULL,
  exit_id         TEXT COLLATE "C" NOT NULL,
  entry_date      TEXT COLLATE "C" NOT NULL,
  exit_date       TEXT COLLATE "C" NOT NULL,
  permitted_until TEXT COLLATE "C" NOT NULL,
  flags           INTEGER NOT NULL,
  PRIMARY KEY (person_id, seq)
);
-- Only stays that can be (or were) overstays: open ones and those that ended
-- after their permitted stay. Keeps the overstay list an index range scan.
CREATE INDEX stay_overstay ON stay (permitted_until)
  WHERE permitted_until <> '' AND (exit_date = '' OR exit_date > permitted_until);
