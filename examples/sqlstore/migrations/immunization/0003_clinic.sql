-- The clinic's records beyond the schedule: AEFI reports (immunization.AEFIStore),
-- cold-chain temperature logs (immunization.ColdChainStore), floating children's
-- movements (immunization.MovementStore) and campaigns (immunization.CampaignStore).
-- As the other tables: the record as JSON in body, as columns what the lookups, filters
-- and orders need.
-- Every statement may run again over its own result (IF NOT EXISTS; jsonb to jsonb), as
-- a database rolled back to an earlier schema version and upgraded again runs it.

-- AEFI reports, streamed by the instant found (found: UTC, fixed-width text that sorts
-- as the instants do), then ID; filtered by village prefix and by the day found in
-- Asia/Shanghai (found_day, ISO date).
CREATE TABLE IF NOT EXISTS immunization_aefi (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	found {{key}} NOT NULL,
	found_day {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS immunization_aefi_order ON immunization_aefi (found, id);
CREATE INDEX IF NOT EXISTS immunization_aefi_village ON immunization_aefi (village, found_day);
{{postgres}} ALTER TABLE immunization_aefi ALTER COLUMN body TYPE jsonb USING body::jsonb;

-- Temperature logs, streamed by clinic, device, the first reading's instant (start,
-- as found above), then ID; filtered by clinic and by the day of the first reading in
-- Asia/Shanghai (start_day).
CREATE TABLE IF NOT EXISTS immunization_temperature_logs (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	clinic {{key}} NOT NULL,
	device {{key}} NOT NULL,
	start {{key}} NOT NULL,
	start_day {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS immunization_temperature_logs_order ON immunization_temperature_logs (clinic, device, start, id);
{{postgres}} ALTER TABLE immunization_temperature_logs ALTER COLUMN body TYPE jsonb USING body::jsonb;

-- Movements of floating children, streamed by resident, date, then ID; filtered by
-- resident and village prefix.
CREATE TABLE IF NOT EXISTS immunization_movements (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	resident {{key}} NOT NULL,
	village {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS immunization_movements_order ON immunization_movements (resident, date, id);
CREATE INDEX IF NOT EXISTS immunization_movements_village ON immunization_movements (village);
{{postgres}} ALTER TABLE immunization_movements ALTER COLUMN body TYPE jsonb USING body::jsonb;

-- Campaigns, streamed by start, then ID; filtered by overlap with a period (start <
-- the period's end and the period's start < end, as ISO dates).
CREATE TABLE IF NOT EXISTS immunization_campaigns (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	start {{key}} NOT NULL,
	"end" {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS immunization_campaigns_order ON immunization_campaigns (start, id);
{{postgres}} ALTER TABLE immunization_campaigns ALTER COLUMN body TYPE jsonb USING body::jsonb;
