-- Maternal health management (maternal.Store): pregnancies, each with its booking,
-- prenatal visits, delivery and postpartum visits in body (JSON). The columns are what
-- the Store's filters and order need. Dates are ISO text (YYYY-MM-DD), '' for the zero
-- date.

-- span_start and span_end bound the pregnancy's care (maternal.Pregnancy.Span: from
-- the LMP to 42 days after the end, End excluded); span_end is '' while the pregnancy
-- is ongoing. Streams are ordered by village (a jurisdiction is a prefix), then by ID.
CREATE TABLE maternal_pregnancies (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	village {{key}} NOT NULL,
	resident {{key}} NOT NULL,
	span_start {{key}} NOT NULL,
	span_end {{key}} NOT NULL,
	body TEXT NOT NULL
);
CREATE INDEX maternal_pregnancies_order ON maternal_pregnancies (village, id);
CREATE INDEX maternal_pregnancies_resident ON maternal_pregnancies (resident, village, id);
