-- More of what differs between networks, edited by each secretariat: the sender of its mails (empty: the
-- configured one) and its membership terms, shown on the application page and in the welcome mail (empty: the
-- standard terms of the application's language).
ALTER TABLE network ADD COLUMN mail_sender VARCHAR(300) NULL;
ALTER TABLE network ADD COLUMN membership_terms TEXT NULL;
