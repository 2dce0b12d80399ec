-- Enabled administrators other than $1.
SELECT count(*) FROM account
WHERE role = 'administrator' AND disabled = 0 AND username <> $1
