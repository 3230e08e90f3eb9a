//go:build go1.24

package indicators_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// BenchmarkRecordIndicators computes the health-record indicators of a synthetic county
// of 100,000 residents (their households, contracts, checkups and events) from the
// in-memory store, one pass on one goroutine; residents/s is the figure to watch.
func BenchmarkRecordIndicators(b *testing.B) {
	const n = 100000
	county, err := synth.New(synth.DefaultConfig(n))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	s := memstore.New()
	if err := county.Load(ctx, s, 0, n); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		t := indicators.NewTally(4096)
		if err := indicators.RecordIndicators(ctx, s, "", county.Period(), t); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
}
