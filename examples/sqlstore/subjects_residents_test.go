package sqlstore_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// residentColumnValues is what the counted columns of a resident's row hold.
type residentColumnValues struct {
	Birth, Household, Created                   string
	Electronic                                  int64
	Residence, LivingSince                      string
	ClosureReason                               int64
	ClosureDate                                 string
	Edition, Valid, CoverComplete, FormComplete int64
}

// columnsOfBody returns the values the counted columns of r must hold: its fields, dates
// as ISO text ("" for the zero date), flags as 0 or 1.
func columnsOfBody(r *healthrecord.Resident) residentColumnValues {
	b := func(v bool) int64 {
		if v {
			return 1
		}
		return 0
	}
	return residentColumnValues{
		Birth: r.BirthDate.String(), Household: string(r.Household), Created: r.Created.String(),
		Electronic: b(r.Electronic), Residence: string(r.Info.Residence), LivingSince: r.Info.LivingSince.String(),
		ClosureReason: int64(r.Closure.Reason), ClosureDate: r.Closure.Date.String(),
		Edition: int64(r.Derived.Edition), Valid: b(r.Derived.Valid), CoverComplete: b(r.Derived.CoverComplete), FormComplete: b(r.Derived.FormComplete),
	}
}

// residentColumnsStats counts the rows of the kinds the test must cover.
type residentColumnsStats struct {
	rows, closed, living, nonElectronic, stale, incomplete int
}

// checkResidentColumns compares, for every resident, the counted columns with what its
// body decodes to (with encoding/json, not the store's decoder).
func checkResidentColumns(t *testing.T, db *sqlstore.DB) residentColumnsStats {
	t.Helper()
	ctx := context.Background()
	rows, err := db.SQL().QueryContext(ctx, `SELECT id, birth, household, created, electronic, residence, living_since,
		closure_reason, closure_date, outcome_edition, outcome_valid, outcome_cover, outcome_form, body FROM residents ORDER BY id`)
	require.NoError(t, err)
	defer rows.Close()
	var st residentColumnsStats
	for rows.Next() {
		var id string
		var c residentColumnValues
		var body []byte
		require.NoError(t, rows.Scan(&id, &c.Birth, &c.Household, &c.Created, &c.Electronic, &c.Residence, &c.LivingSince,
			&c.ClosureReason, &c.ClosureDate, &c.Edition, &c.Valid, &c.CoverComplete, &c.FormComplete, &body))
		var r healthrecord.Resident
		require.NoError(t, json.Unmarshal(body, &r))
		require.Equal(t, columnsOfBody(&r), c, "resident %d's columns", st.rows)
		st.rows++
		if c.ClosureReason != 0 {
			st.closed++
		}
		if c.LivingSince != "" {
			st.living++
		}
		if c.Electronic == 0 {
			st.nonElectronic++
		}
		if c.Edition != healthrecord.RulesEdition {
			st.stale++
		}
		if c.FormComplete == 0 {
			st.incomplete++
		}
	}
	require.NoError(t, rows.Err())
	return st
}

