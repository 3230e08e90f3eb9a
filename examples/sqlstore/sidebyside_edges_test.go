package sqlstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
)

// TestSideBySideEdges puts, beside TestSideBySide's synthetic county (whose residents
// are all registered and whose periods end on 31 December), records on the edges of
// each rule the SQL re-expresses, and proves the three computations agree on them for
// periods ending on 27 February, 28 February (the month-end rule of completed months)
// and 31 December:
//
//   - non-registered residents who have lived in the area 6 completed months or just
//     short of it (from 27, 28 and 31 August, 1 September), without a date, or since a
//     future date; an unknown residence type;
//   - records created after the period, closed before, on and after its last day,
//     closed without a date;
//   - events on each side of the usage window, and a basic-information event (no use);
//     contracts ending on the last day (excluded) or starting the day after it;
//   - hypertension patients born on 29 February and 1 March 1960 seen on 28 February
//     2025 (65 or 64 completed years: targets 150 or 140), readings on the targets,
//     unrecorded readings, two follow-ups on the same day (the greater ID is the latest);
//     diabetes at 6.9, 7.0 and unrecorded glucose; a mental-disorder patient not reached;
//     patients registered after the period or closed before it, or closed without a
//     date.
func TestSideBySideEdges(t *testing.T) {
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "edges.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hr, ch := db.HealthRecord(), db.Chronic()
	d := gongwei.MustDate
	const village = "410523001101"
	n := 0
	resident := func(mod func(r *healthrecord.Resident)) healthrecord.ResidentID {
		t.Helper()
		n++
		r := recordtest.ResidentAt(n, fmt.Sprintf("%s%05d", village, n))
		if n%2 == 0 { // a second village
			r = recordtest.ResidentAt(n, fmt.Sprintf("%s%05d", "410523001102", n))
		}
		r.Created, r.Electronic, r.Version = d(2020, 1, 1), n%3 != 0, 1
		mod(r)
		if err := hr.PutResident(ctx, r, 0); err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	nonRegistered := func(since gongwei.Date) func(*healthrecord.Resident) {
		return func(r *healthrecord.Resident) {
			r.Info.Residence, r.Info.LivingSince = healthrecord.ResidenceNonRegistered, since
		}
	}
	for _, since := range []gongwei.Date{d(2024, 8, 27), d(2024, 8, 28), d(2024, 8, 31), d(2024, 9, 1),
		d(2025, 6, 30), d(2025, 7, 1), d(2025, 7, 31), {}, d(2026, 1, 1)} {
		resident(nonRegistered(since))
	}
	resident(func(r *healthrecord.Resident) { r.Info.Residence = "9" })
	resident(func(r *healthrecord.Resident) { r.Created = d(2025, 12, 31) })
	resident(func(r *healthrecord.Resident) { r.Created = d(2026, 1, 1) })
	resident(func(r *healthrecord.Resident) { r.Created = gongwei.Date{} })
	for _, closed := range []gongwei.Date{d(2025, 2, 27), d(2025, 2, 28), d(2025, 12, 31), d(2026, 1, 1), {}} {
		resident(func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedMovedOut, Date: closed}
		})
	}
	// Events and contracts, one resident each.
	events := []struct {
		kind healthrecord.EventKind
		date gongwei.Date
	}{
		{healthrecord.EventConsultation, d(2024, 2, 28)}, {healthrecord.EventConsultation, d(2024, 2, 29)},
		{healthrecord.EventConsultation, d(2024, 3, 1)}, {healthrecord.EventConsultation, d(2025, 1, 1)},
		{healthrecord.EventCheckup, d(2025, 2, 27)}, {healthrecord.EventCheckup, d(2025, 2, 28)},
		{immunization.EventVaccination, d(2025, 12, 31)}, {healthrecord.EventTCM, d(2026, 1, 1)},
		{healthrecord.EventBasicInfo, d(2025, 6, 1)},
	}
	for _, e := range events {
		id := resident(func(*healthrecord.Resident) {})
		ev := healthrecord.ServiceEvent{Resident: id, Kind: e.kind, Date: e.date}
		if err := hr.AppendEvent(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	for k, period := range []gongwei.Period{
		{Start: d(2024, 3, 1), End: d(2025, 2, 27)}, {Start: d(2024, 3, 1), End: d(2025, 2, 28)},
		{Start: d(2025, 2, 27), End: d(2026, 2, 27)}, {Start: d(2025, 2, 28), End: d(2026, 2, 28)},
		{Start: d(2025, 12, 31), End: d(2026, 12, 31)}, {Start: d(2026, 1, 1), End: d(2027, 1, 1)},
		{Start: d(2025, 1, 1)},
	} {
		id := resident(func(*healthrecord.Resident) {})
		c := &healthrecord.Contract{ID: healthrecord.ContractID(fmt.Sprintf("C%d", k)), Resident: id, Team: "T1", Period: period, Version: 1}
		if err := hr.PutContract(ctx, c, 0); err != nil {
			t.Fatal(err)
		}
	}

	// Chronic patients.
	np := 0
	patient := func(cond chronic.Condition, birth gongwei.Date, mod func(*chronic.Patient), visits ...*chronic.Visit) {
		t.Helper()
		np++
		p := &chronic.Patient{
			ID: chronic.PatientID(fmt.Sprintf("P%03d", np)), Resident: healthrecord.ResidentID(fmt.Sprintf("R%03d", np)),
			Village: village, Condition: cond, Birth: birth, Registered: d(2020, 1, 1), Version: 1,
		}
		if np%2 == 0 {
			p.Village = "410523001102"
		}
		if mod != nil {
			mod(p)
		}
		if err := ch.PutPatient(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
		for k, v := range visits {
			if v.ID == "" {
				v.ID = chronic.VisitID(fmt.Sprintf("%s-%02d", p.ID, k))
			}
			v.Patient, v.Resident, v.Version = p.ID, p.Resident, 1
			if err := ch.PutVisit(ctx, v, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	ht := func(on gongwei.Date, mode chronic.VisitMode, sbp, dbp int) *chronic.Visit {
		return &chronic.Visit{Hypertension: &chronic.HypertensionFollowUp{Date: on, Mode: mode, Systolic: sbp, Diastolic: dbp}}
	}
	dm := func(on gongwei.Date, mode chronic.VisitMode, fbg float64) *chronic.Visit {
		return &chronic.Visit{Diabetes: &chronic.DiabetesFollowUp{Date: on, Mode: mode, FastingGlucose: fbg}}
	}
	leap, march := d(1960, 2, 29), d(1960, 3, 1)
	feb28 := d(2025, 2, 28)
	for _, birth := range []gongwei.Date{leap, march, {}} {
		for _, bp := range [][2]int{{145, 85}, {149, 89}, {150, 85}, {139, 89}, {139, 90}, {0, 80}} {
			patient(chronic.Hypertension, birth, nil, ht(feb28, chronic.Clinic, bp[0], bp[1]))
		}
	}
	// Four face-to-face follow-ups, one by phone; the latest two on one day.
	patient(chronic.Hypertension, march, nil,
		ht(d(2025, 1, 10), chronic.Clinic, 130, 80), ht(d(2025, 4, 10), chronic.Home, 130, 80),
		ht(d(2025, 7, 10), chronic.Phone, 130, 80), ht(d(2025, 10, 10), chronic.Clinic, 160, 80),
		ht(d(2025, 10, 10), chronic.Home, 130, 80))
	patient(chronic.Hypertension, march, nil,
		ht(d(2025, 1, 10), chronic.Clinic, 130, 80), ht(d(2025, 4, 10), chronic.Home, 130, 80),
		ht(d(2025, 7, 10), chronic.Clinic, 130, 80), ht(d(2025, 10, 10), chronic.Home, 130, 80),
		ht(d(2025, 12, 31), chronic.Phone, 170, 80), ht(d(2026, 1, 1), chronic.Clinic, 120, 80))
	patient(chronic.Hypertension, march, func(p *chronic.Patient) { p.Registered = d(2026, 1, 1) })
	patient(chronic.Hypertension, march, func(p *chronic.Patient) { p.Registered = d(2025, 12, 31) })
	patient(chronic.Hypertension, march, func(p *chronic.Patient) {
		p.Closure = chronic.Closure{Reason: chronic.ClosureReason(1), Date: d(2024, 12, 31)}
	})
	patient(chronic.Hypertension, march, func(p *chronic.Patient) {
		p.Closure = chronic.Closure{Reason: chronic.ClosureReason(1), Date: d(2025, 1, 1)}
	})
	patient(chronic.Hypertension, march, func(p *chronic.Patient) { p.Closure = chronic.Closure{Reason: chronic.ClosureReason(1)} })
	for _, fbg := range []float64{6.9, 7.0, 0} {
		patient(chronic.Diabetes, march, nil, dm(d(2025, 3, 1), chronic.Home, fbg))
	}
	patient(chronic.Diabetes, march, nil,
		dm(d(2025, 2, 1), chronic.Home, 5), dm(d(2025, 5, 1), chronic.Clinic, 5),
		dm(d(2025, 8, 1), chronic.Clinic, 5), dm(d(2025, 11, 1), chronic.Home, 8))
	mental := func(on gongwei.Date, reached bool) *chronic.Visit {
		return &chronic.Visit{Mental: &chronic.MentalFollowUp{Date: on, NotReached: !reached}}
	}
	patient(chronic.Mental, march, nil, mental(d(2025, 1, 5), true), mental(d(2025, 4, 5), true),
		mental(d(2025, 7, 5), false), mental(d(2025, 10, 5), true))
	patient(chronic.Mental, march, nil, mental(d(2025, 1, 5), true), mental(d(2025, 4, 5), true),
		mental(d(2025, 7, 5), true), mental(d(2025, 10, 5), true))

	flat, err := readFlat(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []gongwei.Period{
		{Start: d(2024, 3, 1), End: d(2025, 2, 28)},
		{Start: d(2024, 3, 1), End: d(2025, 3, 1)},
		gongwei.Year(2025),
	} {
		lib, err := libraryFamily(ctx, db, p)
		if err != nil {
			t.Fatal(err)
		}
		want := onlyFamily(lib)
		got, err := sqlFamily(ctx, db.SQL(), p)
		if err != nil {
			t.Fatal(err)
		}
		compareTallies(t, p.String()+" sql", got, want)
		compareTallies(t, p.String()+" handloop", handFamily(flat, p), want)
		if testing.Verbose() {
			for _, k := range want.Keys() {
				c, _ := want.Get(k)
				t.Logf("%s %s %s %d/%d", p, k.Code, k.Unit, c.Num, c.Den)
			}
		}
	}
}

// compareTallies reports every cell where got differs from want.
func compareTallies(t *testing.T, name string, got, want *indicators.Tally) {
	t.Helper()
	if got.Equal(want) {
		return
	}
	for _, k := range want.Keys() {
		w, _ := want.Get(k)
		if g, ok := got.Get(k); !ok || g != w {
			t.Errorf("%s: %s %s: got %+v (present %v), library %+v", name, k.Code, k.Unit, g, ok, w)
		}
	}
	for _, k := range got.Keys() {
		if _, ok := want.Get(k); !ok {
			g, _ := got.Get(k)
			t.Errorf("%s: %s %s: got %+v, not in the library's tally", name, k.Code, k.Unit, g)
		}
	}
}
