-- One row per task worked on our pages: the work on a task locks its row (an upsert), so two people
-- (or two nodes) pressing "done" at once are served one after the other, the second seeing the task ended.
CREATE TABLE task_work_lock (
    task_id  VARCHAR(64) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
