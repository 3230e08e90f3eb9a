package memstore_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// BenchmarkMemstoreResidents streams 100,000 residents in archive-number order, the
// shape of a township's indicator scan.
func BenchmarkMemstoreResidents(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	s := memstore.New()
	for i := 1; i <= n; i++ {
		r := recordtest.Resident(i)
		// Fixtures repeat ID numbers every 20,000; give each resident its own.
		id, err := healthrecord.NewIDNumber("110105", gongwei.MustDate(1950, 1, 1).AddDays(i/1000), i%1000)
		if err != nil {
			b.Fatal(err)
		}
		r.IDNumber = id
		r.Version = 1
		if err := s.PutResident(ctx, r, 0); err != nil {
			b.Fatal(err)
		}
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
