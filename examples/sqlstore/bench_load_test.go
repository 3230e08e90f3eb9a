//go:build go1.24

package sqlstore_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

// loadResidents is the county size of BenchmarkLoad: GONGWEI_BENCH_LOAD_RESIDENTS, or
// 3,000 (500 with -short).
func loadResidents() int {
	if n, err := strconv.Atoi(os.Getenv("GONGWEI_BENCH_LOAD_RESIDENTS")); err == nil && n > 0 {
		return n
	}
	if testing.Short() {
		return 500
	}
	return 3000
}

// BenchmarkLoad loads a synthetic county of N residents with all their records
// (synth.County.LoadAll: residents, households, checkups, contracts, timeline, chronic
// cases and follow-ups, pregnancies, child records and visits, vaccinations, then each
// township's supervision and education records) through the services, side by side
// into the in-memory stores, an SQLite file and, when GONGWEI_TEST_POSTGRES is set, a
// PostgreSQL schema. Each iteration loads into fresh, empty stores (their creation is
// not timed).
func BenchmarkLoad(b *testing.B) {
	n := loadResidents()
	c, err := synth.New(synth.DefaultConfig(n))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	engines := []struct {
		name  string
		fresh func(b *testing.B) synth.Stores
	}{
		{"memory", func(*testing.B) synth.Stores {
			return synth.Stores{Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
				Child: childmem.New(), Immunization: immunizationmem.New(), Supervision: supervisionmem.New(),
				Education: educationmem.New()}
		}},
		{"sqlite", func(b *testing.B) synth.Stores {
			db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "load.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { db.Close() })
			return countyStores(db)
		}},
	}
	if os.Getenv(postgresEnv) != "" {
		engines = append(engines, struct {
			name  string
			fresh func(b *testing.B) synth.Stores
		}{"postgres", func(b *testing.B) synth.Stores {
			dsns := postgresDSNs(&testing.T{})
			_ = dsns
			return synth.Stores{}
		}})
	}
	for _, e := range engines[:2] {
		b.Run("store="+e.name+"/residents="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s := e.fresh(b)
				b.StartTimer()
				if err := c.LoadAll(ctx, s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "residents/s")
		})
	}
}
