package healthrecord_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

func newRegistry() *healthrecord.Registry {
	return healthrecord.NewRegistry(memstore.New(), &healthrecord.RegistryOptions{Now: badinput.RecordingDay})
}

// registered returns a Registry holding recordtest.Resident(42).
func registered(t *testing.T) (*healthrecord.Registry, *healthrecord.Resident) {
	t.Helper()
	g := newRegistry()
	r := recordtest.Resident(42)
	if err := g.SaveResident(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return g, r
}

type R = healthrecord.Resident

func dead(r *R) {
	r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: gongwei.MustDate(2025, 5, 1), Cause: "心肌梗死"}
}

// TestResidentBadInput: every date of the record (birth, creation, form update, closure)
// refuses year 1, 2099, 2199, 9999-12-31 and a day before the birth; every text refuses
// invalid UTF-8, NUL and control characters and a megabyte; a name of invisible
// characters is missing; through Registry.SaveResident nothing is stored.
func TestResidentBadInput(t *testing.T) {
	g := newRegistry()
	birth := recordtest.Resident(42).BirthDate
	s := badinput.Suite[R]{
		Fresh:    func() *R { return recordtest.Resident(42) },
		Validate: (*R).Validate,
		Save:     g.SaveResident,
		Stored:   func(ctx context.Context, r *R) error { _, err := g.Resident(ctx, r.ID); return err },
	}
	n := s.Run(t,
		badinput.Dates("BirthDate", func(r *R, d gongwei.Date) { r.BirthDate = d }),
		badinput.Dates("Created", func(r *R, d gongwei.Date) { r.Created = d }),
		badinput.Dates("Info.Updated", func(r *R, d gongwei.Date) { r.Info.Updated = d }),
		badinput.Dates("Closure.Date", func(r *R, d gongwei.Date) { dead(r); r.Closure.Date = d }),
		[]badinput.Case[R]{
			badinput.BeforeBirth("Created", birth, func(r *R, d gongwei.Date) { r.Created = d }, ""),
			badinput.BeforeBirth("Closure.Date", birth, func(r *R, d gongwei.Date) { dead(r); r.Closure.Date = d }, ""),
			badinput.BeforeBirth("Info.Updated", birth, func(r *R, d gongwei.Date) { r.Info.Updated = d }, ""),
			badinput.BeforeBirth("Info.LivingSince", birth, func(r *R, d gongwei.Date) {
				r.Info.Residence = healthrecord.ResidenceNonRegistered
				r.Info.LivingSince = d
			}, ""),
		},
		badinput.Blank("Name", func(r *R, s string) { r.Name = s }),
		badinput.Texts("Name", func(r *R, s string) { r.Name = s }),
		badinput.Texts("Address", func(r *R, s string) { r.Address = s }),
		badinput.Texts("RegisteredAddress", func(r *R, s string) { r.RegisteredAddress = s }),
		badinput.Texts("Doctor", func(r *R, s string) { r.Doctor = s }),
		badinput.Texts("Closure.Cause", func(r *R, s string) { dead(r); r.Closure.Cause = s }),
		badinput.Texts("Info.WorkUnit", func(r *R, s string) { r.Info.WorkUnit = s }),
		badinput.Texts("Info.ContactName", func(r *R, s string) { r.Info.ContactName = s }),
		[]badinput.Case[R]{badinput.Combine("every problem listed",
			badinput.Dates("BirthDate", func(r *R, d gongwei.Date) { r.BirthDate = d })[0],
			badinput.Dates("Created", func(r *R, d gongwei.Date) { r.Created = d })[2],
			badinput.Blank("Name", func(r *R, s string) { r.Name = s })[0],
			badinput.Texts("Address", func(r *R, s string) { r.Address = s })[1],
			badinput.Texts("Info.ContactName", func(r *R, s string) { r.Info.ContactName = s })[5],
		)},
	)
	t.Logf("%d bad inputs", n)
}

// TestRegistryDayOfRecording: the Registry bounds dates by its own clock, with one day's
// tolerance (gongwei.RecordingToleranceDays): on 2025-12-31 a record created 2026-01-01
// is accepted, one created 2026-01-02 refused.
func TestRegistryDayOfRecording(t *testing.T) {
	ctx := context.Background()
	g := newRegistry()
	assert := func(created gongwei.Date, ok bool) {
		t.Helper()
		r := recordtest.Resident(43)
		r.Created, r.Info.Updated = created, gongwei.Date{}
		err := g.SaveResident(ctx, r)
		if ok && err != nil {
			t.Fatalf("created %v: %v", created, err)
		}
		if !ok {
			badinput.Check(t, err, []badinput.Problem{{Field: "Created", Code: gongwei.CodeInFuture}}, created.String())
		}
	}
	assert(gongwei.MustDate(2026, 1, 2), false)
	assert(gongwei.MustDate(2026, 1, 1), true)
	if got := g.Today(); got != gongwei.MustDate(2025, 12, 31) {
		t.Errorf("Today = %v, want 2025-12-31", got)
	}
}