// TestResidentCountedColumns: the columns holding what the rules read of a resident equal
// what its body decodes to after every way of writing it — the bulk import of a county,
// a save, a closure, a resident stored without an outcome, the outcomes rewritten by
// Registry.Refresh — and after an upgrade that fills them for the residents stored
// before; the counted one-scan pass, which reads them instead of the bodies, computes
// the figures of the Store path throughout.
func TestResidentCountedColumns(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		dsn := dsns()
		db, county, stores := countedCounty(t, ctx, dsn)

		g := healthrecord.New(db.HealthRecord(), healthrecord.Options{Unattributed: true})
		// Saved: a non-registered resident living in the village since a date, not on an
		// electronic record.
		moved := recordtest.Resident(1)
		moved.Info.Residence = healthrecord.ResidenceNonRegistered
		moved.Info.LivingSince = gongwei.MustDate(2020, 5, 1)
		moved.Electronic = false
		require.NoError(t, g.SaveResident(ctx, moved))
		// Saved, then closed (an update).
		died := recordtest.Resident(2)
		require.NoError(t, g.SaveResident(ctx, died))
		_, err := g.Close(ctx, died.ID, healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: gongwei.MustDate(2025, 3, 1), Cause: "心肌梗死"})
		require.NoError(t, err)
		// Stored by a host without the Registry: no outcome, and an incomplete form.
		direct := recordtest.Resident(3)
		direct.Info.Living.Toilet = ""
		direct.Version = 1
		require.NoError(t, db.HealthRecord().PutResident(ctx, direct, 0))

		st := checkResidentColumns(t, db)
		require.Equal(t, 303, st.rows)
		require.Positive(t, st.closed, "closed residents")
		require.Positive(t, st.living, "living-since dates")
		require.Positive(t, st.nonElectronic, "non-electronic records")
		require.Equal(t, 1, st.stale, "the resident stored without an outcome")
		compareCounted(t, ctx, county, stores, "written, counted one scan vs Store path")

		// Refresh derives the missing outcome (an incomplete form) and rewrites the row.
		n, err := g.Refresh(ctx, "")
		require.NoError(t, err)
		require.Positive(t, n)
		st = checkResidentColumns(t, db)
		require.Zero(t, st.stale, "outcomes left to derive after Refresh")
		require.Positive(t, st.incomplete, "the incomplete form's outcome")
		compareCounted(t, ctx, county, stores, "refreshed, counted one scan vs Store path")

		// Back to the table before the columns: the upgrade fills them from the bodies.
		body, key := "TEXT", "TEXT"
		if db.Dialect() == "postgres" {
			body, key = "jsonb", `TEXT COLLATE "C"`
		}
		db = downgraded(t, ctx, db, dsn, "healthrecord", []string{
			"DELETE FROM schema_version WHERE domain = 'healthrecord' AND version = 4",
			"CREATE TABLE residents_old (id " + key + " PRIMARY KEY, version BIGINT NOT NULL, archive " + key + " NOT NULL, id_number " + key + " NOT NULL, body " + body + " NOT NULL)",
			"INSERT INTO residents_old SELECT id, version, archive, id_number, body FROM residents",
			"DROP TABLE residents",
			"ALTER TABLE residents_old RENAME TO residents",
			"CREATE UNIQUE INDEX residents_id_number ON residents (id_number) WHERE id_number <> ''",
			"CREATE UNIQUE INDEX residents_archive ON residents (archive) WHERE archive <> ''",
			"CREATE INDEX residents_order ON residents (archive, id)",
			"CREATE INDEX residents_id_archive ON residents (id, archive)",
		})
		st2 := checkResidentColumns(t, db)
		require.Equal(t, st, st2, "the upgraded columns")
		stores = countyStores(db)
		compareCounted(t, ctx, county, stores, "upgraded, counted one scan vs Store path")
	})
}

// countedCounty opens a database at dsn and loads a county of 300 residents into it:
// the setup of the tests of the counted columns.
func countedCounty(t *testing.T, ctx context.Context, dsn string) (*sqlstore.DB, *synth.County, synth.Stores) {
	t.Helper()
	db, err := sqlstore.Open(ctx, dsn)
	require.NoError(t, err)
	county, err := synth.New(synth.Config{Seed: 3, County: "410523", Townships: 1, VillagesPerTownship: 2, Residents: 300, Year: 2025})
	require.NoError(t, err)
	stores := countyStores(db)
	require.NoError(t, county.LoadAll(ctx, stores))
	return db, county, stores
}

// compareCounted checks that the counted one-scan pass over stores, which reads the
// counted columns, computes the cells of the Store path.
func compareCounted(t *testing.T, ctx context.Context, county *synth.County, stores synth.Stores, name string) {
	t.Helper()
	want := indicators.NewTally(0)
	require.NoError(t, indicators.Compute(ctx, storePath(allSources(stores)), "", county.Period(), want))
	got := indicators.NewTally(0)
	require.NoError(t, indicators.Compute(ctx, allSources(stores), "", county.Period(), got))
	require.Greater(t, got.Len(), 10)
	compareTallies(t, name, got, want)
}

// downgraded runs stmts on db (taking a table back to before a migration of domain),
// closes it and opens dsn again, which upgrades it: it returns the reopened database,
// at the latest schema version of domain.
func downgraded(t *testing.T, ctx context.Context, db *sqlstore.DB, dsn, domain string, stmts []string) *sqlstore.DB {
	t.Helper()
	for _, stmt := range stmts {
		_, err := db.SQL().ExecContext(ctx, stmt)
		require.NoError(t, err, stmt)
	}
	require.NoError(t, db.Close())
	db, err := sqlstore.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	v, err := db.SchemaVersion(ctx, domain)
	require.NoError(t, err)
	require.Equal(t, migrations(t, domain), v)
	return db
}
