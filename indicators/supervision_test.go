package indicators

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision"
	supmem "github.com/gongwei-lib/gongwei/supervision/memstore"
	st "github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

var supYear = gongwei.Year(2025)

// supervisionScenario builds the hand-worked 2025 scenario of TestSupervisionIndicators.
func supervisionScenario(t *testing.T) supervision.Store {
	t.Helper()
	ctx := context.Background()
	s := supmem.New()
	g := supervision.New(s, supervision.Options{Unattributed: true})
	dt := gongwei.MustParseDate
	units := []*supervision.Unit{
		st.Unit("U1", st.VillageA), // 2 practitioners certified to 2026; 1 with a condition, removed
		st.Unit("U2", st.VillageA),
		st.Unit("U3", st.VillageB),
		st.Unit("U4", st.VillageB),
		st.Unit("U5", st.VillageB),
	}
	units[1].Practitioners = []supervision.Practitioner{{Name: "赵六", Certificate: supervision.HealthCertificate{Number: "H9",
		Issued: dt("2024-07-01"), Expires: dt("2025-06-30")}}}
	units[2].Kind, units[2].Practitioners = supervision.KindWaterCentral, nil
	units[3].Kind, units[3].Practitioners = supervision.KindBanquet, nil
	units[4].Practitioners, units[4].Closed = nil, dt("2025-06-01")
	for _, u := range units {
		require.NoError(t, g.SaveUnit(ctx, u))
	}
	ins := func(id, unit, date string, season supervision.Season) {
		in := st.Inspection(supervision.InspectionID(id), supervision.UnitID(unit), "", dt(date))
		in.Season = season
		require.NoError(t, g.SaveInspection(ctx, in))
	}
	ins("1", "U1", "2025-02-10", "")
	ins("2", "U1", "2025-05-10", "")
	ins("3", "U1", "2025-08-10", "")
	ins("4", "U1", "2025-11-10", "")
	ins("5", "U2", "2025-03-10", "")
	ins("6", "U2", "2024-12-10", "") // last year
	ins("7", "U3", "2025-04-10", supervision.SeasonDry)
	ins("8", "U3", "2025-06-10", supervision.SeasonDry)
	ins("9", "U5", "2025-03-10", "") // unit closed before the year ends

	for i, c := range []struct {
		found, reported string
	}{{"2025-01-05", "2025-01-06"}, {"2025-06-05", ""}, {"2025-12-31", "2026-01-02"}, {"2024-12-31", ""}} {
		cl := st.Clue(supervision.ClueID(string(rune('a'+i))), st.VillageA, dt(c.found))
		cl.Reported = gongwei.Date{}
		if c.reported != "" {
			cl.Reported = dt(c.reported)
		}
		require.NoError(t, g.SaveClue(ctx, cl))
	}

	c1 := st.Complaint("C1", st.VillageA, dt("2025-09-30"))
	c1.Answered = dt("2025-10-14") // 5th working day after the National Day holiday: in time
	c2 := st.Complaint("C2", st.VillageA, dt("2025-09-30"))
	c2.Answered = dt("2025-10-15") // one working day late
	c3 := st.Complaint("C3", st.VillageA, dt("2025-03-03"))
	c3.Serious, c3.Answered, c3.Transferred = true, gongwei.Date{}, dt("2025-03-04") // reported upward within 1 working day
	for _, c := range []*supervision.Complaint{c1, c2, c3} {
		require.NoError(t, g.SaveComplaint(ctx, c))
	}

	r1 := st.CaseReport("R1", st.VillageA, dt("2025-05-06")) // measles, reported 3 h after diagnosis: in time
	r2 := st.CaseReport("R2", st.VillageA, dt("2025-05-06"))
	r2.Reported = r2.Diagnosed.Add(25 * time.Hour) // late
	r3 := st.CaseReport("R3", st.VillageA, dt("2025-05-06"))
	r3.Reported = time.Time{} // not reported
	for _, r := range []*supervision.CaseReport{r1, r2, r3} {
		require.NoError(t, g.SaveCaseReport(ctx, r))
	}
	e1 := st.EmergencyReport("E1", st.VillageB, dt("2025-07-01")) // 1 h: in time
	e2 := st.EmergencyReport("E2", st.VillageB, dt("2025-07-01"))
	e2.Reported = e2.Discovered.Add(3 * time.Hour) // late
	e3 := st.EmergencyReport("E3", st.VillageB, dt("2025-07-01"))
	e3.Reported = time.Time{} // not reported: outside the denominator
	for _, e := range []*supervision.EmergencyReport{e1, e2, e3} {
		require.NoError(t, g.SaveEmergencyReport(ctx, e))
	}
	return s
}

