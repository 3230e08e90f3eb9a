package supervision_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/memstore"
	st "github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

var d = gongwei.MustParseDate

func insp(id, unit, date string, season supervision.Season) *supervision.Inspection {
	in := st.Inspection(supervision.InspectionID(id), supervision.UnitID(unit), st.VillageA, d(date))
	in.Season = season
	return in
}

// TestPlanProRata: ≥4 inspections a unit a year (plan-targets.md), one due in each
// quarter by the quarter's last day; water twice a year, dry and wet season.
func TestPlanProRata(t *testing.T) {
	food := st.Unit("F", st.VillageA) // registered 2024-03-01, 4 a year
	late := st.Unit("L", st.VillageA)
	late.Registered = d("2025-08-10") // Q1, Q2 ended before registration
	water := st.Unit("W", st.VillageA)
	water.Kind = supervision.KindWaterCentral
	banquet := st.Unit("B", st.VillageA)
	banquet.Kind = supervision.KindBanquet
	units := []*supervision.Unit{food, late, water, banquet}
	ins := []*supervision.Inspection{
		insp("1", "F", "2025-02-10", ""), insp("2", "F", "2025-05-20", ""),
		insp("3", "W", "2025-04-01", supervision.SeasonDry),
		insp("0", "F", "2024-12-30", ""), // last year: ignored
	}
	for _, tc := range []struct {
		asOf, unit    string
		ins           []*supervision.Inspection
		state         supervision.DueState
		done, req     int
		next          string
		missingSeason []supervision.Season
	}{
		{"2025-07-15", "F", ins, supervision.StateDue, 2, 2, "2025-09-30", nil},
		{"2025-07-15", "F", ins[:1], supervision.StateOverdue, 1, 2, "2025-06-30", nil},
		{"2025-06-30", "F", ins, supervision.StateDue, 2, 2, "2025-09-30", nil},
		{"2025-06-29", "F", ins, supervision.StateOnTrack, 2, 1, "2025-09-30", nil},
		{"2025-06-29", "F", ins[:1], supervision.StateDue, 1, 1, "2025-06-30", nil},
		{"2025-03-31", "F", nil, supervision.StateOverdue, 0, 1, "2025-03-31", nil},
		{"2025-10-01", "L", nil, supervision.StateOverdue, 0, 1, "2025-09-30", nil},
		{"2025-07-01", "W", ins, supervision.StateDue, 1, 1, "2025-12-31", []supervision.Season{supervision.SeasonWet}},
		{"2025-07-01", "B", ins, supervision.StateNotScheduled, 0, 0, "", nil},
	} {
		t.Run(tc.asOf+"/"+tc.unit, func(t *testing.T) {
			var it supervision.PlanItem
			for _, x := range supervision.Plan(units, tc.ins, d(tc.asOf), nil) {
				if string(x.Unit) == tc.unit {
					it = x
				}
			}
			assert.Equal(t, tc.state, it.State)
			assert.Equal(t, tc.done, it.Done)
			assert.Equal(t, tc.req, it.Required)
			if tc.next == "" {
				assert.True(t, it.NextDue.IsZero())
			} else {
				assert.Equal(t, tc.next, it.NextDue.String())
			}
			assert.Equal(t, tc.missingSeason, it.MissingSeasons)
		})
	}
	// Yearly compliance: 4 for food, 2 for the late unit (Q3 and Q4), water needs both seasons.
	four := append(ins[:2:2], insp("5", "F", "2025-08-01", ""), insp("6", "F", "2025-11-01", ""))
	assert.True(t, supervision.MeetsFrequency(food, four, 2025, nil))
	assert.False(t, supervision.MeetsFrequency(food, four[:3], 2025, nil))
	assert.True(t, supervision.MeetsFrequency(late, []*supervision.Inspection{insp("7", "L", "2025-09-01", ""), insp("8", "L", "2025-12-01", "")}, 2025, nil))
	assert.False(t, supervision.MeetsFrequency(water, []*supervision.Inspection{insp("3", "W", "2025-04-01", supervision.SeasonDry), insp("9", "W", "2025-05-01", supervision.SeasonDry)}, 2025, nil))
	assert.True(t, supervision.MeetsFrequency(water, []*supervision.Inspection{insp("3", "W", "2025-04-01", supervision.SeasonDry), insp("9", "W", "2025-08-01", supervision.SeasonWet)}, 2025, nil))
	assert.True(t, supervision.MeetsFrequency(banquet, nil, 2025, nil))
}

