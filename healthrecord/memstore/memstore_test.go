package memstore_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/internal/recordfix"
)

// BenchmarkMemstoreResidents streams 100,000 residents in archive-number order, the
// shape of a township's indicator scan.
func BenchmarkMemstoreResidents(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	s := memstore.New()
	if err := recordfix.PutDistinctResidents(ctx, s, n); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		got := 0
		for _, err := range s.Residents(ctx, healthrecord.ResidentFilter{}) {
			if err != nil {
				b.Fatal(err)
			}
			got++
		}
		if got != n {
			b.Fatalf("streamed %d residents, want %d", got, n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
}
