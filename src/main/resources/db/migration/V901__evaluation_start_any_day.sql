-- A network's round may open on any day of the month (29-31 fall on the month's last day in a shorter month).
ALTER TABLE evaluation_settings DROP CONSTRAINT ck_evaluation_settings;
ALTER TABLE evaluation_settings ADD CONSTRAINT ck_evaluation_settings CHECK (start_month BETWEEN 1 AND 12
    AND start_day BETWEEN 1 AND 31 AND answer_days > 0 AND grace_days >= 0);
