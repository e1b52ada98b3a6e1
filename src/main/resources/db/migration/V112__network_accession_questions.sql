-- What differs between networks is their data: whether the application asks for an accession document signed by
-- the mayor and the coordinator's seat in the general assembly (Sund By Netværket's statutes) is a setting.
ALTER TABLE network ADD COLUMN accession_questions BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE network SET accession_questions = TRUE WHERE id = 'sund-by';
