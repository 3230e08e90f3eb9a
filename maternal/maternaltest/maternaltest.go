// Package maternaltest helps test code that stores pregnancies: a conformance suite for
// implementations of [maternal.Store] ([TestStore]) and fixtures that build valid
// records ([Woman], [Pregnancy], [Booked]) for hosts' own tests.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		maternaltest.TestStore(t, func(t *testing.T) maternal.Store { return mystore.Open(t) })
//	}
package maternaltest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/maternal"
)

// TestStore checks that an implementation of maternal.Store meets every clause of the
// contract documented on maternal.Store. Each case runs as a subtest on a fresh store
// from newStore and names the clause it checks; failures are reported with t.Errorf.
// Round trips compare with reflect.DeepEqual against fixtures that fill every field.
// The concurrent-writers case runs goroutines against one store: run it with -race.
func TestStore(t *testing.T, newStore func(t *testing.T) maternal.Store) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			if s == nil {
				t.Fatal("newStore returned nil")
			}
			c.run(&tc{T: t, clause: c.clause, ctx: context.Background()}, s)
		})
	}
}

type storeCase struct {
	name   string
	clause string
	run    func(t *tc, s maternal.Store)
}

type tc struct {
	*testing.T
	clause string
	ctx    context.Context
}

func (t *tc) errorf(format string, args ...any) {
	t.Helper()
	t.Errorf("%s\n\tcontract: %s", fmt.Sprintf(format, args...), t.clause)
}

func (t *tc) must(err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: unexpected error: %v\n\tcontract: %s", what, err, t.clause)
	}
}

func (t *tc) wantErr(err, target error, what string) {
	t.Helper()
	if !errors.Is(err, target) {
		t.errorf("%s: got error %v, want one wrapping %v", what, err, target)
	}
}

// put stores p as version prev+1 over prev.
func (t *tc) put(s maternal.Store, p *maternal.Pregnancy, prev int64) {
	t.Helper()
	p.Version = prev + 1
	t.must(s.PutPregnancy(t.ctx, p, prev), "PutPregnancy")
}

func collect(seq iter.Seq2[*maternal.Pregnancy, error]) ([]maternal.PregnancyID, error) {
	var out []maternal.PregnancyID
	for p, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, p.ID)
	}
	return out, nil
}

func date(y, m, d int) gongwei.Date { return gongwei.MustDate(y, time.Month(m), d) }

// fixture returns the complete pregnancy of woman n in village v with LMP lmp.
func fixture(n int, v healthrecord.Village, lmp gongwei.Date) *maternal.Pregnancy {
	return Pregnancy(Woman(n, v), lmp)
}

