-- Re-reviews as durable jobs (docs/decisions/015-durable-review-jobs.md, "Re-review"): a change that
-- calls for the checks to be run again (a correction, a row mapping, a promoted model, an examiner's
-- request) raises review_revision in its own transaction and schedules the job; the job stores its
-- review only while review_revision is still the one it read, and records it in reviewed_revision.
-- review_revision > reviewed_revision: a re-review is due, and no decision is taken on the stale review.
ALTER TABLE application
    ADD COLUMN review_revision   INT NOT NULL DEFAULT 0,
    ADD COLUMN reviewed_revision INT NOT NULL DEFAULT 0,
    ADD COLUMN rereview_attempts INT NOT NULL DEFAULT 0,
    ADD COLUMN rereview_failure  TEXT;

ALTER TABLE application
    ADD CONSTRAINT application_reviewed_revision_not_ahead CHECK (reviewed_revision <= review_revision);
