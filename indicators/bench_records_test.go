package indicators_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// BenchmarkRecordIndicators computes the health-record indicators of a synthetic county
// (residents, households, contracts, checkups and events) from the in-memory Store,
// through the Store interface (every record cloned as it is read, one query per
// resident per record kind), one pass on one goroutine: the cost of the Store path
// against BenchmarkTally's subject stream. Sizes as for BenchmarkTally.
func BenchmarkRecordIndicators(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("residents=%d", n), func(b *testing.B) {
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
		})
	}
}