var cases = []storeCase{
	{
		name:   "RoundTrip",
		clause: "PutPregnancy stores p exactly as given, Version included; Pregnancy returns it with every field equal",
		run: func(t *tc, s maternal.Store) {
			for n := 1; n <= 3; n++ {
				want := fixture(n, FixtureVillage, date(2024, 1, n))
				t.put(s, want, 0)
				got, err := s.Pregnancy(t.ctx, want.ID)
				t.must(err, "Pregnancy")
				if !reflect.DeepEqual(got, want) {
					t.errorf("Pregnancy(%d):\ngot  %+v\nwant %+v", n, got, want)
				}
			}
		},
	},
	{
		name:   "NotFound",
		clause: "Pregnancy fails with an error wrapping gongwei.ErrNotFound for a missing ID",
		run: func(t *tc, s maternal.Store) {
			t.put(s, fixture(1, FixtureVillage, date(2024, 1, 1)), 0)
			_, err := s.Pregnancy(t.ctx, fixture(2, FixtureVillage, date(2024, 1, 1)).ID)
			t.wantErr(err, gongwei.ErrNotFound, "Pregnancy(missing)")
		},
	},
	{
		name:   "Versions",
		clause: "PutPregnancy compares and swaps: prev 0 inserts and fails with gongwei.ErrConflict when the ID exists; prev > 0 updates and fails with gongwei.ErrConflict when the stored version differs or the pregnancy is absent; a failed put stores nothing; the version is stored as given",
		run: func(t *tc, s maternal.Store) {
			put := func(p *maternal.Pregnancy, version, prev int64) error {
				p.Version = version
				return s.PutPregnancy(t.ctx, p, prev)
			}
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			t.must(put(p, 1, 0), "insert with prev 0")
			t.wantErr(put(p, 1, 0), gongwei.ErrConflict, "second insert with prev 0")
			t.must(put(p, 2, 1), "update from version 1")
			t.wantErr(put(p, 2, 1), gongwei.ErrConflict, "update from stale version 1")
			t.wantErr(put(p, 5, 4), gongwei.ErrConflict, "update from version 4, ahead of the stored 2")
			got, err := s.Pregnancy(t.ctx, p.ID)
			t.must(err, "Pregnancy")
			if got.Version != 2 {
				t.errorf("stored version %d after failed puts, want 2", got.Version)
			}
			absent := fixture(2, FixtureVillage, date(2024, 1, 1))
			t.wantErr(put(absent, 4, 3), gongwei.ErrConflict, "update of an absent pregnancy")
			_, err = s.Pregnancy(t.ctx, absent.ID)
			t.wantErr(err, gongwei.ErrNotFound, "Pregnancy after a failed update of an absent pregnancy")
			t.must(put(p, 10, 2), "update to version 10 from 2")
			got, err = s.Pregnancy(t.ctx, p.ID)
			t.must(err, "Pregnancy")
			if got.Version != 10 {
				t.errorf("stored version %d, want 10 as given", got.Version)
			}
		},
	},
	{
		name:   "NotAliased",
		clause: "the store keeps its own copy: changing a pregnancy after PutPregnancy, or one returned by Pregnancy or Pregnancies, does not change the stored one",
		run: func(t *tc, s maternal.Store) {
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			t.put(s, p, 0)
			want := p.Clone()
			p.Visits[0].Number = 9
			p.FirstExam.Labs[0] = "changed"
			p.Delivery.LiveBirths = 7
			p.Tests = append(p.Tests[:0], maternal.InfectionTest{Infection: maternal.HIV, Result: maternal.Positive})
			got, err := s.Pregnancy(t.ctx, p.ID)
			t.must(err, "Pregnancy")
			if !reflect.DeepEqual(got, want) {
				t.errorf("caller's change after put leaked into the store:\ngot  %+v\nwant %+v", got, want)
			}
			got.Postpartum[0].Factors = append(got.Postpartum[0].Factors, maternal.FactorGDM)
			got.FirstExam.Gravidity = 9
			for q, err := range s.Pregnancies(t.ctx, maternal.Filter{}) {
				t.must(err, "Pregnancies")
				q.Delivery.Place = maternal.Home
			}
			again, err := s.Pregnancy(t.ctx, p.ID)
			t.must(err, "Pregnancy")
			if !reflect.DeepEqual(again, want) {
				t.errorf("change to a returned pregnancy leaked into the store:\ngot  %+v\nwant %+v", again, want)
			}
		},
	},
	{
		name:   "FilterPrefixAndOrder",
		clause: "Pregnancies selects by village prefix (county 6, township 9, village 12 digits) and streams ordered by village, then by ID",
		run: func(t *tc, s maternal.Store) {
			lmp := date(2024, 1, 1)
			a := fixture(2, "110105001101", lmp)
			b := fixture(1, "110105001101", lmp)
			c := fixture(3, "110105001102", lmp)
			d := fixture(4, "110105002101", lmp)
			e := fixture(5, "110106001101", lmp)
			for _, p := range []*maternal.Pregnancy{e, c, a, d, b} {
				t.put(s, p, 0)
			}
			for _, x := range []struct {
				prefix string
				want   []maternal.PregnancyID
			}{
				{"", []maternal.PregnancyID{b.ID, a.ID, c.ID, d.ID, e.ID}},
				{"110105", []maternal.PregnancyID{b.ID, a.ID, c.ID, d.ID}},
				{"110105001", []maternal.PregnancyID{b.ID, a.ID, c.ID}},
				{"110105001101", []maternal.PregnancyID{b.ID, a.ID}},
				{"110107", nil},
			} {
				got, err := collect(s.Pregnancies(t.ctx, maternal.Filter{Prefix: x.prefix}))
				t.must(err, "Pregnancies")
				if !reflect.DeepEqual(got, x.want) {
					t.errorf("Pregnancies(prefix %q) = %v, want %v", x.prefix, got, x.want)
				}
			}
		},
	},
	{
		name:   "FilterResident",
		clause: "Pregnancies selects one woman's pregnancies by Resident, combined with the prefix by AND",
		run: func(t *tc, s maternal.Store) {
			w := Woman(1, FixtureVillage)
			first := Pregnancy(w, date(2022, 1, 1))
			second := Pregnancy(w, date(2024, 1, 1))
			other := fixture(2, FixtureVillage, date(2024, 1, 1))
			for _, p := range []*maternal.Pregnancy{second, other, first} {
				t.put(s, p, 0)
			}
			got, err := collect(s.Pregnancies(t.ctx, maternal.Filter{Resident: w.ID}))
			t.must(err, "Pregnancies")
			if want := []maternal.PregnancyID{first.ID, second.ID}; !reflect.DeepEqual(got, want) {
				t.errorf("Pregnancies(resident) = %v, want %v", got, want)
			}
			got, err = collect(s.Pregnancies(t.ctx, maternal.Filter{Resident: w.ID, Prefix: "110106"}))
			t.must(err, "Pregnancies")
			if len(got) != 0 {
				t.errorf("Pregnancies(resident, other county) = %v, want none", got)
			}
		},
	},
	{
		name:   "FilterPeriod",
		clause: "Pregnancies selects by Period the pregnancies whose span (LMP to 42 days after the end, open while ongoing) shares a day with it; a zero bound leaves that end open",
		run: func(t *tc, s maternal.Store) {
			// delivered: LMP 2023-01-01, delivered 2023-10-08 (LMP + 280), span to
			// 2023-11-19 inclusive (+42 days).
			delivered := fixture(1, FixtureVillage, date(2023, 1, 1))
			// ongoing: LMP 2024-03-01, no delivery.
			ongoing := Booked(Woman(2, FixtureVillage), date(2024, 3, 1))
			t.put(s, delivered, 0)
			t.put(s, ongoing, 0)
			for _, x := range []struct {
				name string
				p    gongwei.Period
				want []maternal.PregnancyID
			}{
				{"zero", gongwei.Period{}, []maternal.PregnancyID{delivered.ID, ongoing.ID}},
				{"day before the first LMP", gongwei.Days(date(2022, 12, 31), 1), nil},
				{"first LMP", gongwei.Days(date(2023, 1, 1), 1), []maternal.PregnancyID{delivered.ID}},
				{"day 42 after delivery", gongwei.Days(date(2023, 11, 19), 1), []maternal.PregnancyID{delivered.ID}},
				{"day 43 after delivery", gongwei.Days(date(2023, 11, 20), 1), nil},
				{"year 2024", gongwei.Year(2024), []maternal.PregnancyID{ongoing.ID}},
				{"far future, ongoing", gongwei.Days(date(2030, 1, 1), 1), []maternal.PregnancyID{ongoing.ID}},
				{"open start", gongwei.Period{End: date(2023, 1, 2)}, []maternal.PregnancyID{delivered.ID}},
				{"open end", gongwei.Period{Start: date(2023, 11, 20)}, []maternal.PregnancyID{ongoing.ID}},
			} {
				got, err := collect(s.Pregnancies(t.ctx, maternal.Filter{Period: x.p}))
				t.must(err, "Pregnancies")
				if !reflect.DeepEqual(got, x.want) {
					t.errorf("Pregnancies(period %s: %v) = %v, want %v", x.name, x.p, got, x.want)
				}
			}
		},
	},
	{
		name:   "StreamEarlyBreakAndWriteInLoop",
		clause: "a consumer that stops early releases the iterator's hold, and the store may be written from inside the loop body",
		run: func(t *tc, s maternal.Store) {
			for n := 1; n <= 3; n++ {
				t.put(s, fixture(n, FixtureVillage, date(2024, 1, 1)), 0)
			}
			for p, err := range s.Pregnancies(t.ctx, maternal.Filter{}) {
				t.must(err, "Pregnancies")
				p.Rural = false
				t.must(s.PutPregnancy(t.ctx, p, p.Version), "PutPregnancy inside the loop") // Version unchanged: stored as given
				break
			}
			t.put(s, fixture(4, FixtureVillage, date(2024, 1, 1)), 0)
			got, err := collect(s.Pregnancies(t.ctx, maternal.Filter{}))
			t.must(err, "Pregnancies after break")
			if len(got) != 4 {
				t.errorf("Pregnancies after break yields %d, want 4", len(got))
			}
		},
	},
	{
		name:   "CancelledContext",
		clause: "a method called with a cancelled context fails with an error wrapping the context's error; a stream yields a nil pregnancy and the error once, then stops",
		run: func(t *tc, s maternal.Store) {
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			t.put(s, p, 0)
			ctx, cancel := context.WithCancel(t.ctx)
			cancel()
			_, err := s.Pregnancy(ctx, p.ID)
			t.wantErr(err, context.Canceled, "Pregnancy")
			q := p.Clone()
			q.Version = 2
			t.wantErr(s.PutPregnancy(ctx, q, 1), context.Canceled, "PutPregnancy")
			n := 0
			for x, err := range s.Pregnancies(ctx, maternal.Filter{}) {
				n++
				if n > 1 {
					t.errorf("Pregnancies yielded again after its error")
					break
				}
				if x != nil {
					t.errorf("Pregnancies yielded a pregnancy with its error")
				}
				t.wantErr(err, context.Canceled, "Pregnancies")
			}
			if n == 0 {
				t.errorf("Pregnancies yielded nothing under a cancelled context, want the error once")
			}
			got, err := s.Pregnancy(t.ctx, p.ID)
			t.must(err, "Pregnancy")
			if got.Version != 1 {
				t.errorf("a put under a cancelled context stored version %d", got.Version)
			}
		},
	},
	{
		name:   "ConcurrentWriters",
		clause: "a Store is safe for concurrent use: of two writers that both read version v before either puts, exactly one put over v succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored; concurrent read-modify-write loops that retry on gongwei.ErrConflict lose no update",
		run: func(t *tc, s maternal.Store) {
			const writers, updates = 8, 20
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			p.Visits = nil
			t.put(s, p, 0)
			// Two writers forced to interleave between read and put: the winner's visit
			// (weight 0.5 or 1.5) is the first stored.
			err := storetest.Check(t.ctx,
				func(ctx context.Context) (*maternal.Pregnancy, int64, error) {
					got, err := s.Pregnancy(ctx, p.ID)
					if err != nil {
						return nil, 0, err
					}
					return got, got.Version, nil
				},
				func(ctx context.Context, w int, got *maternal.Pregnancy, prev int64) error {
					got.Visits = append(got.Visits, maternal.PrenatalVisit{Number: 0, Weight: float64(w) + 0.5})
					got.Version = prev + 1
					return s.PutPregnancy(ctx, got, prev)
				}, gongwei.ErrConflict)
			if err != nil {
				t.Fatalf("PutPregnancy of two writers that both read before either puts: %v\n\tcontract: %s", err, t.clause)
			}
			var wg sync.WaitGroup
			errs := make(chan error, writers)
			for w := 0; w < writers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for u := 0; u < updates; u++ {
						for try := 0; ; try++ {
							if try == 1000 {
								errs <- fmt.Errorf("writer %d: update %d still conflicting", w, u)
								return
							}
							got, err := s.Pregnancy(t.ctx, p.ID)
							if err != nil {
								errs <- err
								return
							}
							prev := got.Version
							got.Visits = append(got.Visits, maternal.PrenatalVisit{Number: 0, Weight: float64(1000*w + u)})
							got.Version = prev + 1
							err = s.PutPregnancy(t.ctx, got, prev)
							if err == nil {
								break
							}
							if !errors.Is(err, gongwei.ErrConflict) {
								errs <- err
								return
							}
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.errorf("concurrent writer: %v", err)
			}
			got, err := s.Pregnancy(t.ctx, p.ID)
			t.must(err, "Pregnancy")
			seen := map[float64]bool{}
			for _, v := range got.Visits {
				seen[v.Weight] = true
			}
			if len(seen) != 1+writers*updates || got.Version != int64(2+writers*updates) {
				t.errorf("%d distinct updates stored at version %d, want %d at %d", len(seen), got.Version, 1+writers*updates, 2+writers*updates)
			}
		},
	},
}
