// Package memstore is an in-memory [education.Store] that passes educationtest.TestStore.
// Records live in a map guarded by a sync.RWMutex and are copied in and out.
package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Store is an in-memory education.Store, safe for concurrent use. Create one with New.
type Store struct {
	activities *memtable.Table[education.ID, education.Activity]
	responses  *memtable.Table[education.ID, education.SurveyResponse]
}

var (
	_ education.Store = (*Store)(nil)
	_ gongwei.Batcher = (*Store)(nil)
)

// New returns an empty Store.
func New() *Store {
	return &Store{activities: memtable.New("activity", (*education.Activity).Clone,
		func(a *education.Activity) education.ID { return a.ID },
		func(a *education.Activity) int64 { return a.Version },
		byDate),
		responses: memtable.New("survey response", (*education.SurveyResponse).Clone,
			func(r *education.SurveyResponse) education.ID { return r.ID },
			func(r *education.SurveyResponse) int64 { return r.Version },
			func(a, b *education.SurveyResponse) int {
				return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
			})}
}

// byDate orders activities by date, then ID. It is a named function, not a literal in
// New: when New is inlined into its caller, a literal inlined with it is compiled again
// in the calling package, where cmp.Or's arguments escape and every comparison of a
// stream's sort allocates.
func byDate(a, b *education.Activity) int {
	return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
}

// Activity implements education.Store.
func (s *Store) Activity(ctx context.Context, id education.ID) (*education.Activity, error) {
	return s.activities.Get(ctx, id)
}

// PutActivity implements education.Store.
func (s *Store) PutActivity(ctx context.Context, a *education.Activity, prev int64) error {
	return s.activities.Put(ctx, a, prev)
}

// Activities implements education.Store.
func (s *Store) Activities(ctx context.Context, f education.Filter) iter.Seq2[*education.Activity, error] {
	return s.activities.All(ctx, f.Match)
}

// Batch implements gongwei.Batcher for the health-education records: it calls f with
// ctx. Each write applies at once, so the writes of a failed batch stay; imports through
// the services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
