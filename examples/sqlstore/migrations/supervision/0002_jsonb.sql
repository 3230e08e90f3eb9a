-- On PostgreSQL the bodies become jsonb, so analysts can query any field of a record
-- (body->>'Field', body @> '{...}', GIN indexes); the store writes and reads the same
-- JSON text as before. SQLite keeps JSON text (its json_* functions read it).
{{postgres}} ALTER TABLE supervision_units ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE supervision_inspections ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE supervision_complaints ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE supervision_clues ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE supervision_case_reports ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE supervision_emergency_reports ALTER COLUMN body TYPE jsonb USING body::jsonb;
