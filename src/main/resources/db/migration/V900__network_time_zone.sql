-- The network's own time zone: reminders, deadlines and the yearly round fall on the network's day,
-- whatever zone the server runs in.
ALTER TABLE network ADD COLUMN time_zone VARCHAR(40) NOT NULL DEFAULT 'Europe/Copenhagen';
UPDATE network SET time_zone = 'Europe/Stockholm' WHERE country = 'SE';
UPDATE network SET time_zone = 'Europe/Oslo' WHERE country = 'NO';
