package supervisiontest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/supervision"
)

// TestStore checks that an implementation of supervision.Store meets every clause of the
// contract documented on supervision.Store. Each clause runs as a subtest, for each
// record type, on a fresh store from newStore. Round trips compare with
// reflect.DeepEqual against the fixtures, which fill every field. Run with -race: one
// clause runs concurrent writers.
func TestStore(t *testing.T, newStore func(t *testing.T) supervision.Store) {
	t.Helper()
	for _, k := range kinds() {
		for _, c := range clauses {
			t.Run(k.name+"/"+c.name, func(t *testing.T) {
				c.run(t, context.Background(), storetest.Fresh(t, newStore), k)
			})
		}
	}
	for _, f := range []struct {
		name string
		run  func(*testing.T, supervision.Store)
	}{
		{"filters/unit prefix and kind", unitFilters},
		{"filters/inspection unit, prefix and period", inspectionFilters},
		{"filters/complaints, clues and reports by prefix and period", reportFilters},
	} {
		t.Run(f.name, func(t *testing.T) {
			f.run(t, storetest.Fresh(t, newStore))
		})
	}
}

// kind describes one record type to the generic clauses. Records are handled as any.
type kind struct {
	name string
	// make builds a valid record with the given ID suffix, village and date.
	make    func(id string, v healthrecord.Village, d gongwei.Date) any
	get     func(ctx context.Context, s supervision.Store, id string) (any, error)
	put     func(ctx context.Context, s supervision.Store, x any, prev int64) error
	all     func(ctx context.Context, s supervision.Store) iter.Seq2[any, error]
	version func(x any) *int64
	id      func(x any) string
	// mutate changes a field that the store must copy.
	mutate func(x any)
}

func seq[T any](in iter.Seq2[T, error]) iter.Seq2[any, error] {
	return func(yield func(any, error) bool) {
		for x, err := range in {
			if !yield(x, err) {
				return
			}
		}
	}
}

// kindOf describes the record type R, keyed by K and streamed with the filter F, to the
// generic clauses: make builds a fixture, get, put and stream are the store's methods as
// method expressions (the stream is called with the zero F), fields reads the record's
// version and ID, and mutate changes a field that the store must copy.
func kindOf[K ~string, F any, R any](name string,
	make func(id K, v healthrecord.Village, d gongwei.Date) *R,
	get func(supervision.Store, context.Context, K) (*R, error),
	put func(supervision.Store, context.Context, *R, int64) error,
	stream func(supervision.Store, context.Context, F) iter.Seq2[*R, error],
	fields func(*R) (*int64, K),
	mutate func(*R)) kind {
	return kind{
		name: name,
		make: func(id string, v healthrecord.Village, d gongwei.Date) any { return make(K(id), v, d) },
		get: func(ctx context.Context, s supervision.Store, id string) (any, error) {
			return get(s, ctx, K(id))
		},
		put: func(ctx context.Context, s supervision.Store, x any, p int64) error {
			return put(s, ctx, x.(*R), p)
		},
		all: func(ctx context.Context, s supervision.Store) iter.Seq2[any, error] {
			var f F
			return seq(stream(s, ctx, f))
		},
		version: func(x any) *int64 { v, _ := fields(x.(*R)); return v },
		id:      func(x any) string { _, id := fields(x.(*R)); return string(id) },
		mutate:  func(x any) { mutate(x.(*R)) },
	}
}

