-- Health-literacy survey responses (education.SurveyStore). The record is JSON in body
-- (jsonb on PostgreSQL); the columns are what the filters and the order need: the
-- village code of the respondent (filtered by prefix) and the interview date.
CREATE TABLE IF NOT EXISTS education_survey_responses (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	division {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS education_survey_responses_date ON education_survey_responses (date, id);
{{postgres}} ALTER TABLE education_survey_responses ALTER COLUMN body TYPE jsonb USING body::jsonb;
