-- Reserved for the branch that owns migration 8 (issue 12's other work):
-- a placeholder so that this branch's migration 9 has no gap. It changes
-- nothing; drop this file when that branch's 0008 is merged.

DROP TABLE IF EXISTS reserved_migration_0008;
