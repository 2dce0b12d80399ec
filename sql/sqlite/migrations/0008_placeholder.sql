-- Placeholder: migration 0008 belongs to another branch of issue 12. The
-- migrations must be numbered without gaps, so this branch (disp, which owns
-- 0010) holds the number until the merge, where this file is deleted in
-- favour of that branch's 0008.
SELECT 1;
