-- The member (municipality) a participant comes from, if they said so when joining: the member's page lists
-- the workshops its people took part in.
ALTER TABLE workshop_participant ADD COLUMN member_id BIGINT NULL;
CREATE INDEX ix_participant_member ON workshop_participant (member_id);
