-- Health supervision (supervision.Store): supervised units, inspections, complaints,
-- clues, infectious disease case reports and public-health emergency reports. Each
-- table keeps the record as JSON in body and, as columns, what the Store's lookups,
-- filters and orders need: the 12-digit village (filters by division prefix) and the
-- date the filter and the order use. Dates are ISO text (YYYY-MM-DD), '' for the zero
-- date.

-- Units, streamed by ID; filtered by village prefix and kind.
CREATE TABLE supervision_units (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	kind {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX supervision_units_village ON supervision_units (village, id);

-- Inspections, streamed by date, then ID; filtered by unit, village prefix and date.
CREATE TABLE supervision_inspections (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	unit {{key}} NOT NULL,
	village {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX supervision_inspections_date ON supervision_inspections (date, id);
CREATE INDEX supervision_inspections_unit ON supervision_inspections (unit, date, id);
CREATE INDEX supervision_inspections_village ON supervision_inspections (village, date);

-- Complaints by the date received.
CREATE TABLE supervision_complaints (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	received {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX supervision_complaints_date ON supervision_complaints (received, id);
CREATE INDEX supervision_complaints_village ON supervision_complaints (village, received);

-- Clues by the date found.
CREATE TABLE supervision_clues (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	found {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX supervision_clues_date ON supervision_clues (found, id);
CREATE INDEX supervision_clues_village ON supervision_clues (village, found);

-- Infectious disease case reports by the date registered.
CREATE TABLE supervision_case_reports (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	registered {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX supervision_case_reports_date ON supervision_case_reports (registered, id);
CREATE INDEX supervision_case_reports_village ON supervision_case_reports (village, registered);

-- Emergency reports: filtered by the Asia/Shanghai date of discovery (discovered_date)
-- and ordered by the instant of discovery (discovered: UTC text of fixed width,
-- 2006-01-02T15:04:05.000000000Z, which sorts as the instants do).
CREATE TABLE supervision_emergency_reports (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	discovered_date {{key}} NOT NULL,
	discovered {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX supervision_emergency_reports_order ON supervision_emergency_reports (discovered, id);
CREATE INDEX supervision_emergency_reports_date ON supervision_emergency_reports (discovered_date);
CREATE INDEX supervision_emergency_reports_village ON supervision_emergency_reports (village, discovered_date);
