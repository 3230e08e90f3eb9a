package indicators_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/heapsample"
	"github.com/gongwei-lib/gongwei/internal/synth"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

// The county benchmarks: the whole catalogue for a year, for synthetic
// counties of the sizes in GONGWEI_BENCH_RESIDENTS (comma-separated; 100,000 and
// 1,000,000 by default, 5,000 under -short for the CI smoke run). Each county is built
// once per run of the test binary and shared by the benchmarks. See BENCHMARKS.md.

// benchSizes returns the county sizes to benchmark.
func benchSizes(b *testing.B) []int {
	spec := os.Getenv("GONGWEI_BENCH_RESIDENTS")
	if spec == "" {
		spec = "100000,1000000"
		if testing.Short() {
			spec = "5000"
		}
	}
	var out []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("GONGWEI_BENCH_RESIDENTS: %q is not a positive count", f)
		}
		out = append(out, n)
	}
	return out
}

// benchCounty is a synthetic county held in memory: every resident's subject (the health
// record and all their services of the year, several million records at 1 M residents)
// in slices, and the township-level records in the memory stores.
type benchCounty struct {
	county   *synth.County
	subjects []*indicators.Subject
	shards   [][]*indicators.Subject // one per township
	records  int                     // records held, all kinds
	sources  indicators.Sources      // supervision and education
	opts     *indicators.ChronicOptions
}

var benchCounties struct {
	sync.Mutex
	m map[int]*benchCounty
}

// countyOf builds (once) the county of n residents.
func countyOf(b *testing.B, n int) *benchCounty {
	b.Helper()
	benchCounties.Lock()
	defer benchCounties.Unlock()
	if bc, ok := benchCounties.m[n]; ok {
		return bc
	}
	start := time.Now()
	c, err := synth.New(synth.DefaultConfig(n))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	bc := &benchCounty{county: c, subjects: make([]*indicators.Subject, 0, n)}
	for t := 1; t <= c.Config().Townships; t++ {
		from, to := c.TownshipRange(t)
		first := len(bc.subjects)
		for s, err := range c.Subjects(ctx, from, to) {
			if err != nil {
				b.Fatal(err)
			}
			bc.subjects = append(bc.subjects, s)
			bc.records += subjectRecords(s)
		}
		bc.shards = append(bc.shards, bc.subjects[first:])
	}
	bc.sources = indicators.Sources{Supervision: supervisionmem.New(), Education: educationmem.New()}
	for t := 1; t <= c.Config().Townships; t++ {
		if err := c.LoadTownshipRecords(ctx, synth.Stores{Supervision: bc.sources.Supervision, Education: bc.sources.Education}, t); err != nil {
			b.Fatal(err)
		}
	}
	pop := map[indicators.Unit]int64{}
	for _, v := range c.Census() {
		pop[indicators.Unit(v.Village)] = v.Residents
	}
	bc.opts = &indicators.ChronicOptions{Population: pop, Estimates: indicators.ExamplePlan(c.Config().Year, "").Estimates}
	runtime.GC()
	b.Logf("county of %d residents, %d records, built in %v", n, bc.records, time.Since(start).Round(time.Millisecond))
	if benchCounties.m == nil {
		benchCounties.m = map[int]*benchCounty{}
	}
	benchCounties.m[n] = bc
	return bc
}

// subjectRecords counts the records of one subject, every kind.
func subjectRecords(s *indicators.Subject) int {
	n := 1 + len(s.Checkups) + len(s.Contracts) + len(s.Events) + len(s.Pregnancies)
	for _, c := range s.Chronic {
		n += 1 + len(c.Visits)
	}
	if s.Child != nil {
		n += 1 + len(s.Child.Visits)
	}
	if s.Immunization != nil {
		n += 1 + len(s.Immunization.Vaccinations)
	}
	return n
}

