package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/heapsample"
	"github.com/gongwei-lib/gongwei/internal/synth"
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
// every domain) from the SQLite store, one call at a time: the per-resident domains
// come from the store's one-scan SubjectSource. The county is loaded once per size and
// process; the load time is logged.
func BenchmarkSQLiteTally(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		b.Run("residents="+strconv.Itoa(n), func(b *testing.B) {
			bc := loadCounty(b, n, true)
			if bc.load > 0 {
				b.Logf("loaded %d residents through the services into SQLite in %v", n, bc.load)
			}
			src := allSources(countyStores(bc.db))
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

// allSources are the indicators' sources over every store of s.
func allSources(s synth.Stores) indicators.Sources {
	return indicators.Sources{
		Records: s.Records, Chronic: s.Chronic, Maternal: s.Maternal,
		Child: s.Child, Immunization: s.Immunization,
		Supervision: s.Supervision, Education: s.Education,
	}
}

// BenchmarkSideBySide times, in one run over the same synthetic county, the
// indicators computed from a database against the alternatives a vendor weighs:
//
//   - family/sql: the side-by-side family (sidebyside_test.go) in plain SQL inside
//     SQLite;
//   - family/library: the same family's computations (indicators.Compute over the
//     health-record and chronic stores: every indicator of the two families, a superset)
//     over the SQLite store, which reads them in one scan per table;
//   - family/handloop: the family in a hand-written loop over plain slices (the floor);
//   - all/memory: indicators.Compute of every domain over the in-memory stores;
//   - all/sqlite: the same over the SQLite store (one scan per table);
//   - all/sqlite-store-path: the same through the Store interfaces alone, one query per
//     resident and record kind, as before the one-scan read (10 k residents at most);
//   - all/postgres: the same over PostgreSQL, when GONGWEI_TEST_POSTGRES is set (the
//     county is loaded into a schema of its own, kept with GONGWEI_BENCH_DIR set).
//
// Each reports residents/s, cpu-ms/op (the process's user and system CPU per pass: on a
// shared machine, the figure that does not depend on what else runs; PostgreSQL's own
// work is not in it) and, for the computations from a database, peak-heap-MiB (the
// highest heap of live and not yet collected objects above the heap before the pass,
// sampled every millisecond; the in-memory county is loaded only after them, so it does
// not pace their garbage collection). TestSideBySide and TestSubjectsEqualStorePath
// prove the ways agree.
func BenchmarkSideBySide(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes() {
		b.Run("residents="+strconv.Itoa(n), func(b *testing.B) {
			bc := loadCounty(b, n, true)
			p := bc.county.Period()
			stores := countyStores(bc.db)
			fromDB := func(name string, src indicators.Sources) {
				b.Run(name, func(b *testing.B) {
					runtime.GC()
					var peak uint64
					b.ReportAllocs()
					m := startCPU()
					for b.Loop() {
						stop := sampleHeap()
						if err := indicators.Compute(ctx, src, "", p, indicators.NewTally(4096)); err != nil {
							b.Fatal(err)
						}
						peak = max(peak, stop())
					}
					m.report(b, n)
					b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
				})
			}

			b.Run("family/sql", func(b *testing.B) {
				b.ReportAllocs()
				m := startCPU()
				for b.Loop() {
					if _, err := sqlFamily(ctx, bc.db.SQL(), p); err != nil {
						b.Fatal(err)
					}
				}
				m.report(b, n)
			})
			fromDB("family/library", indicators.Sources{Records: stores.Records, Chronic: stores.Chronic})
			b.Run("family/handloop", func(b *testing.B) {
				flat, err := readFlat(ctx, bc.db)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				m := startCPU()
				for b.Loop() {
					handFamily(flat, p)
				}
				m.report(b, n)
			})
			fromDB("all/sqlite", allSources(stores))
			if n <= 10_000 {
				fromDB("all/sqlite-store-path", storePath(allSources(stores)))
			}
			if os.Getenv(postgresEnv) != "" {
				db := loadPostgresCounty(b, bc.county)
				fromDB("all/postgres", allSources(countyStores(db)))
			}
			b.Run("all/memory", func(b *testing.B) {
				b.StopTimer()
				mem := memStores()
				if err := loadTownships(ctx, bc.county, mem); err != nil {
					b.Fatal(err)
				}
				src := allSources(mem)
				b.StartTimer()
				b.ReportAllocs()
				m := startCPU()
				for b.Loop() {
					if err := indicators.Compute(ctx, src, "", p, indicators.NewTally(4096)); err != nil {
						b.Fatal(err)
					}
				}
				m.report(b, n)
			})
		})
	}
}

// cpuMeter measures the process's CPU time across a benchmark's loop.
type cpuMeter struct{ start time.Duration }

func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU() cpuMeter { return cpuMeter{processCPU()} }

// report reports residents/s (wall time) and cpu-ms/op.
func (m cpuMeter) report(b *testing.B, residents int) {
	cpu := processCPU() - m.start
	b.ReportMetric(float64(residents)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// sampleHeap samples the heap every millisecond until the returned function is called; it
// returns the highest sample above the first.
func sampleHeap() func() uint64 { return heapsample.Start(time.Millisecond) }

// loadPostgresCounty returns county loaded into the PostgreSQL database of postgresEnv,
// in the schema gongwei_bench_<residents>: reused when a previous run finished loading
// it (its table bench_loaded exists), else created afresh and loaded. The schema is
// dropped when the process's tests end, unless GONGWEI_BENCH_DIR is set.
func loadPostgresCounty(b *testing.B, county *synth.County) *sqlstore.DB {
	b.Helper()
	ctx := context.Background()
	dsn := os.Getenv(postgresEnv)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("gongwei_bench_%d", county.Residents())
	var loaded sql.NullString
	if err := admin.QueryRowContext(ctx, "SELECT to_regclass($1)::text", schema+".bench_loaded").Scan(&loaded); err != nil {
		b.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		b.Fatalf("%s is not a URL", postgresEnv)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	if !loaded.Valid {
		for _, stmt := range []string{`DROP SCHEMA IF EXISTS "` + schema + `" CASCADE`, `CREATE SCHEMA "` + schema + `"`} {
			if _, err := admin.ExecContext(ctx, stmt); err != nil {
				b.Fatal(err)
			}
		}
	}
	if os.Getenv("GONGWEI_BENCH_DIR") == "" {
		dropAtExit(func() {
			if a, err := sql.Open("pgx", dsn); err == nil {
				a.ExecContext(context.Background(), `DROP SCHEMA IF EXISTS "`+schema+`" CASCADE`)
				a.Close()
			}
		})
	}
	db, err := sqlstore.Open(ctx, u.String())
	if err != nil {
		b.Fatal(err)
	}
	dropAtExit(func() { db.Close() })
	if loaded.Valid {
		return db
	}
	start := time.Now()
	if err := loadTownships(ctx, county, countyStores(db)); err != nil {
		b.Fatal(err)
	}
	for _, stmt := range []string{"ANALYZE", "CREATE TABLE bench_loaded (took TEXT)"} {
		if _, err := db.SQL().ExecContext(ctx, stmt); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("loaded %d residents through the services into PostgreSQL in %v", county.Residents(), time.Since(start))
	return db
}
