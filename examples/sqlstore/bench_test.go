package sqlstore_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/recordfix"
)

// BenchmarkSQLiteResidents streams 10,000 residents from an SQLite file in
// archive-number order (the shape of a township's indicator scan), decoding each
// record: compare with memstore's BenchmarkMemstoreResidents.
func BenchmarkSQLiteResidents(b *testing.B) {
	const n = 10_000
	ctx := context.Background()
	db, err := sqliteDB(b)
	if err != nil {
		b.Fatal(err)
	}
	s := db.HealthRecord()
	if err := recordfix.PutDistinctResidents(ctx, s, n); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		f    healthrecord.ResidentFilter
		want int
	}{
		{"all", healthrecord.ResidentFilter{}, n},
		{"tag", healthrecord.ResidentFilter{Tag: healthrecord.TagElderly}, 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			got := 0
			for b.Loop() {
				got = 0
				for _, err := range s.Residents(ctx, c.f) {
					if err != nil {
						b.Fatal(err)
					}
					got++
				}
			}
			if c.want > 0 && got != c.want {
				b.Fatalf("streamed %d residents, want %d", got, c.want)
			}
			b.ReportMetric(float64(got)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
		})
	}
}
