package healthrecord_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

var ctx = context.Background()

const village = healthrecord.Village("110105001101")

// newResident returns fixture i without an ID or archive number, ready for Register.
func newResident(i int) *healthrecord.Resident {
	r := recordtest.Resident(i)
	r.ID, r.Archive = "", healthrecord.ArchiveNumber{}
	return r
}

func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func count[T any](t *testing.T, seq func(func(T, error) bool)) int {
	t.Helper()
	n := 0
	for _, err := range seq {
		mustNil(t, err)
		n++
	}
	return n
}

func events(t *testing.T, g *healthrecord.Registry, id healthrecord.ResidentID) []healthrecord.ServiceEvent {
	t.Helper()
	var out []healthrecord.ServiceEvent
	for e, err := range g.Events(ctx, healthrecord.EventFilter{Resident: id}) {
		mustNil(t, err)
		out = append(out, e)
	}
	return out
}

// nbphs-spec §1.4: the serial is assigned per village in order of creation.
func TestRegisterAllocatesInOrder(t *testing.T) {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	var got []string
	for i := 1; i <= 2; i++ {
		r := newResident(i)
		mustNil(t, g.Register(ctx, village, r))
		got = append(got, r.Archive.String())
		if r.ID != healthrecord.ResidentID(r.Archive.String()) || r.Version != 1 {
			t.Errorf("resident %d: ID %q, version %d; want the archive digits and 1", i, r.ID, r.Version)
		}
	}
	r := newResident(3)
	mustNil(t, g.Register(ctx, "110105001102", r))
	got = append(got, r.Archive.String())
	want := []string{"11010500110100001", "11010500110100002", "11010500110200001"}
	if !slices.Equal(got, want) {
		t.Errorf("archive numbers %v, want %v", got, want)
	}
	// The record's creation is on the timeline, as the cover and basic information form.
	evs := events(t, g, r.ID)
	if len(evs) != 1 || evs[0].Kind != healthrecord.EventBasicInfo || evs[0].Date != r.Created {
		t.Errorf("timeline after Register: %+v", evs)
	}
}

// Two registries over one store (two processes) race for the same serials and retry.
func TestRegisterConcurrent(t *testing.T) {
	s := memstore.New()
	opts := &healthrecord.RegistryOptions{Attempts: 100}
	gs := []*healthrecord.Registry{healthrecord.NewRegistry(s, opts), healthrecord.NewRegistry(s, opts)}
	const n = 20
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 1; i <= n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- gs[i%2].Register(ctx, village, newResident(i))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		mustNil(t, err)
	}
	var serials []int
	for r, err := range s.Residents(ctx, healthrecord.ResidentFilter{Prefix: string(village)}) {
		mustNil(t, err)
		serials = append(serials, r.Archive.Serial())
	}
	for i, s := range serials {
		if s != i+1 {
			t.Fatalf("serials %v, want 1..%d", serials, n)
		}
	}
	if len(serials) != n {
		t.Fatalf("%d residents, want %d", len(serials), n)
	}
}

func TestRegisterRejects(t *testing.T) {
	s := memstore.New()
	g := healthrecord.NewRegistry(s, nil)
	first := newResident(1)
	mustNil(t, g.Register(ctx, village, first))

	t.Run("same ID number", func(t *testing.T) {
		r := newResident(2)
		r.IDNumber, r.BirthDate, r.Sex = first.IDNumber, first.BirthDate, first.Sex
		err := g.Register(ctx, village, r)
		if !errors.Is(err, gongwei.ErrDuplicate) {
			t.Fatalf("error %v, want ErrDuplicate", err)
		}
		if !r.Archive.IsZero() || r.Version != 0 {
			t.Errorf("rejected record was changed: %+v", r)
		}
	})
	t.Run("invalid record", func(t *testing.T) {
		r := newResident(3)
		r.Created = gongwei.Date{}
		err := g.Register(ctx, village, r)
		if got := problems(t, err); !slices.Contains(got, "Created required") {
			t.Errorf("problems %q, want Created required", got)
		}
		if strings.Contains(err.Error(), r.IDNumber.String()) || strings.Contains(err.Error(), r.Name) {
			t.Errorf("error %q contains personal data", err)
		}
	})
	t.Run("invalid village", func(t *testing.T) {
		if err := g.Register(ctx, "110105001200", newResident(4)); !errors.Is(err, gongwei.ErrInvalid) {
			t.Errorf("error %v, want ErrInvalid", err)
		}
	})
	t.Run("not new", func(t *testing.T) {
		r := newResident(5)
		r.Version = 3
		if got := problems(t, g.Register(ctx, village, r)); !slices.Equal(got, []string{"Version not_allowed"}) {
			t.Errorf("problems %q", got)
		}
	})
	if n := count(t, s.Residents(ctx, healthrecord.ResidentFilter{})); n != 1 {
		t.Errorf("%d residents stored, want only the first", n)
	}
}

