package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// loadResidents is the county size of BenchmarkLoad: GONGWEI_BENCH_LOAD_RESIDENTS, or
// 3,000 (500 with -short).
func loadResidents() int {
	if n, err := strconv.Atoi(os.Getenv("GONGWEI_BENCH_LOAD_RESIDENTS")); err == nil && n > 0 {
		return n
	}
	if testing.Short() {
		return 500
	}
	return 3000
}

// cpuTime returns the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchPostgres opens the database of GONGWEI_TEST_POSTGRES in a fresh schema, dropped
// (with the DB closed) when tb ends.
func benchPostgres(tb testing.TB, dsn string) *sqlstore.DB {
	ctx := context.Background()
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	schema := fmt.Sprintf("gw_bench_load_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
		tb.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := sqlstore.Open(ctx, u.String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		db.Close()
		admin.ExecContext(context.Background(), `DROP SCHEMA "`+schema+`" CASCADE`)
		admin.Close()
	})
	return db
}

// BenchmarkLoad loads a synthetic county of N residents with all their records
// (synth.County.LoadAll: residents, households, checkups, contracts, timeline, chronic
// cases and follow-ups, pregnancies, child records and visits, vaccinations, then each
// township's supervision and education records) through the services' import path,
// side by side into the in-memory stores, an SQLite file and, when
// GONGWEI_TEST_POSTGRES is set, a PostgreSQL schema. Each iteration loads into fresh,
// empty stores (their creation is not timed; closing them, which on SQLite writes the
// last checkpoint, is). N is GONGWEI_BENCH_LOAD_RESIDENTS
// (default 3,000). On PostgreSQL, which takes concurrent writers, a second run loads the
// townships two at a time (as examples/county does), overlapping the round trips.
//
// Metrics: residents/s (wall clock) and residents/cpu-s (per second of CPU time the
// process used, user and system: steadier than the wall clock on a shared machine; the
// database server's own CPU time, for PostgreSQL, is not counted).
func BenchmarkLoad(b *testing.B) {
	n := loadResidents()
	c, err := synth.New(synth.DefaultConfig(n))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	// fresh returns empty stores and what closes them: closing is timed with the load,
	// since SQLite's last checkpoint (the WAL copied into the database file) is part of
	// an import's cost.
	type engine struct {
		name  string
		fresh func(b *testing.B) (synth.Stores, func() error)
	}
	engines := []engine{
		{"memory", func(*testing.B) (synth.Stores, func() error) { return memoryStores(), func() error { return nil } }},
		{"sqlite", func(b *testing.B) (synth.Stores, func() error) {
			db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "load.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			return countyStores(db), db.Close
		}},
	}
	if dsn := os.Getenv(postgresEnv); dsn != "" {
		engines = append(engines, engine{"postgres", func(b *testing.B) (synth.Stores, func() error) {
			db := benchPostgres(b, dsn)
			return countyStores(db), db.Close
		}}, engine{"postgres-deferred", func(b *testing.B) (synth.Stores, func() error) {
			db := benchPostgres(b, dsn)
			db.DeferWrites(true)
			return countyStores(db), db.Close
		}})
	}
	for _, e := range engines {
		for _, townships := range []string{"one-by-one", "two-at-a-time"} {
			if townships == "two-at-a-time" && !strings.HasPrefix(e.name, "postgres") {
				// Memory gains only the second core; SQLite takes batches in turn.
				continue
			}
			name := "store=" + e.name + "/residents=" + strconv.Itoa(n)
			if townships != "one-by-one" {
				name += "/townships=" + townships
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				var cpu time.Duration
				for b.Loop() {
					b.StopTimer()
					s, closeStores := e.fresh(b)
					b.StartTimer()
					start := cpuTime()
					load := c.LoadAll
					if townships != "one-by-one" {
						load = func(ctx context.Context, s synth.Stores) error { return loadTownships(ctx, c, s) }
					}
					if err := load(ctx, s); err != nil {
						b.Fatal(err)
					}
					if err := closeStores(); err != nil {
						b.Fatal(err)
					}
					cpu += cpuTime() - start
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
				if cpu > 0 {
					b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "residents/cpu-s")
				}
			})
		}
	}
}
