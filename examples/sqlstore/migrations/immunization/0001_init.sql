-- Immunization (immunization.Store): children's registrations and the doses given.
-- Each table keeps the record as JSON in body and, as columns, what the Store's
-- lookups, filters and orders need. Dates are ISO text (YYYY-MM-DD), '' for the zero
-- date.

-- Registrations, keyed by the resident's health-record ID (id), streamed by village,
-- then resident; filtered by village prefix.
CREATE TABLE immunization_registrations (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX immunization_registrations_order ON immunization_registrations (village, id);

-- Vaccinations (doses given), streamed by date, then ID; filtered by resident,
-- village prefix and date.
CREATE TABLE immunization_vaccinations (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	resident {{key}} NOT NULL,
	village {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX immunization_vaccinations_resident ON immunization_vaccinations (resident, date, id);
CREATE INDEX immunization_vaccinations_date ON immunization_vaccinations (date, id);
CREATE INDEX immunization_vaccinations_village ON immunization_vaccinations (village, date);
