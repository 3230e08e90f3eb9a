-- Child health management, 0-6 years (child.Store): the child records and their
-- visits. Each table keeps the record as JSON in body and, as columns, what the
-- Store's lookups, filters, orders and unique keys need. Dates are ISO text
-- (YYYY-MM-DD), '' for the zero date.

-- Child records, one per child: unique by resident (the child's health record) when
-- it is set. Streams are ordered by ID.
CREATE TABLE child_records (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	resident {{key}} NOT NULL,
	village {{key}} NOT NULL,
	birth {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE UNIQUE INDEX child_records_resident ON child_records (resident) WHERE resident <> '';
CREATE INDEX child_records_village ON child_records (village, id);
CREATE INDEX child_records_birth ON child_records (birth, id);

-- Visits (checkups), streamed by child, then date, then ID.
CREATE TABLE child_visits (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	child {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX child_visits_order ON child_visits (child, date, id);
CREATE INDEX child_visits_date ON child_visits (date, id);