func kinds() []kind {
	type (
		unit      = supervision.Unit
		insp      = supervision.Inspection
		complaint = supervision.Complaint
		clue      = supervision.Clue
		caseRep   = supervision.CaseReport
		emergency = supervision.EmergencyReport
		store     = supervision.Store
	)
	return []kind{
		kindOf("unit",
			func(id supervision.UnitID, v healthrecord.Village, d gongwei.Date) *unit {
				u := Unit(id, v)
				u.Registered = d
				return u
			},
			store.Unit, store.PutUnit, store.Units,
			func(x *unit) (*int64, supervision.UnitID) { return &x.Version, x.ID },
			func(x *unit) { x.Practitioners[1].Conditions[0] = supervision.ConditionTB }),
		kindOf("inspection",
			func(id supervision.InspectionID, v healthrecord.Village, d gongwei.Date) *insp {
				return Inspection(id, "U1", v, d)
			},
			store.Inspection, store.PutInspection, store.Inspections,
			func(x *insp) (*int64, supervision.InspectionID) { return &x.Version, x.ID },
			func(x *insp) { x.Opinion.Requirements[0] = "changed" }),
		kindOf("complaint", Complaint, store.Complaint, store.PutComplaint, store.Complaints,
			func(x *complaint) (*int64, supervision.ComplaintID) { return &x.Version, x.ID },
			func(x *complaint) { x.Summary = "changed" }),
		kindOf("clue", Clue, store.Clue, store.PutClue, store.Clues,
			func(x *clue) (*int64, supervision.ClueID) { return &x.Version, x.ID },
			func(x *clue) { x.Summary = "changed" }),
		kindOf("case report", CaseReport, store.CaseReport, store.PutCaseReport, store.CaseReports,
			func(x *caseRep) (*int64, supervision.CaseReportID) { return &x.Version, x.ID },
			func(x *caseRep) { x.Disease = "changed" }),
		kindOf("emergency report", EmergencyReport, store.EmergencyReport, store.PutEmergencyReport, store.EmergencyReports,
			func(x *emergency) (*int64, supervision.EmergencyReportID) { return &x.Version, x.ID },
			func(x *emergency) { x.Event = "changed" }),
	}
}

type clause struct {
	name string
	run  func(t *testing.T, ctx context.Context, s supervision.Store, k kind)
}

var day = gongwei.MustDate(2025, 5, 6)

// putNew stores x as version 1.
func putNew(t *testing.T, ctx context.Context, s supervision.Store, k kind, x any) {
	t.Helper()
	*k.version(x) = 1
	if err := k.put(ctx, s, x, 0); err != nil {
		t.Fatalf("put %s: %v", k.id(x), err)
	}
}

func collect(t *testing.T, in iter.Seq2[any, error]) []any {
	t.Helper()
	var out []any
	for x, err := range in {
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		out = append(out, x)
	}
	return out
}

