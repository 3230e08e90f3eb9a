-- On PostgreSQL the bodies become jsonb, so analysts can query any field of a record
-- (body->>'Field', body @> '{...}', GIN indexes); the store writes and reads the same
-- JSON text as before. SQLite keeps JSON text (its json_* functions read it).
{{postgres}} ALTER TABLE child_records ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE child_visits ALTER COLUMN body TYPE jsonb USING body::jsonb;

-- Child records in resident order, those without a resident ('') included: the one-scan
-- read (DB.Subjects) merges them on the resident.
CREATE INDEX child_records_by_resident ON child_records (resident, id);
