-- Accounts bound to crossing points, sessions that end when they should,
-- and failed logins counted by client as well as by name (issue 12).
--
-- account.bcps: the crossing points the account may work at, as codes
-- separated by commas ("AMA,UTP"), or "*" for every one (administrators
-- always). An existing account keeps working where it worked: its default
-- crossing point, or every one for an administrator.
ALTER TABLE account ADD COLUMN bcps TEXT NOT NULL DEFAULT '';
UPDATE account SET bcps = CASE WHEN role = 'administrator' THEN '*'
                               ELSE default_bcp END;

-- session.last_seen: the last request (Unix seconds, written at most once a
-- minute), for the idle timeout. A session of a disabled account is ended
-- for good, so that enabling the account again does not revive it.
ALTER TABLE session ADD COLUMN last_seen BIGINT NOT NULL DEFAULT 0;
UPDATE session SET last_seen = created_at;
UPDATE session SET revoked = 1
WHERE username IN (SELECT username FROM account WHERE disabled = 1);
CREATE INDEX session_by_username ON session (username);

-- login_failure.client: the address the failed login came from, so that a
-- client guessing many names is slowed, and a name guessed from elsewhere
-- does not lock out its owner ('' when the front end did not say).
ALTER TABLE login_failure ADD COLUMN client TEXT COLLATE "C" NOT NULL DEFAULT '';
CREATE INDEX login_failure_by_client ON login_failure (client, at);