func TestSaveResident(t *testing.T) {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	r := recordtest.Resident(1)
	r.ID = ""
	r.Name = "\u3000张三 "
	r.Tags = []healthrecord.Tag{healthrecord.TagDiabetes, healthrecord.TagElderly, healthrecord.TagDiabetes}
	mustNil(t, g.SaveResident(ctx, r))
	if r.Version != 1 || r.ID != healthrecord.ResidentID(r.Archive.String()) {
		t.Errorf("after insert: version %d, ID %q", r.Version, r.ID)
	}
	if r.Name != "张三" || !slices.Equal(r.Tags, []healthrecord.Tag{healthrecord.TagElderly, healthrecord.TagDiabetes}) {
		t.Errorf("not normalised: name %q, tags %v", r.Name, r.Tags)
	}
	stale := r.Clone()
	r.Electronic = !r.Electronic
	mustNil(t, g.SaveResident(ctx, r))
	if r.Version != 2 {
		t.Errorf("version after update %d, want 2", r.Version)
	}
	stale.Name = "李四"
	err := g.SaveResident(ctx, stale)
	if !errors.Is(err, gongwei.ErrConflict) {
		t.Fatalf("stale save: error %v, want ErrConflict", err)
	}
	if stale.Version != 1 {
		t.Errorf("a failed save changed the caller's version to %d", stale.Version)
	}
	got, err := g.Resident(ctx, r.ID)
	mustNil(t, err)
	if got.Name != "张三" || got.Version != 2 {
		t.Errorf("stored %q version %d after a stale save", got.Name, got.Version)
	}

	noArchive := recordtest.Resident(2)
	noArchive.ID, noArchive.Archive = "", healthrecord.ArchiveNumber{}
	if got := problems(t, g.SaveResident(ctx, noArchive)); !slices.Contains(got, "Archive required") {
		t.Errorf("problems %q, want Archive required", got)
	}
}

func TestClose(t *testing.T) {
	g, r := registeredOne(t)
	other := newResident(2)
	mustNil(t, g.Register(ctx, village, other))

	for _, c := range []struct {
		name    string
		closure healthrecord.Closure
		want    []string
	}{
		{"no reason", healthrecord.Closure{Date: d(2024, 6, 1)}, []string{"Closure.Date not_allowed", "Closure.Reason required"}},
		{"unknown reason", healthrecord.Closure{Reason: 7, Date: d(2024, 6, 1)}, []string{"Closure.Reason unknown_code"}},
		{"no date", healthrecord.Closure{Reason: healthrecord.ClosedLost}, []string{"Closure.Date required"}},
		{"before creation", healthrecord.Closure{Reason: healthrecord.ClosedLost, Date: r.Created.AddDays(-1)}, []string{"Closure.Date order"}},
		{"before birth", healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: r.BirthDate.AddDays(-1)}, []string{"Closure.Date order", "Closure.Date before_birth", "Closure.Cause required"}},
		// nbphs-spec §1.3: for a move, the destination is recorded.
		{"move without destination", healthrecord.Closure{Reason: healthrecord.ClosedMovedOut, Date: d(2024, 6, 1)}, []string{"Closure.Destination required"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := g.Close(ctx, r.ID, c.closure)
			if got := problems(t, err); !slices.Equal(got, c.want) {
				t.Errorf("problems %q, want %q", got, c.want)
			}
		})
	}

	closed, err := g.Close(ctx, r.ID, healthrecord.Closure{Reason: healthrecord.ClosedMovedOut, Date: d(2024, 6, 1), Destination: " 北京市朝阳区 "})
	mustNil(t, err)
	if closed.Version != 2 || closed.Closure.Destination != "北京市朝阳区" || closed.ActiveOn(d(2024, 6, 1)) || !closed.ActiveOn(d(2024, 5, 31)) {
		t.Errorf("closed record: %+v", closed)
	}
	_, err = g.Close(ctx, r.ID, healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: d(2024, 7, 1)})
	if got := problems(t, err); !slices.Equal(got, []string{"Closure store.already_closed"}) {
		t.Errorf("closing twice: problems %q", got)
	}
	_, err = g.Close(ctx, "nobody", healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: d(2024, 7, 1)})
	if !errors.Is(err, gongwei.ErrNotFound) {
		t.Errorf("closing a missing record: %v", err)
	}
}

