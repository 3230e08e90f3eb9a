-- The timeline clustered on its order, on SQLite. Loading a county writes about 35
-- B-tree entries per resident, and the timeline is 40 % of its rows: a rowid table
-- (seq), its unique index of references and its order index (resident, date, seq),
-- three B-trees. As a WITHOUT ROWID table keyed by (resident, date, seq) the table is
-- its order: two B-trees. seq is then assigned by the INSERT, one more than the
-- highest of the resident's events of that day, so it still follows the appending
-- order where the order uses it; the stored events keep theirs. The key-population
-- tags, a rowid table with an index of its key, are clustered on that key as well.
-- Columns, the other index names and every query stay as they were; each table is
-- rebuilt with its rows. PostgreSQL keeps its heap tables: a clustered key is SQLite's.

{{sqlite}} CREATE TABLE service_events_clustered (
	resident {{key}} NOT NULL,
	date {{key}} NOT NULL,
	seq INTEGER NOT NULL,
	kind {{key}} NOT NULL,
	ref {{key}} NOT NULL,
	body TEXT NOT NULL,
	PRIMARY KEY (resident, date, seq)
) WITHOUT ROWID;
{{sqlite}} INSERT INTO service_events_clustered (resident, date, seq, kind, ref, body)
	SELECT resident, date, seq, kind, ref, body FROM service_events;
{{sqlite}} DROP TABLE service_events;
{{sqlite}} ALTER TABLE service_events_clustered RENAME TO service_events;
{{sqlite}} CREATE UNIQUE INDEX service_events_ref ON service_events (resident, kind, ref) WHERE ref <> '';

{{sqlite}} CREATE TABLE resident_tags_clustered (
	resident {{key}} NOT NULL,
	tag {{key}} NOT NULL,
	PRIMARY KEY (resident, tag)
) WITHOUT ROWID;
{{sqlite}} INSERT INTO resident_tags_clustered (resident, tag) SELECT resident, tag FROM resident_tags;
{{sqlite}} DROP TABLE resident_tags;
{{sqlite}} ALTER TABLE resident_tags_clustered RENAME TO resident_tags;
{{sqlite}} CREATE INDEX resident_tags_tag ON resident_tags (tag, resident);
