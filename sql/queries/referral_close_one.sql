UPDATE referral SET status = 'closed', closed_at = $2, note = $3
WHERE id = $1 AND status = 'open'