func TestSaveCheckupAppendsTimeline(t *testing.T) {
	g, r := registeredOne(t)
	c := recordtest.Checkup(r, d(2024, 3, 1))
	c.ID = ""
	mustNil(t, g.SaveCheckup(ctx, c))
	if want := healthrecord.CheckupID(string(r.ID) + "-20240301"); c.ID != want || c.Version != 1 {
		t.Errorf("checkup ID %q version %d, want %q 1", c.ID, c.Version, want)
	}
	mustNil(t, g.SaveCheckup(ctx, c)) // an update: the same event, not a second one
	if c.Version != 2 {
		t.Errorf("version after update %d", c.Version)
	}
	evs := events(t, g, r.ID)
	want := []healthrecord.ServiceEvent{
		{Resident: r.ID, Kind: healthrecord.EventBasicInfo, Date: r.Created, Ref: string(r.ID)},
		{Resident: r.ID, Kind: healthrecord.EventCheckup, Date: d(2024, 3, 1), Ref: string(c.ID)},
	}
	if !slices.Equal(evs, want) {
		t.Errorf("timeline %+v, want %+v", evs, want)
	}

	orphan := recordtest.Checkup(r, d(2024, 4, 1))
	orphan.Resident = "nobody"
	if got := problems(t, g.SaveCheckup(ctx, orphan)); !slices.Contains(got, "Resident store.unknown_resident") {
		t.Errorf("orphan checkup: problems %q", got)
	}
	if got := problems(t, g.SaveCheckup(ctx, &healthrecord.Checkup{})); !slices.Contains(got, "Date required") {
		t.Errorf("empty checkup: problems %q", got)
	}
}

// failingTimeline is a store whose timeline is down.
type failingTimeline struct{ *memstore.Store }

var errDown = errors.New("timeline down")

func (failingTimeline) AppendEvent(context.Context, healthrecord.ServiceEvent) error { return errDown }

func TestErrTimeline(t *testing.T) {
	s := failingTimeline{memstore.New()}
	g := healthrecord.NewRegistry(s, nil)
	r := recordtest.Resident(1)
	r.Version = 1
	mustNil(t, s.PutResident(ctx, r, 0))
	c := recordtest.Checkup(r, d(2024, 3, 1))
	err := g.SaveCheckup(ctx, c)
	if !errors.Is(err, healthrecord.ErrTimeline) || !errors.Is(err, errDown) {
		t.Fatalf("error %v, want ErrTimeline wrapping the store's error", err)
	}
	if c.Version != 1 {
		t.Errorf("caller's checkup not updated: version %d", c.Version)
	}
	if _, err := g.Checkup(ctx, c.ID); err != nil {
		t.Errorf("checkup not saved: %v", err)
	}
}

func TestSaveContract(t *testing.T) {
	g, r := registeredOne(t)
	k := recordtest.Contract(r, d(2024, 1, 1))
	k.ID = ""
	k.Package = "基础服务包\u3000"
	mustNil(t, g.SaveContract(ctx, k))
	if k.ID != healthrecord.ContractID(string(r.ID)+"-20240101") || k.Version != 1 || k.Package != "基础服务包" {
		t.Errorf("saved contract: %+v", k)
	}
	bad := recordtest.Contract(r, d(2025, 1, 1))
	bad.Resident = "nobody"
	bad.Team = ""
	if got := problems(t, g.SaveContract(ctx, bad)); !slices.Equal(got, []string{"Team required", "Resident store.unknown_resident"}) {
		t.Errorf("problems %q", got)
	}
	n := count(t, g.Contracts(ctx, healthrecord.ContractFilter{Resident: r.ID}))
	if n != 1 {
		t.Errorf("%d contracts, want 1", n)
	}
}

