-- The clinic's records beyond the schedule (immunization.AEFIStore): AEFI reports.
-- As the other tables: the record as JSON in body, as columns what the lookups, filters
-- and orders need.

-- AEFI reports, streamed by the instant found (found: UTC, fixed-width text that sorts
-- as the instants do), then ID; filtered by village prefix and by the day found in
-- Asia/Shanghai (found_day, ISO date).
CREATE TABLE immunization_aefi (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	found {{key}} NOT NULL,
	found_day {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX immunization_aefi_order ON immunization_aefi (found, id);
CREATE INDEX immunization_aefi_village ON immunization_aefi (village, found_day);
{{postgres}} ALTER TABLE immunization_aefi ALTER COLUMN body TYPE jsonb USING body::jsonb;
