-- How many times the first pass of an application was started. A review interrupted by a crash is
-- resumed at the next start; one that keeps being interrupted (a file that kills the process) is
-- marked FAILED with a reason instead of crashing the workbench at every start.
ALTER TABLE application ADD COLUMN review_attempts INTEGER NOT NULL DEFAULT 0 CHECK (review_attempts >= 0);
