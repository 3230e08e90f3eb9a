package sqlstore_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/worklist"
)

// plainReferrals is the register with nothing but referral.Store.
type plainReferrals struct{ referral.Store }

// TestWorklistReferralsScanEqualsStores checks that the referral follow-ups due (the
// 2-week follow-up of the outcome, a TB suspect's 1-week attendance check) come through
// the store's one-scan subjects as through the Store interfaces: the same entries, some
// of them with referral items, on SQLite and on PostgreSQL.
func TestWorklistReferralsScanEqualsStores(t *testing.T) {
	for name, open := range map[string]func() *sqlstore.DB{"sqlite": sqliteStores(t), "postgres": postgresStores(t)} {
		t.Run(name, func(t *testing.T) {
			db := open()
			require.NotNil(t, db)
			ctx := context.Background()
			county, err := synth.New(synth.Config{Seed: 1, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: 400, Year: 2025})
			require.NoError(t, err)
			st := countyStores(db)
			st.Referrals = db.Referrals()
			require.NoError(t, county.LoadTownship(ctx, st, 1))

			// Open slips: the synthetic county follows most up; leave some open.
			n := 0
			for r, err := range db.Referrals().Referrals(ctx, referral.Filter{}) {
				require.NoError(t, err)
				if n++; n%2 == 0 && !r.FollowedUp.IsZero() {
					r.FollowedUp, r.Outcome = gongwei.Date{}, referral.OutcomeUnknown
					prev := r.Version
					r.Version++
					require.NoError(t, db.Referrals().PutReferral(ctx, r, prev))
				}
			}
			require.NotZero(t, n, "the county has referrals")

			// The one-pass read serves the register and carries each slip once.
			year := gongwei.Year(2025)
			seq, ok := db.Subjects(ctx, indicators.SubjectQuery{Prefix: "410523001", Period: year, Records: db.HealthRecord(), Referrals: db.Referrals()})
			require.True(t, ok, "the scan serves the register")
			scanned, stored := 0, 0
			for s, err := range seq {
				require.NoError(t, err)
				for _, r := range s.Referrals {
					require.Equal(t, s.Resident.ID, r.Resident)
					scanned++
				}
			}
			for _, err := range db.Referrals().Referrals(ctx, referral.Filter{Prefix: "410523001", Period: year}) {
				require.NoError(t, err)
				stored++
			}
			assert.Equal(t, stored, scanned, "every slip of the year once")
			_, ok = db.Subjects(ctx, indicators.SubjectQuery{Period: year, Records: db.HealthRecord(), Referrals: plainReferrals{db.Referrals()}})
			assert.False(t, ok, "a register not of the database is not served")

			scan, plain := worklistPaths(db, true)
			l := worklist.New(append(worklist.Sources(), worklist.ReferralSource{})...)
			referrals := 0
			for _, q := range []worklist.Query{
				worklistQuery("410523001", "2025-12-01", "2026-01-01"),
				worklistQuery("410523001", "2025-06-02", "2025-06-09"),
				worklistQuery("410523001102", "2025-12-29", "2026-01-05"),
			} {
				a, b := collectBoth(t, l, scan, plain, q)
				require.Equal(t, len(a), len(b), "%s %v: entries", q.Prefix, q.Range)
				for i := range a {
					require.Equal(t, a[i], b[i], "%s %v: entry %d", q.Prefix, q.Range, i)
					for _, it := range a[i].Items {
						if it.Service == worklist.Referral {
							referrals++
						}
					}
				}
			}
			assert.NotZero(t, referrals, "referral follow-ups are listed")
		})
	}
}
