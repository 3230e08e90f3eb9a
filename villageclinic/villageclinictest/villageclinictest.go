// Package villageclinictest checks implementations of [villageclinic.Store] against the
// store contract (TestStore) and provides fixtures that build valid records.
package villageclinictest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// Codes used by the fixtures: a township, two of its villages, and another township's
// village.
const (
	Township                          = "110101001"
	Village      healthrecord.Village = "110101001001"
	OtherVillage healthrecord.Village = "110101001002"
	OtherTown    healthrecord.Village = "110101002001"
)

// Visit returns a valid supervision visit of village v on d with one finding, to be
// rectified within 30 days.
func Visit(id villageclinic.ID, v healthrecord.Village, d gongwei.Date) *villageclinic.Visit {
	return &villageclinic.Visit{ID: id, Village: v, Date: d, Items: []string{"健康档案", "慢病随访", "药品管理"},
		Findings: []villageclinic.Finding{{Area: "健康档案", Problem: "体检表填写不全", RectifyBy: d.AddDays(30)}}}
}

// Training returns a valid training session of township on d: two doctors of Village,
// both attending, scored 85 and 55 against a pass mark of 60 (the fixture's, not a rule).
func Training(id villageclinic.ID, township string, d gongwei.Date) *villageclinic.Training {
	a, b := 85, 55
	v := healthrecord.Village(township + "001")
	return &villageclinic.Training{ID: id, Township: township, Date: d, Topic: "高血压患者健康管理规范", Hours: 8, PassMark: 60,
		Attendees: []villageclinic.Attendee{{Doctor: "D1", Village: v, Attended: true, Score: &a}, {Doctor: "D2", Village: v, Attended: true, Score: &b}}}
}

// TestStore checks that an implementation of villageclinic.Store meets every clause of
// the contract documented on villageclinic.Store, for visits and for training sessions,
// each case a subtest on a fresh store from newStore naming the clause it checks. Run it
// with -race: one case runs concurrent writers.
func TestStore(t *testing.T, newStore func(t *testing.T) villageclinic.Store) {
	t.Helper()
	t.Run("Visit", func(t *testing.T) { run(t, visits, newStore) })
	t.Run("Training", func(t *testing.T) { run(t, trainings, newStore) })
}

// kind is one record type of the store, as the clauses use it.
type kind[T any] struct {
	make    func(id villageclinic.ID, code string, d gongwei.Date) T
	id      func(T) villageclinic.ID
	version func(T) *int64
	change  func(T, int) // changes a field that reads back
	get     func(ctx context.Context, s villageclinic.Store, id villageclinic.ID) (T, error)
	put     func(ctx context.Context, s villageclinic.Store, x T, prev int64) error
	stream  func(ctx context.Context, s villageclinic.Store, f villageclinic.Filter) func(func(T, error) bool)
	// codes are a code of the township, of another village of it and of another
	// township, in the kind's terms (villages for visits, townships for sessions).
	codes [3]string
}

var visits = kind[*villageclinic.Visit]{
	make: func(id villageclinic.ID, code string, d gongwei.Date) *villageclinic.Visit {
		return Visit(id, healthrecord.Village(code), d)
	},
	id:      func(v *villageclinic.Visit) villageclinic.ID { return v.ID },
	version: func(v *villageclinic.Visit) *int64 { return &v.Version },
	change:  func(v *villageclinic.Visit, n int) { v.Findings[0].Rectified = v.Date.AddDays(n + 1) },
	get: func(ctx context.Context, s villageclinic.Store, id villageclinic.ID) (*villageclinic.Visit, error) {
		return s.Visit(ctx, id)
	},
	put: func(ctx context.Context, s villageclinic.Store, v *villageclinic.Visit, prev int64) error {
		return s.PutVisit(ctx, v, prev)
	},
	stream: func(ctx context.Context, s villageclinic.Store, f villageclinic.Filter) func(func(*villageclinic.Visit, error) bool) {
		return s.Visits(ctx, f)
	},
	codes: [3]string{string(Village), string(OtherVillage), string(OtherTown)},
}

var trainings = kind[*villageclinic.Training]{
	make:    Training,
	id:      func(t *villageclinic.Training) villageclinic.ID { return t.ID },
	version: func(t *villageclinic.Training) *int64 { return &t.Version },
	change:  func(t *villageclinic.Training, n int) { t.Hours = n + 2 },
	get: func(ctx context.Context, s villageclinic.Store, id villageclinic.ID) (*villageclinic.Training, error) {
		return s.Training(ctx, id)
	},
	put: func(ctx context.Context, s villageclinic.Store, t *villageclinic.Training, prev int64) error {
		return s.PutTraining(ctx, t, prev)
	},
	stream: func(ctx context.Context, s villageclinic.Store, f villageclinic.Filter) func(func(*villageclinic.Training, error) bool) {
		return s.Trainings(ctx, f)
	},
	codes: [3]string{Township, Township, "110101002"},
}

var day = gongwei.MustDate(2025, time.April, 8)

