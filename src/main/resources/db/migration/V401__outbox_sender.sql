-- The sender a mail was written with (the network's own, if it set one); null: the configured sender.
ALTER TABLE mail_outbox ADD COLUMN sender VARCHAR(300) NULL;
