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
	"fmt"
	"iter"
	"reflect"
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
	storetest.Run(t, cases, func(t *storetest.T) *tc { return &tc{t} }, newStore)
}

// storeCase is one clause of the contract and the check of it.
type storeCase = storetest.Clause[*tc, maternal.Store]

// tc is the test handle of a clause, with the helpers of this suite.
type tc struct{ *storetest.T }

// put stores p as version prev+1 over prev.
func (t *tc) put(s maternal.Store, p *maternal.Pregnancy, prev int64) {
	t.Helper()
	p.Version = prev + 1
	t.Must(s.PutPregnancy(t.Ctx, p, prev), "PutPregnancy")
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
		Name: "RoundTrip",
		Text: "PutPregnancy stores p exactly as given, Version included; Pregnancy returns it with every field equal",
		Run: func(t *tc, s maternal.Store) {
			for n := 1; n <= 3; n++ {
				want := fixture(n, FixtureVillage, date(2024, 1, n))
				t.put(s, want, 0)
				got, err := s.Pregnancy(t.Ctx, want.ID)
				storetest.WantSame(t.T, fmt.Sprintf("Pregnancy(%d)", n), got, err, want)
			}
		},
	},
	{
		Name: "NotFound",
		Text: "Pregnancy fails with an error wrapping gongwei.ErrNotFound for a missing ID",
		Run: func(t *tc, s maternal.Store) {
			t.put(s, fixture(1, FixtureVillage, date(2024, 1, 1)), 0)
			_, err := s.Pregnancy(t.Ctx, fixture(2, FixtureVillage, date(2024, 1, 1)).ID)
			t.WantErr(err, gongwei.ErrNotFound, "Pregnancy(missing)")
		},
	},
	{
		Name: "Versions",
		Text: "PutPregnancy compares and swaps: prev 0 inserts and fails with gongwei.ErrConflict when the ID exists; prev > 0 updates and fails with gongwei.ErrConflict when the stored version differs or the pregnancy is absent; a failed put stores nothing; the version is stored as given",
		Run: func(t *tc, s maternal.Store) {
			storetest.CheckVersions(t.T, fixture(1, FixtureVillage, date(2024, 1, 1)), fixture(2, FixtureVillage, date(2024, 1, 1)),
				func(p *maternal.Pregnancy) *int64 { return &p.Version }, s.PutPregnancy,
				func(ctx context.Context, p *maternal.Pregnancy) (*maternal.Pregnancy, error) {
					return s.Pregnancy(ctx, p.ID)
				})
		},
	},
	{
		Name: "NotAliased",
		Text: "the store keeps its own copy: changing a pregnancy after PutPregnancy, or one returned by Pregnancy or Pregnancies, does not change the stored one",
		Run: func(t *tc, s maternal.Store) {
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			t.put(s, p, 0)
			want := p.Clone()
			p.Visits[0].Number = 9
			p.FirstExam.Labs[0] = "changed"
			p.Delivery.LiveBirths = 7
			p.Tests = append(p.Tests[:0], maternal.InfectionTest{Infection: maternal.HIV, Result: maternal.Positive})
			got, err := s.Pregnancy(t.Ctx, p.ID)
			t.Must(err, "Pregnancy")
			if !reflect.DeepEqual(got, want) {
				t.Failf("caller's change after put leaked into the store:\ngot  %+v\nwant %+v", got, want)
			}
			got.Postpartum[0].Factors = append(got.Postpartum[0].Factors, maternal.FactorGDM)
			got.FirstExam.Gravidity = 9
			for q, err := range s.Pregnancies(t.Ctx, maternal.Filter{}) {
				t.Must(err, "Pregnancies")
				q.Delivery.Place = maternal.Home
			}
			again, err := s.Pregnancy(t.Ctx, p.ID)
			t.Must(err, "Pregnancy")
			if !reflect.DeepEqual(again, want) {
				t.Failf("change to a returned pregnancy leaked into the store:\ngot  %+v\nwant %+v", again, want)
			}
		},
	},
	{
		Name: "FilterPrefixAndOrder",
		Text: "Pregnancies selects by village prefix (county 6, township 9, village 12 digits) and streams ordered by village, then by ID",
		Run: func(t *tc, s maternal.Store) {
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
				got, err := collect(s.Pregnancies(t.Ctx, maternal.Filter{Prefix: x.prefix}))
				t.Must(err, "Pregnancies")
				if !reflect.DeepEqual(got, x.want) {
					t.Failf("Pregnancies(prefix %q) = %v, want %v", x.prefix, got, x.want)
				}
			}
		},
	},
	{
		Name: "FilterResident",
		Text: "Pregnancies selects one woman's pregnancies by Resident, combined with the prefix by AND",
		Run: func(t *tc, s maternal.Store) {
			w := Woman(1, FixtureVillage)
			first := Pregnancy(w, date(2022, 1, 1))
			second := Pregnancy(w, date(2024, 1, 1))
			other := fixture(2, FixtureVillage, date(2024, 1, 1))
			for _, p := range []*maternal.Pregnancy{second, other, first} {
				t.put(s, p, 0)
			}
			got, err := collect(s.Pregnancies(t.Ctx, maternal.Filter{Resident: w.ID}))
			t.Must(err, "Pregnancies")
			if want := []maternal.PregnancyID{first.ID, second.ID}; !reflect.DeepEqual(got, want) {
				t.Failf("Pregnancies(resident) = %v, want %v", got, want)
			}
			got, err = collect(s.Pregnancies(t.Ctx, maternal.Filter{Resident: w.ID, Prefix: "110106"}))
			t.Must(err, "Pregnancies")
			if len(got) != 0 {
				t.Failf("Pregnancies(resident, other county) = %v, want none", got)
			}
		},
	},
	{
		Name: "FilterPeriod",
		Text: "Pregnancies selects by Period the pregnancies whose span (LMP to 42 days after the end, open while ongoing) shares a day with it; a zero bound leaves that end open",
		Run: func(t *tc, s maternal.Store) {
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
				got, err := collect(s.Pregnancies(t.Ctx, maternal.Filter{Period: x.p}))
				t.Must(err, "Pregnancies")
				if !reflect.DeepEqual(got, x.want) {
					t.Failf("Pregnancies(period %s: %v) = %v, want %v", x.name, x.p, got, x.want)
				}
			}
		},
	},
	{
		Name: "StreamEarlyBreakAndWriteInLoop",
		Text: "a consumer that stops early releases the iterator's hold, and the store may be written from inside the loop body",
		Run: func(t *tc, s maternal.Store) {
			for n := 1; n <= 3; n++ {
				t.put(s, fixture(n, FixtureVillage, date(2024, 1, 1)), 0)
			}
			for p, err := range s.Pregnancies(t.Ctx, maternal.Filter{}) {
				t.Must(err, "Pregnancies")
				p.Rural = false
				t.Must(s.PutPregnancy(t.Ctx, p, p.Version), "PutPregnancy inside the loop") // Version unchanged: stored as given
				break
			}
			t.put(s, fixture(4, FixtureVillage, date(2024, 1, 1)), 0)
			got, err := collect(s.Pregnancies(t.Ctx, maternal.Filter{}))
			t.Must(err, "Pregnancies after break")
			if len(got) != 4 {
				t.Failf("Pregnancies after break yields %d, want 4", len(got))
			}
		},
	},
	{
		Name: "CancelledContext",
		Text: "a method called with a cancelled context fails with an error wrapping the context's error; a stream yields a nil pregnancy and the error once, then stops",
		Run: func(t *tc, s maternal.Store) {
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			t.put(s, p, 0)
			ctx, cancel := context.WithCancel(t.Ctx)
			cancel()
			_, err := s.Pregnancy(ctx, p.ID)
			t.WantErr(err, context.Canceled, "Pregnancy")
			q := p.Clone()
			q.Version = 2
			t.WantErr(s.PutPregnancy(ctx, q, 1), context.Canceled, "PutPregnancy")
			storetest.WantCancelled(t.T, "Pregnancies", s.Pregnancies(ctx, maternal.Filter{}))
			got, err := s.Pregnancy(t.Ctx, p.ID)
			t.Must(err, "Pregnancy")
			if got.Version != 1 {
				t.Failf("a put under a cancelled context stored version %d", got.Version)
			}
		},
	},
	{
		Name: "ConcurrentWriters",
		Text: "a Store is safe for concurrent use: of two writers that both read version v before either puts, exactly one put over v succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored; concurrent read-modify-write loops that retry on gongwei.ErrConflict lose no update",
		Run: func(t *tc, s maternal.Store) {
			const writers, updates = 8, 20
			p := fixture(1, FixtureVillage, date(2024, 1, 1))
			p.Visits = nil
			t.put(s, p, 0)
			// Two writers forced to interleave between read and put: the winner's visit
			// (weight 0.5 or 1.5) is the first stored.
			err := storetest.CheckRecord(t.Ctx,
				func(ctx context.Context) (*maternal.Pregnancy, error) { return s.Pregnancy(ctx, p.ID) },
				func(got *maternal.Pregnancy) *int64 { return &got.Version },
				func(w int, got *maternal.Pregnancy) {
					got.Visits = append(got.Visits, maternal.PrenatalVisit{Number: 0, Weight: float64(w) + 0.5})
				},
				s.PutPregnancy, gongwei.ErrConflict)
			if err != nil {
				t.Fatalf("PutPregnancy of two writers that both read before either puts: %v\n\tcontract: %s", err, t.Clause)
			}
			for _, err := range storetest.Contend(t.Ctx, writers, updates, func(ctx context.Context, w, u int) error {
				got, err := s.Pregnancy(ctx, p.ID)
				if err != nil {
					return err
				}
				prev := got.Version
				got.Visits = append(got.Visits, maternal.PrenatalVisit{Number: 0, Weight: float64(1000*w + u)})
				got.Version = prev + 1
				return s.PutPregnancy(ctx, got, prev)
			}) {
				t.Failf("concurrent writer: %v", err)
			}
			got, err := s.Pregnancy(t.Ctx, p.ID)
			t.Must(err, "Pregnancy")
			seen := map[float64]bool{}
			for _, v := range got.Visits {
				seen[v.Weight] = true
			}
			if len(seen) != 1+writers*updates || got.Version != int64(2+writers*updates) {
				t.Failf("%d distinct updates stored at version %d, want %d at %d", len(seen), got.Version, 1+writers*updates, 2+writers*updates)
			}
		},
	},
}