func TestRecordServiceAndDynamicUse(t *testing.T) {
	g, r := registeredOne(t)
	asOf := d(2024, 12, 31)
	used, err := g.DynamicallyUsed(ctx, r.ID, asOf)
	mustNil(t, err)
	if used {
		t.Error("a record with only its basic information is dynamically used")
	}
	e := recordtest.Event(r, chronic.EventHypertensionFollowUp, d(2024, 2, 1))
	e.Provider.Institution = "１１０１０５ ００１０００"
	mustNil(t, g.RecordService(ctx, e))
	used, err = g.DynamicallyUsed(ctx, r.ID, asOf)
	mustNil(t, err)
	if !used {
		t.Error("a follow-up within the year does not make the record dynamically used")
	}
	if got := events(t, g, r.ID)[0].Provider.Institution; got != "110105001000" { // 2024-02-01, before the record's creation event
		t.Errorf("institution not normalised: %q", got)
	}
	if err := g.RecordService(ctx, e); !errors.Is(err, gongwei.ErrDuplicate) {
		t.Errorf("repeated event: %v, want ErrDuplicate", err)
	}
	e.Kind = "haircut"
	if got := problems(t, g.RecordService(ctx, e)); !slices.Equal(got, []string{"Kind unknown_code"}) {
		t.Errorf("problems %q", got)
	}
	e = recordtest.Event(r, healthrecord.EventTCM, d(2024, 2, 1))
	e.Resident = "nobody"
	if got := problems(t, g.RecordService(ctx, e)); !slices.Equal(got, []string{"Resident store.unknown_resident"}) {
		t.Errorf("problems %q", got)
	}
}

func TestLookUp(t *testing.T) {
	g, r := registeredOne(t)
	id := r.IDNumber.String()
	fullWidth := strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return c - '0' + '０'
		}
		return c
	}, id)
	a := r.Archive.String()
	for _, typed := range []string{id, " " + strings.ToLower(id) + " ", fullWidth, a, a[:9] + "-" + a[9:12] + "-" + a[12:]} {
		got, err := g.LookUp(ctx, typed)
		if err != nil || got.ID != r.ID {
			t.Errorf("LookUp(%q) = %v, %v", typed, got, err)
		}
	}
	for _, bad := range []string{"", "12345", "11010500110000001", "110105194912310020"} {
		_, err := g.LookUp(ctx, bad)
		if !errors.Is(err, gongwei.ErrInvalid) {
			t.Errorf("LookUp(%q): %v, want ErrInvalid", bad, err)
		} else if bad != "" && strings.Contains(err.Error(), bad) {
			t.Errorf("LookUp(%q): error repeats the input", bad)
		}
	}
	if _, err := g.LookUp(ctx, recordtest.Resident(2).IDNumber.String()); !errors.Is(err, gongwei.ErrNotFound) {
		t.Errorf("unknown ID number: %v", err)
	}
}

func TestResidentsPrefix(t *testing.T) {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	mustNil(t, g.Register(ctx, village, newResident(1)))
	mustNil(t, g.Register(ctx, "110105002101", newResident(2)))
	if n := count(t, g.Residents(ctx, healthrecord.ResidentFilter{Prefix: "１１０１０５ ００１"})); n != 1 {
		t.Errorf("full-width township prefix: %d residents, want 1", n)
	}
	for _, bad := range []string{"11010500110100001X", "110105001101000011"} {
		var errs []error
		for r, err := range g.Residents(ctx, healthrecord.ResidentFilter{Prefix: bad}) {
			if r != nil {
				t.Errorf("prefix %q: yielded a resident", bad)
			}
			errs = append(errs, err)
		}
		if len(errs) != 1 || !errors.Is(errs[0], gongwei.ErrInvalid) {
			t.Errorf("prefix %q: errors %v, want one ErrInvalid", bad, errs)
		}
	}
}

