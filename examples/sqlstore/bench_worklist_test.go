package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/worklist"
)

// worklistTownship is a township of n residents (county 410523, township 001, eight
// villages, as the township example makes it), loaded through the services into a
// SQLite file once per process (kept in GONGWEI_BENCH_DIR when set).
var worklistTownship = struct {
	sync.Mutex
	dbs map[int]*sqlstore.DB
}{dbs: map[int]*sqlstore.DB{}}

func openWorklistTownship(b testing.TB, n int) *sqlstore.DB {
	b.Helper()
	worklistTownship.Lock()
	defer worklistTownship.Unlock()
	if db := worklistTownship.dbs[n]; db != nil {
		return db
	}
	ctx := context.Background()
	county, err := synth.New(synth.Config{Seed: 1, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: n, Year: 2025})
	if err != nil {
		b.Fatal(err)
	}
	dir := os.Getenv("GONGWEI_BENCH_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, "township-"+strconv.Itoa(n)+".db")
	done := path + ".loaded"
	_, statErr := os.Stat(done)
	if statErr != nil {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
	}
	db, err := sqlstore.Open(ctx, "sqlite:"+path)
	if err != nil {
		b.Fatal(err)
	}
	if statErr != nil {
		start := time.Now()
		if err := county.LoadTownship(ctx, countyStores(db), 1); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("loaded %d residents through the services into SQLite in %v", n, time.Since(start))
	}
	dropAtExit(func() { db.Close() })
	worklistTownship.dbs[n] = db
	return db
}

// BenchmarkWorklist is the worklist of a township for a week (worklist.List.Collect:
// every service's source, the store's one-scan subjects, sorted by urgency, village
// and pinyin name) beside a plain SQL query reading every resident row of the same
// township once: 30,000 residents (3,000 under -short).
func BenchmarkWorklist(b *testing.B) {
	n := 30_000
	if testing.Short() {
		n = 3_000
	}
	ctx := context.Background()
	db := openWorklistTownship(b, n)
	week := gongwei.Period{Start: gongwei.MustParseDate("2025-06-02"), End: gongwei.MustParseDate("2025-06-09")}
	st := worklist.Stores{Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(), Child: db.Child(), Immunization: db.Immunization()}
	q := worklist.Query{Prefix: "410523001", Range: week}
	b.Run("worklist/residents="+strconv.Itoa(n), func(b *testing.B) {
		l := worklist.New()
		runtime.GC()
		var peak uint64
		b.ReportAllocs()
		m := startCPU()
		entries := 0
		for b.Loop() {
			stop := sampleHeap()
			es, err := l.Collect(ctx, st, q)
			if err != nil {
				b.Fatal(err)
			}
			peak = max(peak, stop())
			entries = len(es)
		}
		if entries == 0 {
			b.Fatal("nobody due")
		}
		m.report(b, n)
		b.ReportMetric(float64(entries), "entries")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	})
	// The stream alone, in resident order: what a host that prints or sends the list as
	// it comes holds is one resident at a time.
	b.Run("stream/residents="+strconv.Itoa(n), func(b *testing.B) {
		l := worklist.New()
		runtime.GC()
		var peak uint64
		b.ReportAllocs()
		for b.Loop() {
			stop := sampleHeap()
			for _, err := range l.Stream(ctx, st, q) {
				if err != nil {
					b.Fatal(err)
				}
			}
			peak = max(peak, stop())
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	})
	b.Run("plain-sql/residents="+strconv.Itoa(n), func(b *testing.B) {
		b.ReportAllocs()
		rows := 0
		for b.Loop() {
			rs, err := db.SQL().QueryContext(ctx, "SELECT id, body FROM residents WHERE archive LIKE '410523001%' ORDER BY id")
			if err != nil {
				b.Fatal(err)
			}
			rows = 0
			var id string
			var body []byte
			for rs.Next() {
				if err := rs.Scan(&id, &body); err != nil {
					b.Fatal(err)
				}
				rows++
			}
			if err := rs.Close(); err != nil {
				b.Fatal(err)
			}
		}
		if rows != n {
			b.Fatalf("%d rows, want %d", rows, n)
		}
	})
}
