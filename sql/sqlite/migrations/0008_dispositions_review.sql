-- A second person for dismissals that matter (issue 12, defect 9): a
-- dismissal of a sanctions or wanted-person hit scoring at or above the
-- list's confirm_at waits for a supervisor other than the one who dismissed
-- it, and clears later inspections only once confirmed.

-- 0 = the default (BMIS_DISPOSITION_DEFAULT_CONFIRM_AT, 0.90).
ALTER TABLE watchlist ADD COLUMN confirm_at REAL NOT NULL DEFAULT 0;

-- The hit's score when decided (1 when not known).
ALTER TABLE hit_disposition ADD COLUMN score REAL NOT NULL DEFAULT 1;
-- '' applies at once; 'pending' waits for a supervisor; then 'confirmed' or
-- 'rejected' with who reviewed it, when and why.
ALTER TABLE hit_disposition ADD COLUMN review TEXT NOT NULL DEFAULT ''
  CHECK (review IN ('', 'pending', 'confirmed', 'rejected'));
ALTER TABLE hit_disposition ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE hit_disposition ADD COLUMN review_role TEXT NOT NULL DEFAULT '';
ALTER TABLE hit_disposition ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE hit_disposition ADD COLUMN reviewed_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX hit_disposition_review ON hit_disposition (review, at);

-- Dismissals of sanctions and wanted-person hits made before this rule had
-- no second person and their score was not kept: every one of them waits
-- for a supervisor now.
UPDATE hit_disposition SET review = 'pending'
WHERE decision = 'dismissed'
  AND list IN (SELECT name FROM watchlist
               WHERE category IN ('sanctions', 'wanted'));
