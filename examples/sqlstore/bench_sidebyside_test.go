//go:build go1.24

package sqlstore_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/gongwei-lib/gongwei/indicators"
)

// benchSizes are the county sizes of the SQLite benchmarks: 10,000 residents; 1,000
// under -short (the CI smoke run, -benchtime=1x); 10,000 and 100,000 with
// GONGWEI_BENCH_LARGE=1 (loading 100,000 residents through the services into SQLite
// takes minutes; set GONGWEI_BENCH_DIR to keep the file for later runs).
func benchSizes() []int {
	switch {
	case os.Getenv("GONGWEI_BENCH_LARGE") == "1":
		return []int{10_000, 100_000}
	case testing.Short():
		return []int{1_000}
	}
	return []int{10_000}
}

// BenchmarkSQLiteTally is the full indicator tally for the year (indicators.Compute,
// every domain) from the SQLite store, one goroutine: compare with the in-memory
// store's tally to see what the store costs. The county is loaded once per size and
// process; the load time is logged.
func BenchmarkSQLiteTally(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		b.Run("residents="+strconv.Itoa(n), func(b *testing.B) {
			bc := loadCounty(b, n, true)
			if bc.load > 0 {
				b.Logf("loaded %d residents through the services into SQLite in %v", n, bc.load)
			}
			stores := countyStores(bc.db)
			src := indicators.Sources{
				Records: stores.Records, Chronic: stores.Chronic, Maternal: stores.Maternal,
				Child: stores.Child, Immunization: stores.Immunization,
				Supervision: stores.Supervision, Education: stores.Education,
			}
			p := bc.county.Period()
			b.ReportAllocs()
			cells := 0
			for b.Loop() {
				tally := indicators.NewTally(4096)
				if err := indicators.Compute(ctx, src, "", p, tally); err != nil {
					b.Fatal(err)
				}
				cells = tally.Len()
			}
			if cells == 0 {
				b.Fatal("no cells")
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
		})
	}
}

// BenchmarkSideBySide times the side-by-side family (see sidebyside_test.go) over the
// same SQLite county three ways: sql (plain SQL inside SQLite), library (the library's
// streamed RecordIndicators and ChronicIndicators over the store: they fill every
// health-record and chronic indicator, the family among them) and handloop (one pass
// over the records held in plain slices, read from the store once outside the timer).
// TestSideBySide proves the three agree.
func BenchmarkSideBySide(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		b.Run("residents="+strconv.Itoa(n), func(b *testing.B) {
			bc := loadCounty(b, n, true)
			p := bc.county.Period()
			report := func(b *testing.B) {
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
			}
			b.Run("sql", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := sqlFamily(ctx, bc.db.SQL(), p); err != nil {
						b.Fatal(err)
					}
				}
				report(b)
			})
			b.Run("library", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := libraryFamily(ctx, bc.db, p); err != nil {
						b.Fatal(err)
					}
				}
				report(b)
			})
			b.Run("handloop", func(b *testing.B) {
				flat, err := readFlat(ctx, bc.db)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					handFamily(flat, p)
				}
				report(b)
			})
		})
	}
}
