UPDATE referral SET status = 'closed', closed_at = $3
WHERE movement_id = $1 AND kind = $2 AND status = 'open'