// TestComplaintDeadlines: 5 working days to answer a minor case, 1 to report a serious
// one upward (plan-targets.md), across the 2025 National Day holiday (10.1–10.8 off,
// 10.11 Saturday worked).
func TestComplaintDeadlines(t *testing.T) {
	minor := st.Complaint("C1", st.VillageA, d("2025-09-30"))
	minor.Answered = gongwei.Date{}
	dl, err := minor.Deadline()
	require.NoError(t, err)
	assert.Equal(t, "2025-10-14", dl.String()) // 10.9, 10.10, 10.11 (Sat), 10.13, 10.14

	serious := *minor
	serious.Serious = true
	dl, err = serious.Deadline()
	require.NoError(t, err)
	assert.Equal(t, "2025-10-09", dl.String())

	minor.Answered = d("2025-10-14")
	timely, acted, err := minor.Timely()
	require.NoError(t, err)
	assert.True(t, timely && acted)
	minor.Answered = d("2025-10-15")
	timely, _, _ = minor.Timely()
	assert.False(t, timely)

	minor.Answered = gongwei.Date{}
	over, err := minor.Overdue(d("2025-10-14"))
	require.NoError(t, err)
	assert.False(t, over)
	over, _ = minor.Overdue(d("2025-10-15"))
	assert.True(t, over)

	// A serious case answered locally but never transferred is not timely.
	serious.Answered = d("2025-10-09")
	timely, acted, _ = serious.Timely()
	assert.False(t, timely || acted)

	// Received in a year without a calendar: a typed error, not a guess.
	far := st.Complaint("C9", st.VillageA, d("2030-01-02"))
	_, err = far.Deadline()
	var nc *supervision.NoCalendarError
	assert.True(t, errors.As(err, &nc))
}

