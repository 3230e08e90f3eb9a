package sqlstore_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/worklist"
)

// The stores with nothing but their domain's Store: the worklist reads them resident by
// resident instead of through the one-scan SubjectSource.
type (
	plainRecords      struct{ healthrecord.Store }
	plainChronic      struct{ chronic.Store }
	plainMaternal     struct{ maternal.Store }
	plainChild        struct{ child.Store }
	plainImmunization struct{ immunization.Store }
)

// TestWorklistScanEqualsStores checks that the worklist from the store's one-scan
// subjects equals the worklist read through the Store interfaces, entry by entry, for
// the township and for a village, in weeks of the year, on SQLite and on PostgreSQL.
func TestWorklistScanEqualsStores(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { worklistPathsEqual(t, openWorklistTownship(t, 600)) })
	t.Run("postgres", func(t *testing.T) {
		db := postgresStores(t)()
		require.NotNil(t, db)
		county, err := synth.New(synth.Config{Seed: 1, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: 600, Year: 2025})
		require.NoError(t, err)
		require.NoError(t, county.LoadTownship(context.Background(), countyStores(db), 1))
		worklistPathsEqual(t, db)
	})
}

// worklistPaths returns db's stores as the worklist reads them through the one-scan
// subjects (scan) and with nothing but their Store interfaces (plain); withReferrals
// adds the referral register to both.
func worklistPaths(db *sqlstore.DB, withReferrals bool) (scan, plain worklist.Stores) {
	scan = worklist.Stores{Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(), Child: db.Child(), Immunization: db.Immunization()}
	plain = worklist.Stores{Records: plainRecords{db.HealthRecord()}, Chronic: plainChronic{db.Chronic()}, Maternal: plainMaternal{db.Maternal()},
		Child: plainChild{db.Child()}, Immunization: plainImmunization{db.Immunization()}}
	if withReferrals {
		scan.Referrals, plain.Referrals = db.Referrals(), plainReferrals{db.Referrals()}
	}
	return scan, plain
}

// worklistQuery is the query of the worklist of the units under prefix due from start
// up to end.
func worklistQuery(prefix, start, end string) worklist.Query {
	return worklist.Query{Prefix: prefix, Range: gongwei.Period{Start: gongwei.MustParseDate(start), End: gongwei.MustParseDate(end)}}
}

// collectBoth returns l's worklist of q read through scan (a) and through plain (b).
func collectBoth(t *testing.T, l *worklist.List, scan, plain worklist.Stores, q worklist.Query) (a, b []*worklist.Entry) {
	t.Helper()
	ctx := context.Background()
	a, err := l.Collect(ctx, scan, q)
	require.NoError(t, err)
	b, err = l.Collect(ctx, plain, q)
	require.NoError(t, err)
	return a, b
}

func worklistPathsEqual(t *testing.T, db *sqlstore.DB) {
	scan, plain := worklistPaths(db, false)
	l := worklist.New()
	for _, q := range []worklist.Query{
		worklistQuery("410523001", "2025-06-02", "2025-06-09"),
		worklistQuery("410523001101", "2025-12-29", "2026-01-05"),
		worklistQuery("410523001", "2025-03-01", "2025-04-01"),
	} {
		a, b := collectBoth(t, l, scan, plain, q)
		require.NotEmpty(t, a, "someone is due in %v", q.Range)
		if !assert.Equal(t, len(a), len(b), "%s %v: entries", q.Prefix, q.Range) {
			ids := map[healthrecord.ResidentID]int{}
			for _, e := range a {
				ids[e.Resident]++
			}
			for _, e := range b {
				ids[e.Resident]--
			}
			for id, n := range ids {
				if n != 0 {
					t.Logf("%s: %+d", id, n)
				}
			}
			continue
		}
		for i := range a {
			if !assert.Equal(t, a[i], b[i], "%s %v: entry %d", q.Prefix, q.Range, i) {
				break
			}
		}
	}
}
