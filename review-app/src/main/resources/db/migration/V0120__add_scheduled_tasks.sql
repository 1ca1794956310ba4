-- The durable job queue of db-scheduler (docs/decisions/015-durable-review-jobs.md): one row per
-- pending or running job, shared by every workbench instance on this database. A job is claimed by
-- an instance (picked, picked_by) and kept alive by its heartbeat; a job whose instance died is
-- picked up by another. Table layout as db-scheduler 16 expects it for PostgreSQL.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    state                TEXT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Reviews that were under way before the job engine: each becomes a job, as if just submitted
-- (their review_attempts still count towards giving up).
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
SELECT 'review-application', id::text, now(), FALSE, 1
FROM application WHERE status IN ('RECEIVED', 'PROCESSING');