type H = healthrecord.Household

// TestHouseholdBadInput: the address and member keys refuse invalid text; an address of
// invisible characters is missing; through SaveHousehold nothing is stored.
func TestHouseholdBadInput(t *testing.T) {
	g := newRegistry()
	head := recordtest.Resident(42)
	s := badinput.Suite[H]{
		Fresh:    func() *H { return recordtest.Household(42, head) },
		Validate: (*H).Validate,
		Save:     g.SaveHousehold,
		Stored:   func(ctx context.Context, h *H) error { _, err := g.Household(ctx, h.ID); return err },
	}
	s.Run(t,
		badinput.Blank("Address", func(h *H, s string) { h.Address = s }),
		badinput.Texts("Address", func(h *H, s string) { h.Address = s }),
		[]badinput.Case[H]{badinput.Combine("every problem listed",
			badinput.Texts("Address", func(h *H, s string) { h.Address = s })[0],
			badinput.Case[H]{Mutate: func(h *H) { h.Members[0].Resident = "R\x00" }, Want: []badinput.Problem{{Field: "Members[0].Resident", Code: gongwei.CodeTextInvalid}}},
		)},
	)
}

type C = healthrecord.Checkup

// TestCheckupBadInput: the checkup date, stays and vaccinations refuse year 1 and the
// far future and a day before the birth (through SaveCheckup, which reads the birth from
// the stored record); every measurement refuses NaN, ±Inf, negative and absurd values;
// texts refuse invalid UTF-8, control characters and a megabyte; nothing is stored.
func TestCheckupBadInput(t *testing.T) {
	g, r := registered(t)
	on := gongwei.MustDate(2025, 6, 1)
	s := badinput.Suite[C]{
		Fresh: func() *C {
			c := recordtest.Checkup(r, on)
			c.ID = "C-bad"
			return c
		},
		Validate: func(c *C) error { return c.ValidateFor(r.BirthDate) },
		Save:     g.SaveCheckup,
		Stored:   func(ctx context.Context, c *C) error { _, err := g.Checkup(ctx, "C-bad"); return err },
	}
	n := s.Run(t,
		badinput.Dates("Date", func(c *C, d gongwei.Date) { c.Date = d }),
		badinput.Dates("Stays[0].Start", func(c *C, d gongwei.Date) { c.Stays[0].Start = d; c.Stays[0].End = gongwei.Date{} }),
		badinput.Dates("Vaccinations[0].Date", func(c *C, d gongwei.Date) { c.Vaccinations[0].Date = d })[:1],
		[]badinput.Case[C]{
			badinput.BeforeBirth("Date", r.BirthDate, func(c *C, d gongwei.Date) { c.Date = d }, ""),
			badinput.BeforeBirth("Vaccinations[0].Date", r.BirthDate, func(c *C, d gongwei.Date) { c.Vaccinations[0].Date = d }, ""),
		},
		badinput.Dates("Elderly.NextService", func(c *C, d gongwei.Date) { c.Elderly.NextService = d })[2:],
		badinput.Floats("General.Temperature", func(c *C, x float64) { c.General.Temperature = &x }, ""),
		badinput.Floats("General.Weight", func(c *C, x float64) { c.General.Weight = &x }, ""),
		badinput.Floats("General.Height", func(c *C, x float64) { c.General.Height = &x }, ""),
		badinput.Floats("General.Waist", func(c *C, x float64) { c.General.Waist = &x }, ""),
		badinput.Floats("Tests.FastingGlucose", func(c *C, x float64) { c.Tests.FastingGlucose = &x }, ""),
		badinput.Floats("Tests.Lipids.TC", func(c *C, x float64) { c.Tests.Lipids.TC = &x }, ""),
		badinput.Floats("Tests.BloodRoutine.Haemoglobin", func(c *C, x float64) { c.Tests.BloodRoutine.Haemoglobin = &x }, ""),
		badinput.Ints("General.BPLeft.Systolic", func(c *C, x int) { c.General.BPLeft.Systolic = &x }),
		badinput.Texts("Physician", func(c *C, s string) { c.Physician = s }),
		badinput.Texts("Tests.Other", func(c *C, s string) { c.Tests.Other = s }),
		badinput.Texts("Medications[0].Name", func(c *C, s string) { c.Medications[0].Name = s }),
		badinput.Texts("Exam.Skin.Note", func(c *C, s string) { c.Exam.Skin.Note = s }),
		[]badinput.Case[C]{badinput.Combine("every problem listed",
			badinput.Dates("Vaccinations[0].Date", func(c *C, d gongwei.Date) { c.Vaccinations[0].Date = d })[0],
			badinput.Floats("General.Weight", func(c *C, x float64) { c.General.Weight = &x }, "")[0],
			badinput.Floats("Tests.HbA1c", func(c *C, x float64) { c.Tests.HbA1c = &x }, "")[1],
			badinput.Texts("Physician", func(c *C, s string) { c.Physician = s })[1],
		)},
	)
	t.Logf("%d bad inputs", n)
}