func TestSaveHousehold(t *testing.T) {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	h := recordtest.Household(1, recordtest.Resident(1))
	h.ID = ""
	h.Address = "幸福村１２号 "
	mustNil(t, g.SaveHousehold(ctx, h))
	if h.ID != healthrecord.HouseholdID(h.Head) || h.Version != 1 || h.Address != "幸福村12号" {
		t.Errorf("saved household %+v", h)
	}
	stale := *h
	mustNil(t, g.SaveHousehold(ctx, h))
	if err := g.SaveHousehold(ctx, &stale); !errors.Is(err, gongwei.ErrConflict) {
		t.Errorf("stale household: %v", err)
	}
	if got := problems(t, g.SaveHousehold(ctx, &healthrecord.Household{})); !slices.Contains(got, "ID required") {
		t.Errorf("problems %q", got)
	}
}

// Example_optimisticLocking shows the read-modify-retry loop: two clerks edit the same
// record; the second save is stale, so the second clerk reads again and reapplies.
func Example_optimisticLocking() {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	r := recordtest.Resident(1)
	r.ID, r.Archive, r.Tags = "", healthrecord.ArchiveNumber{}, nil
	if err := g.Register(ctx, "110105001101", r); err != nil {
		fmt.Println(err)
		return
	}

	clerkA, _ := g.Resident(ctx, r.ID)
	clerkB, _ := g.Resident(ctx, r.ID)

	clerkA.Tags = append(clerkA.Tags, healthrecord.TagElderly)
	fmt.Println("A:", g.SaveResident(ctx, clerkA), "version", clerkA.Version)

	clerkB.Tags = append(clerkB.Tags, healthrecord.TagHypertension)
	err := g.SaveResident(ctx, clerkB)
	fmt.Println("B conflict:", errors.Is(err, gongwei.ErrConflict))

	// Retry: read the current record, reapply the change, save.
	for {
		cur, err := g.Resident(ctx, r.ID)
		if err != nil {
			fmt.Println(err)
			return
		}
		cur.Tags = append(cur.Tags, healthrecord.TagHypertension)
		err = g.SaveResident(ctx, cur)
		if errors.Is(err, gongwei.ErrConflict) {
			continue
		}
		fmt.Println("B:", err, "version", cur.Version, cur.Tags)
		break
	}
	// Output:
	// A: <nil> version 2
	// B conflict: true
	// B: <nil> version 3 [elderly hypertension]
}

func ExampleRegistry_Register() {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	for i := 1; i <= 2; i++ {
		r := recordtest.Resident(i)
		r.ID, r.Archive = "", healthrecord.ArchiveNumber{}
		if err := g.Register(ctx, "110105001101", r); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Archive, r.Archive.Short(), r.Version)
	}
	// Output:
	// 11010500110100001 101-00001 1
	// 11010500110100002 101-00002 1
}

// TestRecordServiceOnTheRegistryClock: a service event is bounded by the day of recording
// of the Registry's own clock (RegistryOptions.Now), not by the wall clock: dated a week
// after the wall clock's today it is refused as in the future by a Registry on the wall
// clock, and accepted by one whose clock stands on that day.
func TestRecordServiceOnTheRegistryClock(t *testing.T) {
	later := gongwei.Today().AddDays(7)
	y, m, dd := later.Date()
	clock := gongwei.Clock(func() time.Time { return time.Date(y, m, dd, 10, 0, 0, 0, time.UTC) })
	for _, tc := range []struct {
		name  string
		now   gongwei.Clock
		wants []string
	}{
		{"wall clock", nil, []string{"Date in_future"}},
		{"registry clock a week on", clock, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := healthrecord.NewRegistry(memstore.New(), &healthrecord.RegistryOptions{Now: tc.now})
			r := newResident(1)
			mustNil(t, g.Register(ctx, village, r))
			e := recordtest.Event(r, chronic.EventHypertensionFollowUp, later)
			err := g.RecordService(ctx, e)
			if tc.wants == nil {
				mustNil(t, err)
				return
			}
			if got := problems(t, err); !slices.Equal(got, tc.wants) {
				t.Errorf("problems %q, want %q", got, tc.wants)
			}
		})
	}
}

// registeredOne returns a registry over a new memstore holding one resident, newResident(1)
// registered in the fixtures' village, and that resident as stored.
func registeredOne(t *testing.T) (*healthrecord.Registry, *healthrecord.Resident) {
	t.Helper()
	g := healthrecord.NewRegistry(memstore.New(), nil)
	r := newResident(1)
	mustNil(t, g.Register(ctx, village, r))
	return g, r
}