// run runs the clauses of the contract for the record type k.
func run[T any](t *testing.T, k kind[T], newStore func(t *testing.T) villageclinic.Store) {
	store := func(t *storetest.T, s villageclinic.Store, x T) {
		t.Helper()
		v := k.version(x)
		prev := *v
		*v = prev + 1
		t.Must(k.put(t.Ctx, s, x, prev), "put")
	}
	ids := func(t *storetest.T, s villageclinic.Store, f villageclinic.Filter) []villageclinic.ID {
		t.Helper()
		xs, err := storetest.Collect(k.stream(t.Ctx, s, f))
		t.Must(err, "stream")
		var out []villageclinic.ID
		for _, x := range xs {
			out = append(out, k.id(x))
		}
		return out
	}
	clauses := []storetest.Clause[*storetest.T, villageclinic.Store]{
		{Name: "RoundTrip", Text: "a put record reads back with every field equal, Version included",
			Run: func(t *storetest.T, s villageclinic.Store) {
				x := k.make("A", k.codes[0], day)
				k.change(x, 3)
				store(t, s, x)
				got, err := k.get(t.Ctx, s, "A")
				t.Must(err, "get")
				if !reflect.DeepEqual(got, x) {
					t.Failf("got %+v\nwant %+v", got, x)
				}
				_, err = k.get(t.Ctx, s, "missing")
				t.WantErr(err, gongwei.ErrNotFound, "get of a missing ID")
			}},
		{Name: "Versions", Text: "a put stores only when the stored version equals prev (absent counts as 0), otherwise fails with gongwei.ErrConflict and stores nothing",
			Run: func(t *storetest.T, s villageclinic.Store) {
				x := k.make("A", k.codes[0], day)
				store(t, s, x)
				y := k.make("A", k.codes[0], day)
				k.change(y, 9)
				*k.version(y) = 1
				t.WantErr(k.put(t.Ctx, s, y, 0), gongwei.ErrConflict, "insert over a stored ID")
				*k.version(y) = 3
				t.WantErr(k.put(t.Ctx, s, y, 2), gongwei.ErrConflict, "stale update")
				z := k.make("B", k.codes[0], day)
				*k.version(z) = 2
				t.WantErr(k.put(t.Ctx, s, z, 1), gongwei.ErrConflict, "update of an absent ID")
				if got, err := k.get(t.Ctx, s, "A"); err != nil || !reflect.DeepEqual(got, x) {
					t.Failf("a rejected put changed the stored record: %v", err)
				}
			}},
		{Name: "Copies", Text: "records are copied in and out",
			Run: func(t *storetest.T, s villageclinic.Store) {
				x := k.make("A", k.codes[0], day)
				store(t, s, x)
				want, _ := k.get(t.Ctx, s, "A")
				k.change(x, 20)
				got, err := k.get(t.Ctx, s, "A")
				t.Must(err, "get")
				k.change(got, 21)
				again, _ := k.get(t.Ctx, s, "A")
				if !reflect.DeepEqual(again, want) {
					t.Failf("the store shares memory with its callers")
				}
			}},
		{Name: "Streams", Text: "streams select by code prefix and date, ordered by date, then ID; a loop may stop early and use the store",
			Run: func(t *storetest.T, s villageclinic.Store) {
				store(t, s, k.make("C", k.codes[0], day))
				store(t, s, k.make("A", k.codes[1], day))
				store(t, s, k.make("B", k.codes[2], day.AddDays(-1)))
				store(t, s, k.make("D", k.codes[0], gongwei.MustDate(2024, time.December, 31)))
				if got := ids(t, s, villageclinic.Filter{}); !reflect.DeepEqual(got, []villageclinic.ID{"D", "B", "A", "C"}) {
					t.Failf("all: %v", got)
				}
				if got := ids(t, s, villageclinic.Filter{Prefix: Township, Period: gongwei.Year(2025)}); !reflect.DeepEqual(got, []villageclinic.ID{"A", "C"}) {
					t.Failf("township, 2025: %v", got)
				}
				n := 0
				for x, err := range k.stream(t.Ctx, s, villageclinic.Filter{}) {
					t.Must(err, "stream")
					n++
					_, err := k.get(t.Ctx, s, k.id(x))
					t.Must(err, "get inside the loop")
					t.Must(k.put(t.Ctx, s, k.make("E", k.codes[0], day), 0), "put inside the loop")
					break
				}
				if n != 1 {
					t.Failf("the loop ran %d times after a break", n)
				}
			}},
		{Name: "Cancelled", Text: "a cancelled context gives its error; a failing stream yields the error once and stops",
			Run: func(t *storetest.T, s villageclinic.Store) {
				ctx, cancel := context.WithCancel(t.Ctx)
				cancel()
				_, err := k.get(ctx, s, "A")
				t.WantErr(err, context.Canceled, "get")
				t.WantErr(k.put(ctx, s, k.make("A", k.codes[0], day), 0), context.Canceled, "put")
				n := 0
				for _, err := range k.stream(ctx, s, villageclinic.Filter{}) {
					n++
					t.WantErr(err, context.Canceled, "stream")
				}
				if n != 1 {
					t.Failf("the failing stream yielded %d times", n)
				}
			}},
		{Name: "OneWriterWins", Text: "safe for concurrent use: of writers racing over one version exactly one wins and its record is stored",
			Run: func(t *storetest.T, s villageclinic.Store) {
				store(t, s, k.make("A", k.codes[0], day))
				err := storetest.Check(t.Ctx,
					func(ctx context.Context) (T, int64, error) {
						x, err := k.get(ctx, s, "A")
						if err != nil {
							var zero T
							return zero, 0, err
						}
						return x, *k.version(x), nil
					},
					func(ctx context.Context, w int, x T, prev int64) error {
						k.change(x, w)
						*k.version(x) = prev + 1
						return k.put(ctx, s, x, prev)
					}, gongwei.ErrConflict)
				if err != nil {
					t.Failf("%v", err)
				}
			}},
	}
	storetest.Run(t, clauses, func(t *storetest.T) *storetest.T { return t }, newStore)
}
