-- A question deleted after its session opened is kept, marked removed: the groups no longer see it, but the
-- answers they gave stay linked to it (by id) and appear under its text in the summary and the export.
ALTER TABLE workshop_question ADD COLUMN removed_at DATETIME(6) NULL;
