package supervision_test

import (
	"context"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/badinput"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/memstore"
	st "github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

var day = gongwei.MustDate(2025, 6, 2)

// at returns 10:00 Asia/Shanghai on d.
func at(d gongwei.Date) time.Time {
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 10, 0, 0, 0, supervision.Shanghai)
}

func newService() (*supervision.Service, *memstore.Store) {
	s := memstore.New()
	return supervision.NewService(s).WithClock(badinput.RecordingDay), s
}

type U = supervision.Unit

// TestUnitBadInput: the registration, licence, certificate, removal and training dates
// refuse year 1 and the far future (expiries, which lie ahead, refuse what lies beyond
// gongwei.PlannedHorizonYears); training hours NaN, ±Inf, negative and absurd values;
// names, addresses and numbers invalid text; a name of invisible characters is missing.
// Through SaveUnit nothing is stored.
func TestUnitBadInput(t *testing.T) {
	g, s := newService()
	suite := badinput.Suite[U]{
		Fresh:    func() *U { return st.Unit("U-bad", st.VillageA) },
		Validate: (*U).Validate,
		Save:     g.SaveUnit,
		Stored:   func(ctx context.Context, u *U) error { _, err := s.Unit(ctx, "U-bad"); return err },
	}
	n := suite.Run(t,
		badinput.Dates("Registered", func(u *U, d gongwei.Date) { u.Registered = d }),
		badinput.Dates("Licences[0].Issued", func(u *U, d gongwei.Date) { u.Licences[0].Issued = d }),
		badinput.Dates("Licences[0].Expires", func(u *U, d gongwei.Date) { u.Licences[0].Expires = d })[1:],
		badinput.Dates("Practitioners[0].Certificate.Issued", func(u *U, d gongwei.Date) { u.Practitioners[0].Certificate.Issued = d }),
		badinput.Dates("Practitioners[1].Removed", func(u *U, d gongwei.Date) { u.Practitioners[1].Removed = d }),
		badinput.Dates("Trainings[0].Date", func(u *U, d gongwei.Date) { u.Trainings[0].Date = d }),
		badinput.Floats("Practitioners[0].TrainingHours", func(u *U, x float64) { u.Practitioners[0].TrainingHours = x }, ""),
		badinput.Floats("Trainings[0].Hours", func(u *U, x float64) { u.Trainings[0].Hours = x }, ""),
		badinput.Blank("Name", func(u *U, s string) { u.Name = s }),
		badinput.Texts("Name", func(u *U, s string) { u.Name = s }),
		badinput.Texts("Address", func(u *U, s string) { u.Address = s }),
		badinput.Blank("Practitioners[0].Name", func(u *U, s string) { u.Practitioners[0].Name = s }),
		badinput.Texts("Practitioners[0].Name", func(u *U, s string) { u.Practitioners[0].Name = s }),
		badinput.Texts("Licences[0].Number", func(u *U, s string) { u.Licences[0].Number = s }),
		[]badinput.Case[U]{badinput.Combine("every problem listed",
			badinput.Dates("Registered", func(u *U, d gongwei.Date) { u.Registered = d })[0],
			badinput.Floats("Trainings[0].Hours", func(u *U, x float64) { u.Trainings[0].Hours = x }, "")[0],
			badinput.Blank("Name", func(u *U, s string) { u.Name = s })[0],
			badinput.Texts("Address", func(u *U, s string) { u.Address = s })[1],
		)},
	)
	t.Logf("%d bad inputs", n)
}

type I = supervision.Inspection

// TestInspectionBadInput: the inspection and opinion dates refuse placeholder dates; the
// inspectors, items, findings and requirements invalid text. Nothing is stored.
func TestInspectionBadInput(t *testing.T) {
	ctx := context.Background()
	g, s := newService()
	if err := g.SaveUnit(ctx, st.Unit("U1", st.VillageA)); err != nil {
		t.Fatal(err)
	}
	suite := badinput.Suite[I]{
		Fresh:    func() *I { return st.Inspection("I-bad", "U1", st.VillageA, day) },
		Validate: (*I).Validate,
		Save:     g.SaveInspection,
		Stored:   func(ctx context.Context, in *I) error { _, err := s.Inspection(ctx, "I-bad"); return err },
	}
	suite.Run(t,
		badinput.Dates("Date", func(in *I, d gongwei.Date) { in.Date = d; in.Opinion.Issued = gongwei.Date{} }),
		badinput.Dates("Opinion.Issued", func(in *I, d gongwei.Date) { in.Opinion.Issued = d }),
		badinput.Dates("Opinion.Deadline", func(in *I, d gongwei.Date) { in.Opinion.Deadline = d })[1:],
		badinput.Texts("Inspectors[0]", func(in *I, s string) { in.Inspectors[0] = s }),
		badinput.Texts("Findings[0]", func(in *I, s string) { in.Findings[0] = s }),
		badinput.Texts("Opinion.Requirements[0]", func(in *I, s string) { in.Opinion.Requirements[0] = s }),
	)
}

