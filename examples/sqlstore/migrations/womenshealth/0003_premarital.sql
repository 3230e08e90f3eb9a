-- The marriage registrations and premarital checks (womenshealth.PremaritalStore): JSON
-- in body (jsonb on PostgreSQL); the columns are the village code (filtered by prefix)
-- and the registration date (ISO text), the filter's and the order's. Every statement may run
-- again (a schema set back to an earlier version is upgraded again).
CREATE TABLE IF NOT EXISTS women_premarital (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	registered {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS women_premarital_registered ON women_premarital (registered, id);
{{postgres}} ALTER TABLE women_premarital ALTER COLUMN body TYPE jsonb USING body::jsonb;
