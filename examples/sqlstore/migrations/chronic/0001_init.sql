-- Chronic-disease management (chronic.Store): the managed patients (hypertension,
-- type 2 diabetes, severe mental disorders, tuberculosis) and their follow-up visits.
-- Each table keeps the record as JSON in body and, as columns, what the Store's
-- lookups, filters and orders need. Dates are ISO text (YYYY-MM-DD), '' for the zero
-- date.

-- Patients: one row per resident and condition. Streams are ordered by village (a
-- jurisdiction is a prefix), then by ID.
CREATE TABLE chronic_patients (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	condition_code {{key}} NOT NULL,
	resident {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX chronic_patients_order ON chronic_patients (village, id);
CREATE INDEX chronic_patients_condition ON chronic_patients (condition_code, village, id);
CREATE INDEX chronic_patients_resident ON chronic_patients (resident, village, id);

-- Follow-up visits, dated by the follow-up they hold (chronic.Visit.Date).
CREATE TABLE chronic_visits (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	patient {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX chronic_visits_patient ON chronic_visits (patient, date, id);
CREATE INDEX chronic_visits_date ON chronic_visits (date, id);