type Co = supervision.Complaint

// TestComplaintBadInput: the received, transferred and answered dates refuse
// placeholder dates; the summary invalid text and invisible characters.
func TestComplaintBadInput(t *testing.T) {
	g, s := newService()
	suite := badinput.Suite[Co]{
		Fresh:    func() *Co { return st.Complaint("C-bad", st.VillageA, day) },
		Validate: (*Co).Validate,
		Save:     g.SaveComplaint,
		Stored:   func(ctx context.Context, c *Co) error { _, err := s.Complaint(ctx, "C-bad"); return err },
	}
	suite.Run(t,
		badinput.Dates("Received", func(c *Co, d gongwei.Date) { c.Received = d; c.Answered = gongwei.Date{} }),
		badinput.Dates("Answered", func(c *Co, d gongwei.Date) { c.Answered = d })[1:],
		badinput.Dates("Transferred", func(c *Co, d gongwei.Date) { c.Transferred = d })[1:],
		badinput.Texts("Summary", func(c *Co, s string) { c.Summary = s }),
		badinput.Blank("Summary", func(c *Co, s string) { c.Summary = s })[:2],
		badinput.Texts("Result", func(c *Co, s string) { c.Result = s }),
	)
}

type Cl = supervision.Clue

// TestClueBadInput: the found and reported dates refuse placeholder dates; the summary
// invalid text.
func TestClueBadInput(t *testing.T) {
	g, s := newService()
	suite := badinput.Suite[Cl]{
		Fresh:    func() *Cl { return st.Clue("L-bad", st.VillageA, day) },
		Validate: (*Cl).Validate,
		Save:     g.SaveClue,
		Stored:   func(ctx context.Context, c *Cl) error { _, err := s.Clue(ctx, "L-bad"); return err },
	}
	suite.Run(t,
		badinput.Dates("Found", func(c *Cl, d gongwei.Date) { c.Found = d; c.Reported = gongwei.Date{} }),
		badinput.Dates("Reported", func(c *Cl, d gongwei.Date) { c.Reported = d })[1:],
		badinput.Texts("Summary", func(c *Cl, s string) { c.Summary = s }),
	)
}

type CR = supervision.CaseReport

// TestCaseReportBadInput: the diagnosis and report instants and the registration date
// refuse placeholder dates, including an instant of year 10000 that no civil date holds.
func TestCaseReportBadInput(t *testing.T) {
	g, s := newService()
	suite := badinput.Suite[CR]{
		Fresh:    func() *CR { return st.CaseReport("R-bad", st.VillageA, day) },
		Validate: (*CR).Validate,
		Save:     g.SaveCaseReport,
		Stored:   func(ctx context.Context, r *CR) error { _, err := s.CaseReport(ctx, "R-bad"); return err },
	}
	suite.Run(t,
		badinput.Dates("Diagnosed", func(r *CR, d gongwei.Date) { r.Diagnosed = at(d); r.Reported = time.Time{} }),
		badinput.Dates("Registered", func(r *CR, d gongwei.Date) { r.Registered = d }),
		[]badinput.Case[CR]{{Name: "Reported/year 10000", Mutate: func(r *CR) { r.Reported = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) },
			Want: []badinput.Problem{{Field: "Reported", Code: gongwei.CodeInFuture}}}},
		badinput.Texts("Disease", func(r *CR, s string) { r.Disease = s }),
	)
}

type ER = supervision.EmergencyReport

// TestEmergencyReportBadInput: the discovery and report instants refuse placeholder
// dates; the event invalid text and invisible characters.
func TestEmergencyReportBadInput(t *testing.T) {
	g, s := newService()
	suite := badinput.Suite[ER]{
		Fresh:    func() *ER { return st.EmergencyReport("E-bad", st.VillageA, day) },
		Validate: (*ER).Validate,
		Save:     g.SaveEmergencyReport,
		Stored:   func(ctx context.Context, e *ER) error { _, err := s.EmergencyReport(ctx, "E-bad"); return err },
	}
	suite.Run(t,
		badinput.Dates("Discovered", func(e *ER, d gongwei.Date) { e.Discovered = at(d); e.Reported = time.Time{} }),
		badinput.Dates("Reported", func(e *ER, d gongwei.Date) { e.Reported = at(d) })[1:],
		badinput.Texts("Event", func(e *ER, s string) { e.Event = s }),
		badinput.Blank("Event", func(e *ER, s string) { e.Event = s })[:2],
	)
}