// TestReportDeadlines: nbphs-spec §12.1: class A, class B managed as A and emergencies
// within 2 hours, other class B and C within 24 hours; the deadline instant itself is in
// time, one second later is late.
func TestReportDeadlines(t *testing.T) {
	at := func(s string) time.Time {
		tm, err := supervision.ParseReportTime(s)
		require.NoError(t, err)
		return tm
	}
	for _, tc := range []struct {
		name     string
		disease  string
		class    supervision.DiseaseClass
		diag     string
		reported string
		timely   bool
		limit    time.Duration
	}{
		{"class B at 24h", "measles", supervision.ClassB, "2025-05-06 10:00", "2025-05-07 10:00:00", true, 24 * time.Hour},
		{"class B one second late", "measles", supervision.ClassB, "2025-05-06 10:00", "2025-05-07 10:00:01", false, 24 * time.Hour},
		{"class A at 2h", "cholera", supervision.ClassA, "2025-05-06 10:00", "2025-05-06 12:00:00", true, 2 * time.Hour},
		{"class A one second late", "cholera", supervision.ClassA, "2025-05-06 10:00", "2025-05-06 12:00:01", false, 2 * time.Hour},
		{"SARS managed as A", "sars", supervision.ClassB, "2025-05-06 23:30", "2025-05-07 01:30", true, 2 * time.Hour},
		{"pulmonary anthrax managed as A, late", "pulmonary_anthrax", supervision.ClassB, "2025-05-06 23:30", "2025-05-07 01:31", false, 2 * time.Hour},
		{"COVID-19 under class-A measures on 7 Jan 2023", "covid19", supervision.ClassB, "2023-01-07 23:30", "2023-01-08 01:30", true, 2 * time.Hour},
		{"COVID-19 乙类乙管 from 8 Jan 2023", "covid19", supervision.ClassB, "2023-01-08 00:30", "2023-01-08 20:30", true, 24 * time.Hour},
		{"class C", "mumps", supervision.ClassC, "2025-05-06 10:00", "2025-05-07 09:00", true, 24 * time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := st.CaseReport("R", st.VillageA, d("2025-05-06"))
			r.Disease, r.Class, r.Diagnosed, r.Reported = tc.disease, tc.class, at(tc.diag), at(tc.reported)
			assert.Equal(t, tc.limit, supervision.ReportLimit(r))
			assert.Equal(t, tc.timely, r.Timely())
		})
	}
	// The clock is Asia/Shanghai whatever zone the instant was given in.
	r := st.CaseReport("R", st.VillageA, d("2025-05-06"))
	r.Disease, r.Class = "cholera", supervision.ClassA
	r.Diagnosed = time.Date(2025, 5, 6, 2, 0, 0, 0, time.UTC) // 10:00 in Shanghai
	assert.Equal(t, "2025-05-06 12:00", r.Deadline().Format("2006-01-02 15:04"))
	// An outbreak of any disease is a 2-hour report.
	r.Class, r.Disease, r.Outbreak = supervision.ClassC, "hfmd", true
	assert.Equal(t, supervision.UrgentLimit, supervision.ReportLimit(r))
	r.Reported = time.Time{}
	assert.False(t, r.Timely(), "unreported is not timely")

	e := st.EmergencyReport("E", st.VillageA, d("2025-05-06"))
	e.Reported = e.Discovered.Add(2 * time.Hour)
	assert.True(t, e.Timely())
	e.Reported = e.Reported.Add(time.Second)
	assert.False(t, e.Timely())
}

func TestShanghaiOffset(t *testing.T) {
	_, off := time.Date(2025, 7, 1, 0, 0, 0, 0, supervision.Shanghai).Zone()
	assert.Equal(t, 8*3600, off)
}

func TestValidationAndPII(t *testing.T) {
	u := st.Unit("U1", st.VillageA)
	u.Name, u.Kind, u.Village = "", "bogus", "11010100100X"
	u.Responsible = "张三丰"
	u.Practitioners[0].Certificate.Expires = d("2024-01-01") // before issue
	u.Practitioners[0].Conditions = []supervision.Condition{"cold"}
	u.Practitioners[0].Removed = d("2025-01-01")
	err := supervision.NewService(memstore.New()).SaveUnit(context.Background(), u)
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	for _, f := range []struct {
		field string
		code  gongwei.Code
	}{
		{"Name", gongwei.CodeRequired}, {"Kind", gongwei.CodeUnknownCode}, {"Village", gongwei.CodeFormat},
		{"Practitioners[0].Certificate.Expires", gongwei.CodeOrder},
		{"Practitioners[0].Conditions[0]", gongwei.CodeUnknownCode},
	} {
		assert.True(t, ve.Has(f.field, f.code), "%s %s", f.field, f.code)
	}
	for _, pii := range []string{"张三丰", "李四", "王五", "11010100100X", "示例路"} {
		assert.NotContains(t, err.Error(), pii)
	}

	in := st.Inspection("I1", "U1", st.VillageA, d("2025-05-06"))
	in.Opinion = nil
	require.True(t, errors.As(in.Validate(), &ve))
	assert.True(t, ve.Has("Opinion", supervision.CodeOpinionRequired), "findings need a 卫生监督意见书")

	r := st.CaseReport("R1", st.VillageA, d("2025-05-06"))
	r.Disease, r.Class = "plague", supervision.ClassB
	require.True(t, errors.As(r.Validate(), &ve))
	assert.True(t, ve.Has("Class", supervision.CodeClassMismatch))
}

