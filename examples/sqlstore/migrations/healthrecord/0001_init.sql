-- The health record (healthrecord.Store): residents, households, checkups,
-- family-doctor contracts and the service timeline. Each table keeps the record as
-- JSON in body and, as columns, what the Store's lookups, filters, orders and unique
-- keys need. Dates are ISO text (YYYY-MM-DD), '' for the zero date.

-- Residents, unique by ID, by ID number and by archive number; the numbers are ''
-- when absent (a child without an ID number) and are then not unique.
CREATE TABLE residents (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	archive {{key}} NOT NULL,
	id_number {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE UNIQUE INDEX residents_id_number ON residents (id_number) WHERE id_number <> '';
CREATE UNIQUE INDEX residents_archive ON residents (archive) WHERE archive <> '';
-- Streams by archive number (a jurisdiction is a prefix), ties by ID.
CREATE INDEX residents_order ON residents (archive, id);

-- The key-population tags of each resident, for the tag filter.
CREATE TABLE resident_tags (
	resident {{key}} NOT NULL,
	tag {{key}} NOT NULL,
	PRIMARY KEY (resident, tag)
);
CREATE INDEX resident_tags_tag ON resident_tags (tag, resident);

CREATE TABLE households (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	body TEXT NOT NULL
);

CREATE TABLE checkups (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	resident {{key}} NOT NULL,
	date {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX checkups_resident ON checkups (resident, date, id);
CREATE INDEX checkups_date ON checkups (date, id);

-- Contracts with their period [period_start, period_end).
CREATE TABLE contracts (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	resident {{key}} NOT NULL,
	team {{key}} NOT NULL,
	period_start {{key}} NOT NULL,
	period_end {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX contracts_resident ON contracts (resident, period_start, id);
CREATE INDEX contracts_team ON contracts (team, period_start, id);
CREATE INDEX contracts_start ON contracts (period_start, id);

-- The append-only service timeline; seq is the appending order. Events with a
-- reference are unique by (resident, kind, ref).
CREATE TABLE service_events (
	seq {{serial}},
	resident {{key}} NOT NULL,
	kind {{key}} NOT NULL,
	date {{key}} NOT NULL,
	ref {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE UNIQUE INDEX service_events_ref ON service_events (resident, kind, ref) WHERE ref <> '';
CREATE INDEX service_events_order ON service_events (resident, date, seq);
