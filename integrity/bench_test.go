package integrity_test

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/gongwei-lib/gongwei"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/integrity"
	"github.com/gongwei-lib/gongwei/internal/synth"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
)

// The checks against the indicators on the same data: a synthetic county of
// GONGWEI_BENCH_INTEGRITY residents (100,000 by default, 5,000 under -short) loaded
// once into the memory stores with its audit trail; BenchmarkCheck runs integrity.Check
// over the county, BenchmarkCompute indicators.Compute over the same stores. See
// BENCHMARKS.md.

var benchLoaded struct {
	sync.Once
	c   *synth.County
	s   synth.Stores
	src integrity.Sources
	err error
}

func benchSize(b *testing.B) int {
	if s := os.Getenv("GONGWEI_BENCH_INTEGRITY"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("GONGWEI_BENCH_INTEGRITY: %q is not a positive count", s)
		}
		return n
	}
	if testing.Short() {
		return 5000
	}
	return 100000
}

func benchCounty(b *testing.B) (*synth.County, synth.Stores, integrity.Sources) {
	b.Helper()
	benchLoaded.Do(func() {
		c, err := synth.New(synth.DefaultConfig(benchSize(b)))
		if err != nil {
			benchLoaded.err = err
			return
		}
		s := synth.Stores{Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
			Child: childmem.New(), Immunization: immmem.New(), Audit: memstore.NewAudit()}
		if err := c.LoadResidents(context.Background(), s, 0, c.Residents()); err != nil {
			benchLoaded.err = err
			return
		}
		src := integrity.Sources{Audit: s.Audit, Records: s.Records, Chronic: s.Chronic}
		for _, d := range c.Deaths(0, c.Residents()) {
			src.Deaths = append(src.Deaths, integrity.Death{Resident: d.Resident, Date: d.Date})
		}
		for _, m := range c.Staff() {
			src.Staff = append(src.Staff, integrity.Staff{ID: m.ID, Left: m.Left})
		}
		benchLoaded.c, benchLoaded.s, benchLoaded.src = c, s, src
		runtime.GC()
	})
	if benchLoaded.err != nil {
		b.Fatal(benchLoaded.err)
	}
	return benchLoaded.c, benchLoaded.s, benchLoaded.src
}

func BenchmarkCheck(b *testing.B) {
	c, _, src := benchCounty(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		fs, err := integrity.Check(ctx, src, gongwei.Division(c.Config().County), integrity.Thresholds{})
		if err != nil {
			b.Fatal(err)
		}
		if len(fs) != 0 {
			b.Fatalf("a clean county gave %d findings, the first %+v", len(fs), fs[0])
		}
	}
	b.ReportMetric(float64(c.Residents()), "residents")
}

func BenchmarkCompute(b *testing.B) {
	c, s, _ := benchCounty(b)
	ctx := context.Background()
	src := indicators.Sources{Records: s.Records, Chronic: s.Chronic, Maternal: s.Maternal, Child: s.Child, Immunization: s.Immunization}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		tally := indicators.NewTally(1024)
		if err := indicators.Compute(ctx, src, c.Config().County, c.Period(), tally); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Residents()), "residents")
}