func TestCertificates(t *testing.T) {
	u := st.Unit("U1", st.VillageA)
	s := u.Certificates(d("2025-06-01"))
	assert.Equal(t, supervision.CertificateStatus{Practitioners: 2, Certified: 2, Disqualified: 1, Removed: 1}, s)
	s = u.Certificates(d("2025-02-02")) // 王五 not yet removed (removed 2.3)
	assert.Equal(t, 0, s.Removed)
	assert.Equal(t, []int{0}, u.ExpiringCertificates(d("2025-12-15"), 30)) // 李四's expires 2026-01-09
	assert.Equal(t, []int{0, 1}, u.ExpiringCertificates(d("2026-02-01"), 0))
}

func TestServiceSaveAndPlan(t *testing.T) {
	ctx := context.Background()
	g := supervision.NewService(memstore.New())
	u := st.Unit("U1", st.VillageA)
	require.NoError(t, g.SaveUnit(ctx, u))
	assert.Equal(t, int64(1), u.Version)
	in := st.Inspection("I1", "U1", "", d("2025-02-10"))
	require.NoError(t, g.SaveInspection(ctx, in))
	assert.Equal(t, st.VillageA, in.Village, "village copied from the unit")
	orphan := st.Inspection("I2", "nobody", "", d("2025-02-10"))
	assert.True(t, errors.Is(g.SaveInspection(ctx, orphan), gongwei.ErrNotFound))
	stale := st.Unit("U1", st.VillageA)
	assert.True(t, errors.Is(g.SaveUnit(ctx, stale), gongwei.ErrConflict))

	items, err := g.Plan(ctx, "110101001", d("2025-04-01"), nil)
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, supervision.StateDue, items[0].State)

	c := st.Complaint("C1", st.VillageA, d("2025-09-30"))
	c.Answered = gongwei.Date{}
	require.NoError(t, g.SaveComplaint(ctx, c))
	over, err := g.OverdueComplaints(ctx, "", d("2025-10-15"))
	require.NoError(t, err)
	require.Len(t, over, 1)
	over, _ = g.OverdueComplaints(ctx, "", d("2025-10-14"))
	assert.Empty(t, over)

	require.NoError(t, g.SaveClue(ctx, st.Clue("L1", st.VillageA, d("2025-03-01"))))
	require.NoError(t, g.SaveCaseReport(ctx, st.CaseReport("R1", st.VillageA, d("2025-03-01"))))
	require.NoError(t, g.SaveEmergencyReport(ctx, st.EmergencyReport("E1", st.VillageA, d("2025-03-01"))))
}

func FuzzParseUnitKind(f *testing.F) {
	seeds := []string{"ＦＯＯＤ"}
	for _, k := range supervision.UnitKinds {
		seeds = append(seeds, string(k))
	}
	fuzzParse(f, seeds, supervision.ParseUnitKind, "supervision: unit kind: gongwei: invalid",
		func(k supervision.UnitKind) string { return string(k) }, func(a, b supervision.UnitKind) bool { return a == b })
}

func FuzzParseDiseaseClass(f *testing.F) {
	fuzzParse(f, []string{"A", "b", "丙类", "甲", "乙类", "Ｃ", "D"}, supervision.ParseDiseaseClass, "supervision: disease class: gongwei: invalid",
		func(c supervision.DiseaseClass) string { return string(c) }, func(a, b supervision.DiseaseClass) bool { return a == b })
}

func FuzzParseReportTime(f *testing.F) {
	fuzzParse(f, []string{"2025-05-06 10:00", "2025-05-06 10:00:59", "２０２５-０５-０６ １０:００", "2025-02-30 10:00", "x"},
		supervision.ParseReportTime, "supervision: report time: gongwei: invalid",
		func(tm time.Time) string { return tm.Format("2006-01-02 15:04:05") }, time.Time.Equal)
}