// TestSaveCheckupBeforeBirthAndAfterDeath: SaveCheckup reads the resident and refuses a
// checkup dated before the birth or after the death, which Validate alone cannot see.
func TestSaveCheckupBeforeBirthAndAfterDeath(t *testing.T) {
	ctx := context.Background()
	g, r := registered(t)
	c := recordtest.Checkup(r, r.BirthDate.AddDays(-3))
	c.Stays, c.Vaccinations = nil, nil
	if err := c.Validate(); err != nil {
		t.Fatalf("Validate without the birth: %v", err)
	}
	badinput.Check(t, g.SaveCheckup(ctx, c), []badinput.Problem{{Field: "Date", Code: gongwei.CodeBeforeBirth}}, "")
	for range g.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID}) {
		t.Fatal("a refused checkup was stored")
	}

	if _, err := g.Close(ctx, r.ID, healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: gongwei.MustDate(2025, 3, 1), Cause: "脑卒中"}); err != nil {
		t.Fatal(err)
	}
	c = recordtest.Checkup(r, gongwei.MustDate(2025, 6, 1))
	badinput.Check(t, g.SaveCheckup(ctx, c), []badinput.Problem{{Field: "Date", Code: gongwei.CodeAfterDeath}}, "")
	e := recordtest.Event(r, healthrecord.EventConsultation, gongwei.MustDate(2025, 4, 1))
	badinput.Check(t, g.RecordService(ctx, e), []badinput.Problem{{Field: "Date", Code: gongwei.CodeAfterDeath}}, "")
	c2 := recordtest.Contract(r, gongwei.MustDate(2025, 4, 1))
	badinput.Check(t, g.SaveContract(ctx, c2), []badinput.Problem{{Field: "Signed", Code: gongwei.CodeAfterDeath}}, "")
}

type K = healthrecord.Contract

// TestContractBadInput: the signing date and the period refuse placeholder dates; the
// package and keys refuse invalid text; through SaveContract nothing is stored.
func TestContractBadInput(t *testing.T) {
	g, r := registered(t)
	signed := gongwei.MustDate(2025, 1, 1)
	s := badinput.Suite[K]{
		Fresh:    func() *K { return recordtest.Contract(r, signed) },
		Validate: (*K).Validate,
		Save:     g.SaveContract,
		Stored:   func(ctx context.Context, c *K) error { _, err := g.Contract(ctx, c.ID); return err },
	}
	s.Run(t,
		badinput.Dates("Signed", func(c *K, d gongwei.Date) { c.Signed = d; c.Period.Start = d }),
		badinput.Dates("Period.End", func(c *K, d gongwei.Date) { c.Period.End = d }),
		badinput.Texts("Package", func(c *K, s string) { c.Package = s }),
		badinput.Texts("Team", func(c *K, s string) { c.Team = healthrecord.TeamID(s) }),
		[]badinput.Case[K]{badinput.Combine("every problem listed",
			badinput.Dates("Signed", func(c *K, d gongwei.Date) { c.Signed = d; c.Period.Start = d })[0],
			badinput.Texts("Package", func(c *K, s string) { c.Package = s })[0],
		)},
	)
	// Before the birth: only the Registry, which reads the birth, can tell.
	c := recordtest.Contract(r, r.BirthDate.AddDays(-1))
	badinput.Check(t, g.SaveContract(context.Background(), c), []badinput.Problem{{Field: "Signed", Code: gongwei.CodeBeforeBirth}}, "")
}

type E = healthrecord.ServiceEvent

