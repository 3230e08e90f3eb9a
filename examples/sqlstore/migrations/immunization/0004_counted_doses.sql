-- What the indicators' rules read of a vaccination (indicators.CountedSubjectSource),
-- its dose, as columns of its own written with the body by every put of a vaccination:
-- the vaccine (immunization.Vaccine's identifier, '' for none), the dose number and
-- the outbreak flag (0 or 1); the dose's date is the date column. The counted one-scan
-- read (DB.CountedSubjects) reads them through the index of a resident's vaccinations,
-- which now holds them too, and never the table's rows or bodies.
--
-- The table is rebuilt with the columns before the body, and the vaccinations stored
-- before are copied with the columns filled from their bodies (a JSON null or an absent
-- field is the zero value; true is 1). Run again over its own result, it rebuilds the
-- table the same.
CREATE TABLE immunization_vaccinations_new (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	resident {{key}} NOT NULL,
	village {{key}} NOT NULL,
	date {{key}} NOT NULL,
	vaccine {{key}} NOT NULL,
	dose_number INTEGER NOT NULL,
	outbreak INTEGER NOT NULL,
	body TEXT NOT NULL
);
{{postgres}} ALTER TABLE immunization_vaccinations_new ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{sqlite}} INSERT INTO immunization_vaccinations_new SELECT id, version, resident, village, date,
	coalesce(json_extract(body, '$.Dose.Vaccine'), ''),
	coalesce(json_extract(body, '$.Dose.Number'), 0),
	coalesce(json_extract(body, '$.Dose.Outbreak'), 0),
	body
	FROM immunization_vaccinations;
{{postgres}} INSERT INTO immunization_vaccinations_new SELECT id, version, resident, village, date,
	coalesce(body->'Dose'->>'Vaccine', ''),
	coalesce((body->'Dose'->>'Number')::integer, 0),
	CASE WHEN body->'Dose'->'Outbreak' = 'true'::jsonb THEN 1 ELSE 0 END,
	body::jsonb
	FROM immunization_vaccinations;
DROP TABLE immunization_vaccinations;
ALTER TABLE immunization_vaccinations_new RENAME TO immunization_vaccinations;
{{postgres}} ALTER INDEX immunization_vaccinations_new_pkey RENAME TO immunization_vaccinations_pkey;

-- The indexes of migration 0001, again, a resident's vaccinations by date
-- (immunization_vaccinations_resident) now holding the dose's columns too: the counted
-- scan reads them in resident order from that index alone, and the table keeps as many
-- indexes as before.
{{sqlite}} CREATE INDEX immunization_vaccinations_resident ON immunization_vaccinations (resident, date, id, vaccine, dose_number, outbreak);
{{postgres}} CREATE INDEX immunization_vaccinations_resident ON immunization_vaccinations (resident, date, id) INCLUDE (vaccine, dose_number, outbreak);
CREATE INDEX immunization_vaccinations_date ON immunization_vaccinations (date, id);
CREATE INDEX immunization_vaccinations_village ON immunization_vaccinations (village, date);
