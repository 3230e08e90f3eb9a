-- What the indicators' rules read of a resident (indicators.CountedSubjectSource), as
-- columns of its own, written with the body by every put of a resident: the birth,
-- household and creation dates, the electronic flag, the basic information form's
-- residence type and living-since date, the closure's reason and date, and the outcome
-- the rules derived at save time with their edition (healthrecord.ResidentOutcome).
-- Dates are ISO text, '' for the zero date; flags are 0 or 1. The counted one-scan read
-- (DB.CountedSubjects) reads these columns through the covering index residents_id_archive
-- and never the body, except of a resident whose outcome is of another edition of the
-- rules.
--
-- The table is rebuilt with the columns before the body, and the residents stored
-- before are copied with the columns filled from their bodies (a JSON null or an absent
-- field is the zero value; true is 1).
CREATE TABLE residents_new (
	id {{key}} PRIMARY KEY,
	version BIGINT NOT NULL,
	archive {{key}} NOT NULL,
	id_number {{key}} NOT NULL,
	birth {{key}} NOT NULL,
	household {{key}} NOT NULL,
	created {{key}} NOT NULL,
	electronic INTEGER NOT NULL,
	residence {{key}} NOT NULL,
	living_since {{key}} NOT NULL,
	closure_reason INTEGER NOT NULL,
	closure_date {{key}} NOT NULL,
	outcome_edition INTEGER NOT NULL,
	outcome_valid INTEGER NOT NULL,
	outcome_cover INTEGER NOT NULL,
	outcome_form INTEGER NOT NULL,
	body TEXT NOT NULL
);
{{postgres}} ALTER TABLE residents_new ALTER COLUMN body TYPE jsonb USING body::jsonb;
{{sqlite}} INSERT INTO residents_new SELECT id, version, archive, id_number,
	coalesce(json_extract(body, '$.BirthDate'), ''),
	coalesce(json_extract(body, '$.Household'), ''),
	coalesce(json_extract(body, '$.Created'), ''),
	coalesce(json_extract(body, '$.Electronic'), 0),
	coalesce(json_extract(body, '$.Info.Residence'), ''),
	coalesce(json_extract(body, '$.Info.LivingSince'), ''),
	coalesce(json_extract(body, '$.Closure.Reason'), 0),
	coalesce(json_extract(body, '$.Closure.Date'), ''),
	coalesce(json_extract(body, '$.Derived.Edition'), 0),
	coalesce(json_extract(body, '$.Derived.Valid'), 0),
	coalesce(json_extract(body, '$.Derived.CoverComplete'), 0),
	coalesce(json_extract(body, '$.Derived.FormComplete'), 0),
	body
	FROM residents;
{{postgres}} INSERT INTO residents_new SELECT id, version, archive, id_number,
	coalesce(body->>'BirthDate', ''),
	coalesce(body->>'Household', ''),
	coalesce(body->>'Created', ''),
	CASE WHEN body->'Electronic' = 'true'::jsonb THEN 1 ELSE 0 END,
	coalesce(body->'Info'->>'Residence', ''),
	coalesce(body->'Info'->>'LivingSince', ''),
	coalesce((body->'Closure'->>'Reason')::integer, 0),
	coalesce(body->'Closure'->>'Date', ''),
	coalesce((body->'Derived'->>'Edition')::integer, 0),
	CASE WHEN body->'Derived'->'Valid' = 'true'::jsonb THEN 1 ELSE 0 END,
	CASE WHEN body->'Derived'->'CoverComplete' = 'true'::jsonb THEN 1 ELSE 0 END,
	CASE WHEN body->'Derived'->'FormComplete' = 'true'::jsonb THEN 1 ELSE 0 END,
	body::jsonb
	FROM residents;
DROP TABLE residents;
ALTER TABLE residents_new RENAME TO residents;
{{postgres}} ALTER INDEX residents_new_pkey RENAME TO residents_pkey;

-- The indexes of migrations 0001 and 0002, again, the archive number by resident ID
-- (residents_id_archive) now holding the counted columns too: the counted scan reads
-- the residents in ID order from that index alone, without the table's rows, and the
-- table keeps as many indexes as before.
CREATE UNIQUE INDEX residents_id_number ON residents (id_number) WHERE id_number <> '';
CREATE UNIQUE INDEX residents_archive ON residents (archive) WHERE archive <> '';
CREATE INDEX residents_order ON residents (archive, id);
{{sqlite}} CREATE INDEX residents_id_archive ON residents (id, archive, birth, household, created, electronic, residence, living_since, closure_reason, closure_date, outcome_edition, outcome_valid, outcome_cover, outcome_form);
{{postgres}} CREATE INDEX residents_id_archive ON residents (id, archive) INCLUDE (birth, household, created, electronic, residence, living_since, closure_reason, closure_date, outcome_edition, outcome_valid, outcome_cover, outcome_form);
