package integrity_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/integrity"
	"github.com/gongwei-lib/gongwei/internal/heapsample"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// The checks against the indicators on the same generated county, streamed: no county is
// held, each resident's records are made, read and dropped (synth.County.IntegritySources
// for Check, synth.County.Subjects for indicators.ComputeSubjects). The sizes are
// GONGWEI_BENCH_GENERATED (comma-separated resident counts; 100,000 by default, 5,000
// under -short), in synth.DefaultConfig's 200 villages, or in villages of about
// GONGWEI_BENCH_VILLAGE_SIZE residents when it is set. Each reports peak-heap-MiB, the highest heap in use above the heap
// before the pass (sampled every millisecond), which must stay flat from 100 k to 1 M
// residents. The generate sub-benchmarks only read the same streams, without checking
// or counting: what the generator costs of each. See BENCHMARKS.md.

func generatedSizes(b *testing.B) []int {
	s := os.Getenv("GONGWEI_BENCH_GENERATED")
	if s == "" {
		if testing.Short() {
			return []int{5000}
		}
		return []int{100000}
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("GONGWEI_BENCH_GENERATED: %q is not a list of positive counts", s)
		}
		out = append(out, n)
	}
	return out
}

// peakHeap runs f after a collection and returns the peak heap above the start, in MiB.
func peakHeap(f func()) float64 {
	runtime.GC()
	stop := heapsample.Start(time.Millisecond)
	f()
	return float64(stop()) / (1 << 20)
}

func BenchmarkGenerated(b *testing.B) {
	benchLoaded.c, benchLoaded.s, benchLoaded.src = nil, synth.Stores{}, integrity.Sources{} // drop a loaded county
	runtime.GC()
	for _, n := range generatedSizes(b) {
		cfg := synth.DefaultConfig(n)
		if s := os.Getenv("GONGWEI_BENCH_VILLAGE_SIZE"); s != "" {
			// Villages of about that many residents, 20 to a township (at most 99
			// townships), instead of DefaultConfig's 200 villages.
			size, err := strconv.Atoi(s)
			if err != nil || size <= 0 {
				b.Fatalf("GONGWEI_BENCH_VILLAGE_SIZE: %q is not a positive count", s)
			}
			cfg.VillagesPerTownship = 20
			cfg.Townships = min(99, max(1, (n+20*size-1)/(20*size)))
		}
		c, err := synth.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		ctx, county := context.Background(), gongwei.Division(c.Config().County)
		src := c.IntegritySources(0, n)
		run := func(name string, pass func(b *testing.B)) {
			b.Run(fmt.Sprintf("%s/residents=%d", name, n), func(b *testing.B) {
				var peak float64
				b.ReportAllocs()
				for b.Loop() {
					peak = max(peak, peakHeap(func() { pass(b) }))
				}
				b.ReportMetric(peak, "peak-heap-MiB")
			})
		}
		run("check", func(b *testing.B) {
			fs, err := integrity.Check(ctx, src, county, integrity.Thresholds{})
			if err != nil {
				b.Fatal(err)
			}
			if len(fs) != 0 {
				b.Fatalf("a clean county gave %d findings, the first %+v", len(fs), fs[0])
			}
		})
		run("compute", func(b *testing.B) {
			if err := indicators.ComputeSubjects(ctx, c.Subjects(ctx, 0, n), c.Period(), nil, indicators.NewTally(4096)); err != nil {
				b.Fatal(err)
			}
		})
		run("generate-check", func(b *testing.B) {
			for _, err := range src.People {
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		run("generate-compute", func(b *testing.B) {
			for _, err := range c.Subjects(ctx, 0, n) {
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