var clauses = []clause{
	{"round trip: a stored record reads back equal, every field", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		x := k.make("R1", VillageA, day)
		putNew(t, ctx, s, k, x)
		got, err := k.get(ctx, s, "R1")
		if err != nil {
			t.Fatalf("get: %v", err)
		}
		if !reflect.DeepEqual(got, x) {
			t.Errorf("got %+v, want %+v", got, x)
		}
	}},
	{"not found: a missing record fails with ErrNotFound", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		_, err := k.get(ctx, s, "missing")
		if !errors.Is(err, gongwei.ErrNotFound) {
			t.Errorf("got %v, want ErrNotFound", err)
		}
	}},
	{"insert of an existing record (prev 0) fails with ErrConflict", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		putNew(t, ctx, s, k, k.make("R1", VillageA, day))
		y := k.make("R1", VillageA, day)
		*k.version(y) = 1
		if err := k.put(ctx, s, y, 0); !errors.Is(err, gongwei.ErrConflict) {
			t.Errorf("got %v, want ErrConflict", err)
		}
	}},
	{"update with a stale version fails with ErrConflict and stores nothing", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		x := k.make("R1", VillageA, day)
		putNew(t, ctx, s, k, x)
		y := k.make("R1", VillageA, day)
		k.mutate(y)
		*k.version(y) = 3
		if err := k.put(ctx, s, y, 2); !errors.Is(err, gongwei.ErrConflict) {
			t.Errorf("got %v, want ErrConflict", err)
		}
		got, _ := k.get(ctx, s, "R1")
		if !reflect.DeepEqual(got, x) {
			t.Error("a failed put changed the stored record")
		}
		*k.version(y) = 2
		if err := k.put(ctx, s, y, 1); err != nil {
			t.Errorf("update with the right version: %v", err)
		}
	}},
	{"update of an absent record (prev > 0) fails with ErrConflict", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		y := k.make("R1", VillageA, day)
		*k.version(y) = 2
		if err := k.put(ctx, s, y, 1); !errors.Is(err, gongwei.ErrConflict) {
			t.Errorf("got %v, want ErrConflict", err)
		}
	}},
	{"copies: changing a record after put or after get changes nothing stored", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		x := k.make("R1", VillageA, day)
		putNew(t, ctx, s, k, x)
		k.mutate(x)
		got, _ := k.get(ctx, s, "R1")
		if reflect.DeepEqual(got, x) {
			t.Error("the store shares memory with the record put")
		}
		k.mutate(got)
		again, _ := k.get(ctx, s, "R1")
		if reflect.DeepEqual(again, got) {
			t.Error("the store shares memory with the record returned")
		}
	}},
	{"streams: ordered, and stopping early is allowed", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		for i, id := range []string{"R3", "R1", "R2"} {
			putNew(t, ctx, s, k, k.make(id, VillageA, day.AddDays(2-i)))
		}
		got := collect(t, k.all(ctx, s))
		var ids []string
		for _, x := range got {
			ids = append(ids, k.id(x))
		}
		want := []string{"R2", "R1", "R3"} // by date where the record has one (R2 first), by ID for units
		if k.name == "unit" {
			want = []string{"R1", "R2", "R3"}
		}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("order %v, want %v", ids, want)
		}
		n := 0
		for range k.all(ctx, s) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("early break yielded %d", n)
		}
	}},
	{"streams: the store may be used inside the loop", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		putNew(t, ctx, s, k, k.make("R1", VillageA, day))
		done := make(chan struct{})
		go func() {
			defer close(done)
			for x, err := range k.all(ctx, s) {
				if err != nil {
					t.Errorf("stream: %v", err)
					return
				}
				y := k.make("R2", VillageA, day)
				*k.version(y) = 1
				if err := k.put(ctx, s, y, 0); err != nil && !errors.Is(err, gongwei.ErrConflict) {
					t.Errorf("put inside loop: %v", err)
				}
				if _, err := k.get(ctx, s, k.id(x)); err != nil {
					t.Errorf("get inside loop: %v", err)
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("deadlock: the store cannot be used inside a stream's loop")
		}
	}},
	{"cancelled context: calls fail with the context's error; streams yield it once", func(t *testing.T, _ context.Context, s supervision.Store, k kind) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := k.get(ctx, s, "R1"); !errors.Is(err, context.Canceled) {
			t.Errorf("get: %v", err)
		}
		x := k.make("R1", VillageA, day)
		*k.version(x) = 1
		if err := k.put(ctx, s, x, 0); !errors.Is(err, context.Canceled) {
			t.Errorf("put: %v", err)
		}
		n := 0
		for v, err := range k.all(ctx, s) {
			n++
			if v != nil && !reflect.ValueOf(v).IsNil() {
				t.Error("a failing stream yielded a record")
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("stream: %v", err)
			}
		}
		if n != 1 {
			t.Errorf("failing stream yielded %d times, want 1", n)
		}
	}},
	{"concurrency: concurrent writers of one record: exactly one wins each version", func(t *testing.T, ctx context.Context, s supervision.Store, k kind) {
		// Two writers forced to interleave between read and put (the second one changes
		// a field, so the stored record tells which won): one put succeeds, the other
		// fails with gongwei.ErrConflict, and the winner's record is stored.
		putNew(t, ctx, s, k, k.make("R2", VillageA, day))
		if err := storetest.CheckRecord(ctx,
			func(ctx context.Context) (any, error) { return k.get(ctx, s, "R2") }, k.version,
			func(w int, x any) {
				if w == 1 {
					k.mutate(x)
				}
			},
			func(ctx context.Context, x any, prev int64) error { return k.put(ctx, s, x, prev) }, gongwei.ErrConflict); err != nil {
			t.Fatalf("put of two writers that both read before either puts: %v", err)
		}

		putNew(t, ctx, s, k, k.make("R1", VillageA, day))
		wins := storetest.Wins(8, func(int) error {
			y := k.make("R1", VillageA, day)
			*k.version(y) = 2
			err := k.put(ctx, s, y, 1)
			if err != nil && !errors.Is(err, gongwei.ErrConflict) {
				t.Errorf("put: %v", err)
			}
			for range k.all(ctx, s) {
			}
			return err
		})
		if wins != 1 {
			t.Errorf("%d writers won, want 1", wins)
		}
	}},
}

