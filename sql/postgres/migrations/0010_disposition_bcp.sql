-- The crossing point of a hit disposition (issue 12): the inspection's it
-- was taken on, so that only a supervisor working there (or one whose
-- account covers every crossing point) reviews a dismissal, and the queue
-- of a supervisor lists that crossing point's dismissals only. '' when
-- there is none (a dismissal recorded through `bmis watchlist dispose`):
-- reviewed by an account with every crossing point.
ALTER TABLE hit_disposition ADD COLUMN bcp TEXT NOT NULL DEFAULT '';

-- Dispositions made before: the crossing point of the inspection named by
-- the audit entry of the same decision (same account, same second).
UPDATE hit_disposition SET bcp = COALESCE(
  (SELECT i.bcp FROM audit_log a
     JOIN inspection i ON a.record = 'inspection:' || i.id
   WHERE a.action = 'hit.dispose' AND a.actor = hit_disposition.by_user
     AND a.at = hit_disposition.at
   ORDER BY a.seq LIMIT 1), '');
CREATE INDEX hit_disposition_bcp ON hit_disposition (review, bcp, at);
