-- On PostgreSQL the bodies become jsonb, as every domain's (see education/0002_jsonb.sql).
{{postgres}} ALTER TABLE referrals ALTER COLUMN body TYPE jsonb USING body::jsonb;
