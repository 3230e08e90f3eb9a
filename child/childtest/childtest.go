package childtest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// TestStore checks that an implementation of child.Store meets every clause of the
// contract documented on child.Store. Each case runs as a subtest on a fresh store from
// newStore and names the clause it checks. Run it with -race: one case runs concurrent
// writers.
func TestStore(t *testing.T, newStore func(t *testing.T) child.Store) {
	t.Helper()
	storetest.Run(t, cases, func(t *storetest.T) *tc { return &tc{t} }, newStore)
}

// tc is the test handle of a clause, with the helpers of this suite.
type tc struct{ *storetest.T }

func (t *tc) putChild(s child.Store, c *child.Child, prev int64) {
	t.Helper()
	c.Version = prev + 1
	t.Must(s.PutChild(t.Ctx, c, prev), "PutChild")
}

func (t *tc) putVisit(s child.Store, v *child.Visit, prev int64) {
	t.Helper()
	v.Version = prev + 1
	t.Must(s.PutVisit(t.Ctx, v, prev), "PutVisit")
}

func date(y int, m time.Month, d int) gongwei.Date { return gongwei.MustDate(y, m, d) }

// storeCase is one clause of the contract and the check of it.
type storeCase = storetest.Clause[*tc, child.Store]

var cases = []storeCase{
	{Name: "ChildRoundTrip", Text: "PutChild stores c exactly as given, Version included; Child and ChildByResident return it with every field equal",
		Run: func(t *tc, s child.Store) {
			for i := 1; i <= 3; i++ {
				want := Child(i)
				t.putChild(s, want, 0)
				got, err := s.Child(t.Ctx, want.ID)
				storetest.WantSame(t.T, "Child", got, err, want)
				got, err = s.ChildByResident(t.Ctx, want.Resident)
				storetest.WantSame(t.T, "ChildByResident", got, err, want)
			}
		}},
	{Name: "ChildNotFound", Text: "lookups of a missing record fail with an error wrapping gongwei.ErrNotFound",
		Run: func(t *tc, s child.Store) {
			_, err := s.Child(t.Ctx, "none")
			t.WantErr(err, gongwei.ErrNotFound, "Child")
			_, err = s.ChildByResident(t.Ctx, "none")
			t.WantErr(err, gongwei.ErrNotFound, "ChildByResident")
			_, err = s.Visit(t.Ctx, "none")
			t.WantErr(err, gongwei.ErrNotFound, "Visit")
		}},
	{Name: "ChildVersions", Text: "PutChild compares and swaps on prev: insert with prev 0 fails if the record exists, update fails if absent or stale; nothing is stored on failure",
		Run: func(t *tc, s child.Store) {
			c := Child(1)
			c.Version = 1
			t.WantErr(s.PutChild(t.Ctx, c, 1), gongwei.ErrConflict, "update of absent record")
			t.putChild(s, c, 0)
			again := Child(1)
			again.Version = 1
			t.WantErr(s.PutChild(t.Ctx, again, 0), gongwei.ErrConflict, "second insert")
			c2 := Child(1)
			c2.BirthWeightG = 2000
			t.putChild(s, c2, 1)
			stale := Child(1)
			stale.BirthWeightG = 1000
			stale.Version = 2
			t.WantErr(s.PutChild(t.Ctx, stale, 1), gongwei.ErrConflict, "stale update")
			got, err := s.Child(t.Ctx, c.ID)
			t.Must(err, "Child")
			if got.BirthWeightG != 2000 || got.Version != 2 {
				t.Failf("after stale update: weight %d version %d, want 2000 and 2", got.BirthWeightG, got.Version)
			}
		}},
	{Name: "ChildDuplicateResident", Text: "a put giving a second record the same Resident fails with gongwei.ErrDuplicate and stores nothing; the version check comes first",
		Run: func(t *tc, s child.Store) {
			a := Child(1)
			t.putChild(s, a, 0)
			b := Child(2)
			b.Resident = a.Resident
			b.Version = 1
			t.WantErr(s.PutChild(t.Ctx, b, 0), gongwei.ErrDuplicate, "duplicate resident")
			if _, err := s.Child(t.Ctx, b.ID); !errors.Is(err, gongwei.ErrNotFound) {
				t.Failf("duplicate stored: %v", err)
			}
			b.Version = 5
			t.WantErr(s.PutChild(t.Ctx, b, 4), gongwei.ErrConflict, "stale and duplicate")
		}},
	{Name: "ChildCopies", Text: "the store keeps a copy: changing a record after Put or after Get does not change the stored one",
		Run: func(t *tc, s child.Store) {
			c := Child(1)
			t.putChild(s, c, 0)
			c.Defects[0] = "changed"
			c.BirthWeightG = 1
			got, err := s.Child(t.Ctx, c.ID)
			t.Must(err, "Child")
			if got.Defects[0] != "Q21.1" || got.BirthWeightG != 3200 {
				t.Failf("stored record changed through the caller's copy: %+v", got)
			}
			got.Defects[0] = "again"
			got2, _ := s.Child(t.Ctx, c.ID)
			if got2.Defects[0] != "Q21.1" {
				t.Failf("stored record changed through a returned copy")
			}
		}},
	{Name: "ChildrenFilterOrder", Text: "Children streams the records matching ChildFilter.Match, ordered by ID",
		Run: func(t *tc, s child.Store) {
			var all []*child.Child
			for i := 1; i <= 6; i++ {
				c := Child(i)
				if i%3 == 0 {
					c.Village = "110105002101"
				}
				t.putChild(s, c, 0)
				all = append(all, c)
			}
			filters := []child.ChildFilter{
				{},
				{Prefix: "110105001"},
				{Prefix: "110105002101"},
				{Prefix: "3201"},
				{BornFrom: date(2024, 1, 4)},
				{BornBefore: date(2024, 1, 4), Prefix: "110105"},
			}
			for _, f := range filters {
				var want []child.ChildID
				for _, c := range all {
					if f.Match(c) {
						want = append(want, c.ID)
					}
				}
				got, err := storetest.Collect(s.Children(t.Ctx, f))
				t.Must(err, "Children")
				var ids []child.ChildID
				for _, c := range got {
					ids = append(ids, c.ID)
				}
				slicesSort(want)
				if !reflect.DeepEqual(ids, want) {
					t.Failf("filter %+v: got %v, want %v", f, ids, want)
				}
			}
		}},
	{Name: "VisitRoundTripVersions", Text: "PutVisit stores v exactly as given and compares and swaps on prev",
		Run: func(t *tc, s child.Store) {
			c := Child(1)
			t.putChild(s, c, 0)
			v := Visit(c, child.Kind6m, date(2024, 7, 3))
			t.putVisit(s, v, 0)
			got, err := s.Visit(t.Ctx, v.ID)
			storetest.WantSame(t.T, "Visit", got, err, v)
			again := Visit(c, child.Kind6m, date(2024, 7, 3))
			again.Version = 1
			t.WantErr(s.PutVisit(t.Ctx, again, 0), gongwei.ErrConflict, "second insert")
			absent := Visit(c, child.Kind8m, date(2024, 9, 3))
			absent.Version = 3
			t.WantErr(s.PutVisit(t.Ctx, absent, 2), gongwei.ErrConflict, "update of absent visit")
			v.HbGL = 100
			t.putVisit(s, v, 1)
			got, _ = s.Visit(t.Ctx, v.ID)
			if got.HbGL != 100 || got.Version != 2 {
				t.Failf("update: %+v", got)
			}
		}},
	{Name: "VisitsFilterOrder", Text: "Visits streams the visits matching VisitFilter.Match, ordered by child, date, ID",
		Run: func(t *tc, s child.Store) {
			var all []*child.Visit
			for i := 1; i <= 3; i++ {
				c := Child(i)
				t.putChild(s, c, 0)
				for j, k := range []child.VisitKind{child.Kind12m, child.Kind3m, child.Kind6m} {
					v := Visit(c, k, date(2024, time.Month(10-3*j), 10+i))
					t.putVisit(s, v, 0)
					all = append(all, v)
				}
				extra := Visit(c, child.KindExtra, date(2024, 7, 10+i))
				t.putVisit(s, extra, 0)
				all = append(all, extra)
			}
			for _, f := range []child.VisitFilter{
				{}, {Child: "R2"}, {Period: gongwei.Month(2024, time.July)}, {Child: "R3", Period: gongwei.Period{Start: date(2024, 7, 1)}},
				{Period: gongwei.Period{End: date(2024, 7, 12)}},
			} {
				var want []*child.Visit
				for _, v := range all {
					if f.Match(v) {
						want = append(want, v)
					}
				}
				sortVisits(want)
				got, err := storetest.Collect(s.Visits(t.Ctx, f))
				t.Must(err, "Visits")
				if len(got) != len(want) {
					t.Failf("filter %+v: %d visits, want %d", f, len(got), len(want))
					continue
				}
				for i := range got {
					if got[i].ID != want[i].ID {
						t.Failf("filter %+v: position %d is %s, want %s", f, i, got[i].ID, want[i].ID)
					}
				}
			}
		}},
	{Name: "StreamsBreakAndReuse", Text: "a consumer may stop early and may use the store inside the loop body; each call runs the query afresh",
		Run: func(t *tc, s child.Store) {
			for i := 1; i <= 3; i++ {
				t.putChild(s, Child(i), 0)
			}
			seq := s.Children(t.Ctx, child.ChildFilter{})
			n := 0
			for c, err := range seq {
				t.Must(err, "Children")
				if _, err := s.Child(t.Ctx, c.ID); err != nil {
					t.Failf("lookup inside loop: %v", err)
				}
				v := Visit(c, child.KindNewborn, c.DischargeDate)
				v.Version = 1
				if err := s.PutVisit(t.Ctx, v, 0); err != nil {
					t.Failf("write inside loop: %v", err)
				}
				n++
				if n == 2 {
					break
				}
			}
			t.putChild(s, Child(4), 0)
			got, err := storetest.Collect(seq)
			t.Must(err, "Children again")
			if len(got) != 4 {
				t.Failf("second run of the iterator: %d records, want 4", len(got))
			}
			for range s.Visits(t.Ctx, child.VisitFilter{}) {
				break
			}
		}},
	{Name: "CancelledContext", Text: "a method called with a cancelled context fails with an error wrapping the context's error; a stream yields it once",
		Run: func(t *tc, s child.Store) {
			t.putChild(s, Child(1), 0)
			ctx, cancel := context.WithCancel(t.Ctx)
			cancel()
			_, err := s.Child(ctx, "R1")
			t.WantErr(err, context.Canceled, "Child")
			_, err = s.ChildByResident(ctx, "R1")
			t.WantErr(err, context.Canceled, "ChildByResident")
			c := Child(2)
			c.Version = 1
			t.WantErr(s.PutChild(ctx, c, 0), context.Canceled, "PutChild")
			v := Visit(Child(1), child.Kind3m, date(2024, 4, 2))
			v.Version = 1
			t.WantErr(s.PutVisit(ctx, v, 0), context.Canceled, "PutVisit")
			_, err = s.Visit(ctx, v.ID)
			t.WantErr(err, context.Canceled, "Visit")
			for name, seq := range map[string]func(func(any, error) bool){
				"Children": func(y func(any, error) bool) {
					for c, err := range s.Children(ctx, child.ChildFilter{}) {
						if !y(c, err) {
							return
						}
					}
				},
				"Visits": func(y func(any, error) bool) {
					for v, err := range s.Visits(ctx, child.VisitFilter{}) {
						if !y(v, err) {
							return
						}
					}
				},
			} {
				n, errs := 0, 0
				seq(func(_ any, err error) bool {
					n++
					if errors.Is(err, context.Canceled) {
						errs++
					}
					return true
				})
				if n != 1 || errs != 1 {
					t.Failf("%s: %d yields, %d errors; want the error once", name, n, errs)
				}
			}
		}},
	{Name: "ConcurrentWriters", Text: "a Store is safe for concurrent use: of writers racing on one version exactly one wins; of two writers that both read version v before either puts, one put succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored",
		Run: func(t *tc, s child.Store) {
			// Two writers forced to interleave between read and put.
			raced := Child(2)
			t.putChild(s, raced, 0)
			if err := storetest.CheckRecord(t.Ctx,
				func(ctx context.Context) (*child.Child, error) { return s.Child(ctx, raced.ID) },
				func(got *child.Child) *int64 { return &got.Version },
				func(w int, got *child.Child) {
					got.BirthWeightG += w + 1
				},
				s.PutChild, gongwei.ErrConflict); err != nil {
				t.Fatalf("PutChild of two writers that both read before either puts: %v\n\tcontract: %s", err, t.Clause)
			}

			t.putChild(s, Child(1), 0)
			wins := storetest.Wins(8, func(g int) error {
				c := Child(1)
				c.BirthWeightG = 2000 + g
				c.Version = 2
				err := s.PutChild(t.Ctx, c, 1)
				for range s.Children(t.Ctx, child.ChildFilter{}) {
				}
				_, _ = s.ChildByResident(t.Ctx, healthrecord.ResidentID("R1"))
				return err
			})
			if wins != 1 {
				t.Failf("%d writers won, want 1", wins)
			}
		}},
}

func slicesSort(ids []child.ChildID) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

func sortVisits(vs []*child.Visit) {
	less := func(a, b *child.Visit) bool {
		if a.Child != b.Child {
			return a.Child < b.Child
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		return a.ID < b.ID
	}
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && less(vs[j], vs[j-1]); j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
}
