package sqlstore_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/immunization"
)

// doseColumnsStats counts the rows of the kinds the test must cover.
type doseColumnsStats struct {
	rows, outbreak, numbered int
}

// checkDoseColumns compares, for every vaccination, the columns holding its dose with
// what its body decodes to (with encoding/json, not the store's decoder).
func checkDoseColumns(t *testing.T, db *sqlstore.DB) doseColumnsStats {
	t.Helper()
	ctx := context.Background()
	rows, err := db.SQL().QueryContext(ctx, "SELECT date, vaccine, dose_number, outbreak, body FROM immunization_vaccinations ORDER BY id")
	require.NoError(t, err)
	defer rows.Close()
	var st doseColumnsStats
	for rows.Next() {
		var date, vaccine string
		var number, outbreak int64
		var body []byte
		require.NoError(t, rows.Scan(&date, &vaccine, &number, &outbreak, &body))
		var v immunization.Vaccination
		require.NoError(t, json.Unmarshal(body, &v))
		want, err := v.Dose.Vaccine.MarshalText()
		require.NoError(t, err)
		o := int64(0)
		if v.Dose.Outbreak {
			o = 1
			st.outbreak++
		}
		if v.Dose.Number != 0 {
			st.numbered++
		}
		require.Equal(t, []any{v.Dose.Date.String(), string(want), int64(v.Dose.Number), o}, []any{date, vaccine, number, outbreak}, "vaccination %s", v.ID)
		st.rows++
	}
	require.NoError(t, rows.Err())
	return st
}

// TestDoseColumns: the columns holding a vaccination's dose equal what its body decodes
// to after the bulk import of a county, after a vaccination is saved again with another
// dose, and after an upgrade that fills them for the vaccinations stored before; the
// counted one-scan pass, which reads them instead of the bodies, computes the figures of
// the Store path throughout.
func TestDoseColumns(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		dsn := dsns()
		db, county, stores := countedCounty(t, ctx, dsn)

		// Saved again: an outbreak dose with another number.
		var first *immunization.Vaccination
		for v, err := range db.Immunization().Vaccinations(ctx, immunization.VaccinationFilter{}) {
			require.NoError(t, err)
			first = v
			break
		}
		require.NotNil(t, first)
		changed := *first
		changed.Dose.Outbreak, changed.Dose.Number, changed.Version = true, 7, first.Version+1
		require.NoError(t, db.Immunization().PutVaccination(ctx, &changed, first.Version))

		st := checkDoseColumns(t, db)
		require.Greater(t, st.rows, 300)
		require.Equal(t, 1, st.outbreak, "the outbreak dose")
		require.Positive(t, st.numbered, "numbered doses")
		compareCounted(t, ctx, county, stores, "written, counted one scan vs Store path")

		// Back to the table before the columns: the upgrade fills them from the bodies.
		body, key := "TEXT", "TEXT"
		if db.Dialect() == "postgres" {
			body, key = "jsonb", `TEXT COLLATE "C"`
		}
		db = downgraded(t, ctx, db, dsn, "immunization", []string{
			"DELETE FROM schema_version WHERE domain = 'immunization' AND version = 4",
			"CREATE TABLE vaccinations_old (id " + key + " PRIMARY KEY, version BIGINT NOT NULL, resident " + key + " NOT NULL, village " + key + " NOT NULL, date " + key + " NOT NULL, body " + body + " NOT NULL)",
			"INSERT INTO vaccinations_old SELECT id, version, resident, village, date, body FROM immunization_vaccinations",
			"DROP TABLE immunization_vaccinations",
			"ALTER TABLE vaccinations_old RENAME TO immunization_vaccinations",
			"CREATE INDEX immunization_vaccinations_resident ON immunization_vaccinations (resident, date, id)",
			"CREATE INDEX immunization_vaccinations_date ON immunization_vaccinations (date, id)",
			"CREATE INDEX immunization_vaccinations_village ON immunization_vaccinations (village, date)",
		})
		require.Equal(t, st, checkDoseColumns(t, db), "the upgraded columns")
		stores = countyStores(db)
		compareCounted(t, ctx, county, stores, "upgraded, counted one scan vs Store path")
	})
}
