-- On PostgreSQL the bodies become jsonb, so analysts can query any field of a record
-- (body->>'Field', body @> '{...}', GIN indexes); the store writes and reads the same
-- JSON text as before. SQLite keeps JSON text (its json_* functions read it).
{{postgres}} ALTER TABLE maternal_pregnancies ALTER COLUMN body TYPE jsonb USING body::jsonb;
