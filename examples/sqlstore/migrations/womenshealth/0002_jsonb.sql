-- On PostgreSQL the bodies become jsonb, as every domain's (see education/0002_jsonb.sql).
{{postgres}} ALTER TABLE women_screenings ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{postgres}} ALTER TABLE women_reports ALTER COLUMN body TYPE jsonb USING body::jsonb;