// tally computes the whole catalogue of the subjects and township records into a new
// tally, one goroutine.
func (bc *benchCounty) tally(b *testing.B, subjects []*indicators.Subject, prefix string) *indicators.Tally {
	ctx, p := context.Background(), bc.county.Period()
	t := indicators.NewTally(4096)
	if err := indicators.ComputeSubjects(ctx, seq(subjects), p, bc.opts, t); err != nil {
		b.Fatal(err)
	}
	if err := indicators.Compute(ctx, bc.sources, prefix, p, t); err != nil {
		b.Fatal(err)
	}
	return t
}

// seq feeds a slice as the iterator ComputeSubjects reads.
func seq(subjects []*indicators.Subject) func(func(*indicators.Subject, error) bool) {
	return func(yield func(*indicators.Subject, error) bool) {
		for _, s := range subjects {
			if !yield(s, nil) {
				return
			}
		}
	}
}

// BenchmarkTally computes the full indicator catalogue of a year — every resident's
// records and services and the townships' supervision and education — from subjects
// held in memory and fed by an iterator, on one goroutine. cpu-s/op is the process's
// CPU time per pass (user and system), which a busy machine does not inflate as it
// inflates the wall clock.
func BenchmarkTally(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("residents=%d", n), func(b *testing.B) {
			bc := countyOf(b, n)
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				bc.tally(b, bc.subjects, "")
			}
			perOp := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(n)/perOp, "residents/s")
			b.ReportMetric(float64(bc.records)/perOp, "records/s")
			if cpu > 0 {
				b.ReportMetric(float64(processCPU()-cpu)/1e9/float64(b.N), "cpu-s/op")
			}
		})
	}
}

// BenchmarkTallyParallel computes the same catalogue with one goroutine per township
// shard, at most workers at a time, each into its own tally, then merges them. Compare
// workers=1 and workers=2 for the speed-up.
func BenchmarkTallyParallel(b *testing.B) {
	for _, n := range benchSizes(b) {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("residents=%d/workers=%d", n, workers), func(b *testing.B) {
				bc := countyOf(b, n)
				b.ReportAllocs()
				for b.Loop() {
					bc.parallel(b, workers)
				}
				b.ReportMetric(float64(n)/(b.Elapsed().Seconds()/float64(b.N)), "residents/s")
			})
		}
	}
}

// parallel computes the township shards on workers goroutines and merges them.
func (bc *benchCounty) parallel(b *testing.B, workers int) *indicators.Tally {
	tallies := make([]*indicators.Tally, len(bc.shards))
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for i, shard := range bc.shards {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			tallies[i] = bc.tally(b, shard, bc.county.Township(i+1))
		}()
	}
	wg.Wait()
	return indicators.Merge(tallies...)
}

// BenchmarkTallyGenerated computes the per-resident catalogue from the generating
// iterator (synth.County.Subjects): no county is held in memory, each resident's
// records are made, counted and dropped. peak-heap-MiB is the highest heap in use above
// the heap before the run (live and not yet collected objects, sampled every
// millisecond, with the garbage collector's default pacing), which must stay flat from
// 100 k to 1 M residents; the time is mostly the generator's.
func BenchmarkTallyGenerated(b *testing.B) {
	// Counties held in memory by the other benchmarks would be scanned by every GC
	// cycle and let garbage pile up to their size before a cycle starts: drop them, so
	// that the heap measured is this computation's.
	benchCounties.Lock()
	benchCounties.m = nil
	benchCounties.Unlock()
	runtime.GC()
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("residents=%d", n), func(b *testing.B) {
			c, err := synth.New(synth.DefaultConfig(n))
			if err != nil {
				b.Fatal(err)
			}
			ctx, p := context.Background(), c.Period()
			var peak uint64
			b.ReportAllocs()
			for b.Loop() {
				runtime.GC()
				stop := sampleHeap()
				t := indicators.NewTally(4096)
				if err := indicators.ComputeSubjects(ctx, c.Subjects(ctx, 0, n), p, nil, t); err != nil {
					b.Fatal(err)
				}
				peak = max(peak, stop())
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(n)/(b.Elapsed().Seconds()/float64(b.N)), "residents/s")
		})
	}
}

// sampleHeap samples the heap every millisecond until the returned function is called; it
// returns the highest sample above the first.
func sampleHeap() func() uint64 { return heapsample.Start(time.Millisecond) }
