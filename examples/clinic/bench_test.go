package main

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/internal/townshipdb"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// benchTown is the township of the load benchmark: the township example's default
// 3,000 residents (the test township under -short), loaded once per process into a
// temporary file, or kept in GONGWEI_BENCH_DIR when set.
func benchTown(b *testing.B) *townshipdb.DB {
	b.Helper()
	if testing.Short() {
		return township(b)
	}
	benchOnce.Do(func() {
		dir := os.Getenv("GONGWEI_BENCH_DIR")
		if dir == "" {
			dir, benchErr = os.MkdirTemp("", "gongwei-clinic-bench-")
			if benchErr != nil {
				return
			}
			benchDir = dir
		}
		ctx := context.Background()
		benchDB, benchErr = townshipdb.Open(ctx, filepath.Join(dir, "clinic-bench.db"), townshipdb.DefaultResidents, nil)
		if benchErr == nil {
			benchErr = benchDB.Load(ctx, nil)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDB
}

// processCPU is the CPU time of the process so far (user and system): the server's
// and the clients', which run in this process.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var (
	benchOnce sync.Once
	benchDB   *townshipdb.DB
	benchDir  string
	benchErr  error
)

// BenchmarkResidentPageLoad is the bounded load test of the resident page: 20
// concurrent clients on the local server ask for the pages of residents taken in turn
// from the township, b.N requests in all; it reports the 50th, 95th and 99th percentile
// latencies (the aim: p95 under 50 ms) and the CPU per page (server and clients), and,
// beside them, the time of the plain SQL query reading the same resident's row.
func BenchmarkResidentPageLoad(b *testing.B) {
	town := benchTown(b)
	ctx := context.Background()
	a, err := newTownshipApp(ctx, town, gongwei.MustParseDate(defaultToday), log.New(io.Discard, "", 0))
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(a.handler())
	defer srv.Close()
	var ids []healthrecord.ResidentID
	for r, err := range a.stores.Records.Residents(ctx, healthrecord.ResidentFilter{Prefix: a.township}) {
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	const clients = 20
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	b.Run("page", func(b *testing.B) {
		lat := make([]time.Duration, b.N)
		var next sync.Mutex
		i := 0
		var wg sync.WaitGroup
		cpu0 := processCPU()
		b.ResetTimer()
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					next.Lock()
					n := i
					i++
					next.Unlock()
					if n >= b.N {
						return
					}
					start := time.Now()
					res, err := client.Get(srv.URL + "/resident/" + string(ids[n%len(ids)]))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					lat[n] = time.Since(start)
					if res.StatusCode != http.StatusOK {
						b.Errorf("status %d", res.StatusCode)
						return
					}
				}
			}()
		}
		wg.Wait()
		b.StopTimer()
		b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/page")
		slices.Sort(lat)
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.50), "p50-ms")
		b.ReportMetric(pct(0.95), "p95-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(float64(len(ids)), "residents")
	})
	b.Run("plain-sql", func(b *testing.B) {
		db := town.Session.DB.SQL()
		var body []byte
		for n := 0; b.Loop(); n++ {
			if err := db.QueryRowContext(ctx, "SELECT body FROM residents WHERE id = ?", string(ids[n%len(ids)])).Scan(&body); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(body)), "bytes")
	})
}