// TestSupervisionIndicators: figures worked by hand from the formulas (nbphs-spec §12.2,
// §13; plan-targets.md) over the scenario above.
func TestSupervisionIndicators(t *testing.T) {
	s := supervisionScenario(t)
	tally := NewTally(0)
	require.NoError(t, SupervisionIndicators(context.Background(), s, "", supYear, tally))
	a, b := Unit(st.VillageA), Unit(st.VillageB)
	for _, tc := range []struct {
		code     Code
		unit     Unit
		num, den int64
		why      string
	}{
		{"sup.coverage", a, 2, 2, "U1 and U2 both inspected in 2025"},
		{"sup.coverage", b, 1, 2, "U3 inspected, U4 not; U5 closed before 31 Dec"},
		{"sup.frequency", a, 1, 2, "U1 4 of 4; U2 1 of 4"},
		{"sup.frequency", b, 0, 1, "U3 water: 2 checks but both in the dry season; U4 banquet has no quota"},
		{"sup.patrols", a, 5, 0, "4 + 1 inspections in 2025 (the 2024 one excluded)"},
		{"sup.patrols", b, 3, 0, "2 for U3 + 1 for U5 (inspections count whatever became of the unit)"},
		{"sup.health_certificate", a, 2, 3, "U1 2 valid on 31 Dec; U2's expired 30 June"},
		{"sup.five_disease_removal", a, 1, 1, "U1's practitioner with a skin condition removed"},
		{"sup.info_report", a, 2, 3, "3 clues found in 2025, 2 reported (one in 2026 still counts)"},
		{"sup.complaint_timely", a, 2, 3, "C1 on the 5th working day, C3 in 1; C2 late"},
		{"inf.report", a, 2, 3, "R1, R2 reported online; R3 not"},
		{"inf.report_timely", a, 1, 2, "R1 within 24 h; R2 after 25 h"},
		{"inf.emergency_report", b, 1, 2, "E1 within 2 h; E2 after 3 h; E3 unreported"},
	} {
		got, ok := tally.Get(Key{tc.code, tc.unit, supYear})
		assert.True(t, ok, "%s %s", tc.code, tc.unit)
		assert.Equal(t, Counts{tc.num, tc.den}, got, "%s %s: %s", tc.code, tc.unit, tc.why)
	}
	_, ok := tally.Get(Key{"sup.health_certificate", b, supYear})
	assert.False(t, ok, "no practitioners in village B")

	// Rolled up to the township, and computed for the township's prefix only: same figures.
	town := tally.RollUp(LevelTownship)
	c, _ := town.Get(Key{"sup.coverage", Unit("110101001"), supYear})
	assert.Equal(t, Counts{3, 4}, c)
	only := NewTally(0)
	require.NoError(t, SupervisionIndicators(context.Background(), s, string(st.VillageA), supYear, only))
	c, _ = only.Get(Key{"sup.coverage", a, supYear})
	assert.Equal(t, Counts{2, 2}, c)
	_, ok = only.Get(Key{"sup.coverage", b, supYear})
	assert.False(t, ok)

	for _, code := range SupervisionCodes {
		ind, ok := Lookup(code)
		require.True(t, ok, code)
		assert.True(t, ind.Implemented, code)
	}
}

func TestSupervisionIndicatorsErrors(t *testing.T) {
	s := supervisionScenario(t)
	err := SupervisionIndicators(context.Background(), s, "", gongwei.Period{}, NewTally(0))
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.True(t, errors.Is(SupervisionIndicators(ctx, s, "", supYear, NewTally(0)), context.Canceled))

	// A complaint received in a year with no holiday arrangement fails clearly (recorded
	// on a clock of that year: a complaint received after the day of recording is refused).
	g := supervision.New(s, supervision.Options{Unattributed: true}).WithClock(func() time.Time { return time.Date(2030, 3, 31, 12, 0, 0, 0, time.UTC) })
	require.NoError(t, g.SaveComplaint(context.Background(), st.Complaint("C9", st.VillageA, gongwei.MustDate(2030, 3, 1))))
	err = SupervisionIndicators(context.Background(), s, "", gongwei.Year(2030), NewTally(0))
	var nc *supervision.NoCalendarError
	assert.True(t, errors.As(err, &nc))
}
