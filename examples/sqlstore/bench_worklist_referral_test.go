package sqlstore_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/worklist"
)

// BenchmarkWorklistReferrals is a township's worklist for a week read through the
// store's one-pass scan without the referral register and with it (Stores.Referrals and
// worklist.ReferralSource): the cost of the register's scan and source. 3,000 residents
// loaded through the services into a new SQLite file.
func BenchmarkWorklistReferrals(b *testing.B) {
	const n = 3_000
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "referrals.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	county, err := synth.New(synth.Config{Seed: 1, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: n, Year: 2025})
	if err != nil {
		b.Fatal(err)
	}
	st := countyStores(db)
	st.Referrals = db.Referrals()
	if err := county.LoadTownship(ctx, st, 1); err != nil {
		b.Fatal(err)
	}
	q := worklist.Query{Prefix: "410523001", Range: gongwei.Period{Start: gongwei.MustParseDate("2025-12-01"), End: gongwei.MustParseDate("2026-01-01")}}
	without := worklist.Stores{Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(), Child: db.Child(), Immunization: db.Immunization()}
	with := without
	with.Referrals = db.Referrals()
	for _, c := range []struct {
		name string
		st   worklist.Stores
		l    *worklist.List
	}{
		{"without-register", without, worklist.New()},
		{"with-register", with, worklist.New(append(worklist.Sources(), worklist.ReferralSource{})...)},
	} {
		b.Run(c.name+"/residents="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			entries := 0
			for b.Loop() {
				es, err := c.l.Collect(ctx, c.st, q)
				if err != nil {
					b.Fatal(err)
				}
				entries = len(es)
			}
			b.ReportMetric(float64(entries), "entries")
		})
	}
}