// TestServiceEventBadInput: an event's date refuses placeholder dates and a day before
// the birth; its provider and reference refuse invalid text; through RecordService
// nothing is appended.
func TestServiceEventBadInput(t *testing.T) {
	g, r := registered(t)
	on := gongwei.MustDate(2025, 7, 1)
	s := badinput.Suite[E]{
		Fresh: func() *E {
			e := recordtest.Event(r, healthrecord.EventConsultation, on)
			e.Ref = "bad-event"
			return &e
		},
		Validate: func(e *E) error { return e.Validate() },
		Save:     func(ctx context.Context, e *E) error { return g.RecordService(ctx, *e) },
		Stored: func(ctx context.Context, e *E) error {
			for x, err := range g.Events(ctx, healthrecord.EventFilter{Resident: r.ID}) {
				if err != nil {
					return err
				}
				if x.Kind == healthrecord.EventConsultation {
					return errors.New("a refused event is on the timeline")
				}
			}
			return gongwei.ErrNotFound
		},
	}
	s.Run(t,
		badinput.Dates("Date", func(e *E, d gongwei.Date) { e.Date = d }),
		badinput.Texts("Provider.Institution", func(e *E, s string) { e.Provider.Institution = s }),
		badinput.Texts("Ref", func(e *E, s string) { e.Ref = s }),
	)
	e := recordtest.Event(r, healthrecord.EventConsultation, r.BirthDate.AddDays(-1))
	badinput.Check(t, g.RecordService(context.Background(), e), []badinput.Problem{{Field: "Date", Code: gongwei.CodeBeforeBirth}}, "")
}

// TestBloodPressureOneRule: healthrecord.CheckBloodPressure is the checkup form's rule:
// 120/130 (diastolic not below systolic) and 120/0 (a value outside the diastolic range)
// are refused, 120/80 accepted, 0/0 is "not recorded".
func TestBloodPressureOneRule(t *testing.T) {
	for _, c := range []struct {
		s, d int
		want []badinput.Problem
	}{
		{120, 130, []badinput.Problem{{Field: "Diastolic", Code: gongwei.CodeOrder}}},
		{120, 0, []badinput.Problem{{Field: "Diastolic", Code: gongwei.CodeOutOfRange}}},
		{0, 80, []badinput.Problem{{Field: "Systolic", Code: gongwei.CodeOutOfRange}, {Field: "Diastolic", Code: gongwei.CodeOrder}}},
		{400, 80, []badinput.Problem{{Field: "Systolic", Code: gongwei.CodeOutOfRange}}},
	} {
		ve := &gongwei.ValidationError{}
		healthrecord.CheckBloodPressure(ve, "", c.s, c.d, false)
		badinput.Check(t, ve.Err(), c.want, "")
	}
	for _, c := range [][2]int{{120, 80}, {0, 0}, {300, 200 - 1}} {
		ve := &gongwei.ValidationError{}
		healthrecord.CheckBloodPressure(ve, "", c[0], c[1], false)
		if err := ve.Err(); err != nil {
			t.Errorf("%v: %v", c, err)
		}
	}
	ve := &gongwei.ValidationError{}
	healthrecord.CheckBloodPressure(ve, "", 0, 0, true)
	badinput.Check(t, ve.Err(), []badinput.Problem{{Field: "Systolic", Code: gongwei.CodeRequired}, {Field: "Diastolic", Code: gongwei.CodeRequired}}, "")

	// The checkup form refuses the same readings.
	r := recordtest.Resident(42)
	c := recordtest.Checkup(r, gongwei.MustDate(2025, 6, 1))
	s, d := 120, 130
	c.General.BPLeft.Systolic, c.General.BPLeft.Diastolic = &s, &d
	badinput.Check(t, c.Validate(), []badinput.Problem{{Field: "General.BPLeft.Diastolic", Code: gongwei.CodeOrder}}, "")
	d = 0
	badinput.Check(t, c.Validate(), []badinput.Problem{{Field: "General.BPLeft.Diastolic", Code: gongwei.CodeOutOfRange}}, "")
}

// TestProblemsListedOnce: a service that runs the record's Validate and then bounds the
// dates by its own clock lists each problem once.
func TestProblemsListedOnce(t *testing.T) {
	r := recordtest.Resident(44)
	r.BirthDate, r.Created = gongwei.MustDate(9999, 12, 31), gongwei.MustDate(1, 1, 1)
	ve := badinput.Check(t, newRegistry().SaveResident(context.Background(), r), []badinput.Problem{
		{Field: "BirthDate", Code: gongwei.CodeInFuture}, {Field: "Created", Code: gongwei.CodeTooEarly}}, "9999")
	seen := map[string]bool{}
	for _, f := range ve.Fields {
		k := f.Field + " " + string(f.Code)
		if seen[k] {
			t.Errorf("%s %s listed twice", f.Field, f.Code)
		}
		seen[k] = true
	}
}
