-- A fee rule has the year it applies from: a network keeps one rule per year, and a year's fee list uses the
-- newest rule from that year or before, so next year's rule never changes last year's list.
ALTER TABLE membership_fee_rule ADD COLUMN first_year INT NOT NULL DEFAULT 2000;
UPDATE membership_fee_rule SET first_year = 2022 WHERE network_id = 'sunne-kommuner' AND example = FALSE;
-- the new key starts with network_id, so the network's foreign key keeps an index when the old one goes
ALTER TABLE membership_fee_rule ADD CONSTRAINT uq_mfee_network_year UNIQUE (network_id, first_year);
ALTER TABLE membership_fee_rule DROP INDEX uq_mfee_network;
