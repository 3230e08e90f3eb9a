-- The women's health projects (womenshealth.Store): the 两癌 checks and the maternal
-- death, under-5 death and birth-defect reports. Each record is JSON in body (jsonb on
-- PostgreSQL); the columns are what the filters and the order need: the village code
-- (filtered by prefix) and the date (ISO text) of the check, or of the reported event.
CREATE TABLE women_screenings (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX women_screenings_date ON women_screenings (date, id);
CREATE TABLE women_reports (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	event {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX women_reports_event ON women_reports (event, id);
