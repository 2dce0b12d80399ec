-- What a desk was shown is personal data kept only as long as it serves:
-- decided inspections older than $1, whose referrals are all closed, keep
-- their decision (held, alternative, notice language) and lose the rest.
UPDATE inspection
SET request_json = '{}', result_json = '{}', hits_json = '[]',
    traveller_key = ''
WHERE status = 'decided' AND decided_at < $1 AND result_json <> '{}'
  AND NOT EXISTS (SELECT 1 FROM referral
                  WHERE referral.movement_id = inspection.id
                    AND referral.status = 'open')
