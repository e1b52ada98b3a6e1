-- Where a session's group work happens (a room, a hall), shown to the secretariat and to the participants' phones.
ALTER TABLE workshop_session ADD COLUMN place VARCHAR(200) NULL;
