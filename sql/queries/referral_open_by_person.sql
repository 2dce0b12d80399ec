-- A person's open referrals, through every document and movement they are
-- known by (protection follows the person, not one crossing).
SELECT r.id, r.movement_id, r.kind, r.status, r.opened_at, r.closed_at, r.note
FROM referral r
JOIN movement m ON m.id = r.movement_id
JOIN traveller t ON t.id = m.traveller_id
WHERE t.person_id = $1 AND r.status = 'open'
ORDER BY r.opened_at, r.id