func ids[T any](t *testing.T, in iter.Seq2[T, error], id func(T) string) []string {
	t.Helper()
	var out []string
	for x, err := range in {
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		out = append(out, id(x))
	}
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func unitFilters(t *testing.T, s supervision.Store) {
	ctx := context.Background()
	for i, v := range []healthrecord.Village{VillageA, VillageB, VillageC} {
		u := Unit(supervision.UnitID(fmt.Sprintf("U%d", i+1)), v)
		u.Version = 1
		if i == 2 {
			u.Kind = supervision.KindSchool
		}
		must(t, s.PutUnit(ctx, u, 0))
	}
	uid := func(u *supervision.Unit) string { return string(u.ID) }
	check := func(f supervision.UnitFilter, want ...string) {
		t.Helper()
		if got := ids(t, s.Units(ctx, f), uid); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: got %v, want %v", f, got, want)
		}
	}
	check(supervision.UnitFilter{}, "U1", "U2", "U3")
	check(supervision.UnitFilter{Prefix: string(VillageA)}, "U1")
	check(supervision.UnitFilter{Prefix: "110101001"}, "U1", "U2")
	check(supervision.UnitFilter{Kind: supervision.KindSchool}, "U3")
	check(supervision.UnitFilter{Prefix: "110101001", Kind: supervision.KindSchool})
}

func inspectionFilters(t *testing.T, s supervision.Store) {
	ctx := context.Background()
	put := func(id string, unit supervision.UnitID, v healthrecord.Village, d gongwei.Date) {
		in := Inspection(supervision.InspectionID(id), unit, v, d)
		in.Version = 1
		must(t, s.PutInspection(ctx, in, 0))
	}
	put("I1", "U1", VillageA, gongwei.MustDate(2024, 12, 31))
	put("I2", "U1", VillageA, gongwei.MustDate(2025, 1, 1))
	put("I3", "U2", VillageC, gongwei.MustDate(2025, 6, 1))
	iid := func(in *supervision.Inspection) string { return string(in.ID) }
	check := func(f supervision.InspectionFilter, want ...string) {
		t.Helper()
		if got := ids(t, s.Inspections(ctx, f), iid); !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: got %v, want %v", f, got, want)
		}
	}
	check(supervision.InspectionFilter{Unit: "U1"}, "I1", "I2")
	check(supervision.InspectionFilter{Prefix: "110101002"}, "I3")
	check(supervision.InspectionFilter{Period: gongwei.Year(2025)}, "I2", "I3")
	check(supervision.InspectionFilter{Period: gongwei.Period{End: gongwei.MustDate(2025, 1, 1)}}, "I1")
}

func reportFilters(t *testing.T, s supervision.Store) {
	ctx := context.Background()
	d1, d2 := gongwei.MustDate(2024, 12, 31), gongwei.MustDate(2025, 1, 1)
	for i, c := range []struct {
		v healthrecord.Village
		d gongwei.Date
	}{{VillageA, d1}, {VillageA, d2}, {VillageC, d2}} {
		id := fmt.Sprintf("X%d", i+1)
		cp := Complaint(supervision.ComplaintID(id), c.v, c.d)
		cp.Version = 1
		must(t, s.PutComplaint(ctx, cp, 0))
		cl := Clue(supervision.ClueID(id), c.v, c.d)
		cl.Version = 1
		must(t, s.PutClue(ctx, cl, 0))
		cr := CaseReport(supervision.CaseReportID(id), c.v, c.d)
		cr.Version = 1
		must(t, s.PutCaseReport(ctx, cr, 0))
		er := EmergencyReport(supervision.EmergencyReportID(id), c.v, c.d)
		er.Version = 1
		must(t, s.PutEmergencyReport(ctx, er, 0))
	}
	f := supervision.Filter{Prefix: "110101001", Period: gongwei.Year(2025)}
	want := []string{"X2"}
	if got := ids(t, s.Complaints(ctx, f), func(c *supervision.Complaint) string { return string(c.ID) }); !reflect.DeepEqual(got, want) {
		t.Errorf("complaints: %v", got)
	}
	if got := ids(t, s.Clues(ctx, f), func(c *supervision.Clue) string { return string(c.ID) }); !reflect.DeepEqual(got, want) {
		t.Errorf("clues: %v", got)
	}
	if got := ids(t, s.CaseReports(ctx, f), func(c *supervision.CaseReport) string { return string(c.ID) }); !reflect.DeepEqual(got, want) {
		t.Errorf("case reports: %v", got)
	}
	if got := ids(t, s.EmergencyReports(ctx, f), func(c *supervision.EmergencyReport) string { return string(c.ID) }); !reflect.DeepEqual(got, want) {
		t.Errorf("emergency reports: %v", got)
	}
}
