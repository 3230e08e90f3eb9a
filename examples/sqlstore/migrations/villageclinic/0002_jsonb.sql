-- On PostgreSQL the bodies become jsonb, as every domain's (see education/0002_jsonb.sql).
{{postgres}} ALTER TABLE village_visits ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE village_trainings ALTER COLUMN body TYPE jsonb USING body::jsonb;
