-- The township centre's work over its village clinics (villageclinic.Store): supervision
-- visits and training sessions. Each record is JSON in body (jsonb on PostgreSQL); the
-- columns are what the filters and the order need: the village code of a visit, the
-- township code of a session (both filtered by prefix) and the date (ISO text).
CREATE TABLE village_visits (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX village_visits_date ON village_visits (date, id);
CREATE INDEX village_visits_village ON village_visits (village, date);
CREATE TABLE village_trainings (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	township {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX village_trainings_date ON village_trainings (date, id);
