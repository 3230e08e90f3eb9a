-- On PostgreSQL the bodies become jsonb, so analysts can query any field of a record
-- (body->>'Field', body @> '{...}', GIN indexes); the store writes and reads the same
-- JSON text as before. SQLite keeps JSON text (its json_* functions read it).
{{postgres}} ALTER TABLE residents ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE households ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE checkups ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE contracts ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE service_events ALTER COLUMN body TYPE jsonb USING body::jsonb;

-- The head of each household (healthrecord.Household.Head), in head order: the one-scan
-- read of the residents (DB.Subjects) merges it on the resident to tell the heads of
-- households.
{{sqlite}} CREATE INDEX households_head ON households (json_extract(body, '$.Head'), id);
{{postgres}} CREATE INDEX households_head ON households (((body->>'Head') COLLATE "C"), id);

-- The archive number by resident ID: the one-scan read of a jurisdiction joins the
-- residents' other tables to the residents whose archive number it starts with.
CREATE INDEX residents_id_archive ON residents (id, archive);