// fuzzParse fuzzes parse from seeds: a refusal is the fixed error want, wrapping
// gongwei.ErrInvalid (a fixed text: the input is never echoed), and what parse accepts
// parses back from its text to a value same as it.
func fuzzParse[T any](f *testing.F, seeds []string, parse func(string) (T, error), want string, text func(T) string, same func(a, b T) bool) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x, err := parse(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) || err.Error() != want {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if back, err := parse(text(x)); err != nil || !same(back, x) {
			t.Fatalf("round trip %v", x)
		}
	})
}

func FuzzAddWorkingDays(f *testing.F) {
	f.Add(int64(0), 5)
	f.Add(int64(400), -3)
	f.Fuzz(func(t *testing.T, off int64, n int) {
		if n > 400 || n < -400 || off < 0 || off > 4000 {
			return
		}
		from := d("2019-06-01").AddDays(int(off))
		got, err := supervision.AddWorkingDays(from, n)
		if err != nil {
			var nc *supervision.NoCalendarError
			if !errors.As(err, &nc) {
				t.Fatal(err)
			}
			return
		}
		if n != 0 {
			ok, err := supervision.IsWorkingDay(got)
			if err != nil || !ok {
				t.Fatalf("%v + %d = %v, not a working day", from, n, got)
			}
		}
	})
}

func ExampleAddWorkingDays() {
	// A minor complaint received on 30 September 2025 must be answered within 5 working
	// days: the National Day holiday (1–8 October) does not count, Saturday 11 October is
	// a make-up working day.
	due, err := supervision.AddWorkingDays(gongwei.MustDate(2025, 9, 30), 5)
	fmt.Println(due, err)
	_, err = supervision.AddWorkingDays(gongwei.MustDate(2026, 12, 31), 1)
	fmt.Println(err)
	// Output:
	// 2025-10-14 <nil>
	// supervision: no holiday arrangement for 2027
}

func ExampleCaseReport_Deadline() {
	diag := time.Date(2025, 5, 6, 10, 0, 0, 0, supervision.Shanghai)
	r := &supervision.CaseReport{Disease: "cholera", Class: supervision.ClassA, Diagnosed: diag}
	fmt.Println(r.Deadline().Format("2006-01-02 15:04"))
	r = &supervision.CaseReport{Disease: "measles", Class: supervision.ClassB, Diagnosed: diag}
	fmt.Println(r.Deadline().Format("2006-01-02 15:04"))
	// Output:
	// 2025-05-06 12:00
	// 2025-05-07 10:00
}

func ExamplePlan() {
	u := st.Unit("U1", st.VillageA)
	ins := []*supervision.Inspection{st.Inspection("I1", "U1", st.VillageA, gongwei.MustDate(2025, 2, 10))}
	for _, it := range supervision.Plan([]*supervision.Unit{u}, ins, gongwei.MustDate(2025, 7, 15), nil) {
		fmt.Println(it.Unit, it.State, it.Done, "of", it.Required, "next due", it.NextDue)
	}
	// Output:
	// U1 overdue 1 of 2 next due 2025-06-30
}

// TestAssistantTraining: ≥20 class hours a year (plan-targets.md).
func TestAssistantTraining(t *testing.T) {
	tr := []supervision.Training{
		{Date: d("2025-03-01"), Topic: "a", Hours: 8}, {Date: d("2025-06-01"), Topic: "b", Hours: 8},
		{Date: d("2024-12-31"), Topic: "c", Hours: 8}, {Date: d("2025-09-01"), Topic: "d", Hours: 3.5},
	}
	h, ok := supervision.AssistantTraining(tr, 2025)
	assert.Equal(t, 19.5, h)
	assert.False(t, ok)
	tr = append(tr, supervision.Training{Date: d("2025-12-31"), Topic: "e", Hours: 0.5})
	h, ok = supervision.AssistantTraining(tr, 2025)
	assert.Equal(t, 20.0, h)
	assert.True(t, ok)
}
