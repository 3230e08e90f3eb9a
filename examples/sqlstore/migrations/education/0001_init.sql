-- Health education (education.Store): the activity log. The record is JSON in body;
-- the columns are what the filters and the order need: the institution's division
-- code (filtered by prefix), the kind and the date (ISO text, '' for the zero date).
CREATE TABLE education_activities (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	division {{key}} NOT NULL,
	kind {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX education_activities_date ON education_activities (date, id);
CREATE INDEX education_activities_division ON education_activities (division, date);
