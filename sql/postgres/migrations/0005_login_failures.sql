-- Failed logins, by the username tried (known or not), so that guessing is
-- slowed: after BMIS_LOGIN_FAILURES_MAX failures within the window, logins
-- for that name are refused until the oldest leaves it. Rows older than the
-- window are pruned as new ones come.

CREATE TABLE login_failure (
  username TEXT COLLATE "C" NOT NULL,
  at       BIGINT NOT NULL  -- Unix seconds
);
CREATE INDEX login_failure_by_name ON login_failure (username, at);
