package maternal

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPrenatalWindows checks each window at its boundary days (nbphs-spec §5.1: <13,
// 16–20, 21–24, 28–36, 37–40 weeks, whole weeks inclusive).
func TestPrenatalWindows(t *testing.T) {
	for _, c := range []struct {
		n          int
		first, end Gestation
	}{
		{1, Weeks(0, 0), Weeks(12, 6)},
		{2, Weeks(16, 0), Weeks(20, 6)},
		{3, Weeks(21, 0), Weeks(24, 6)},
		{4, Weeks(28, 0), Weeks(36, 6)},
		{5, Weeks(37, 0), Weeks(40, 6)},
	} {
		w := PrenatalSchedule[c.n-1].Window
		assert.Equal(t, c.n, PrenatalSchedule[c.n-1].Number)
		assert.True(t, w.Contains(c.first), "visit %d opens %v", c.n, c.first)
		assert.True(t, w.Contains(c.end), "visit %d closes %v", c.n, c.end)
		assert.False(t, w.Contains(c.first-1), "visit %d not open the day before", c.n)
		assert.False(t, w.Contains(c.end+1), "visit %d closed the day after", c.n)
	}
	assert.Equal(t, SitePrimary, PrenatalSchedule[0].Site)
	for _, c := range PrenatalSchedule[1:] {
		assert.Equal(t, SiteMidwifery, c.Site)
	}
}

func newPregnancy(lmp gongwei.Date) *Pregnancy {
	return &Pregnancy{Resident: "r1", Village: "110105001101", Dating: Dating{LMP: lmp}, Booked: lmp.AddDays(70)}
}

func statusOf(p *Pregnancy, on gongwei.Date, k ContactKind) Item {
	for _, it := range p.Schedule(on) {
		if it.Kind == k {
			return it
		}
	}
	return Item{}
}

// TestScheduleStatuses walks the statuses of each prenatal visit across its boundary
// days: Upcoming before the window, Due inside it, Overdue until the next window opens
// (before delivery for the 5th), Missed afterwards.
func TestScheduleStatuses(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	on := func(g Gestation) gongwei.Date { return lmp.AddDays(int(g)) }
	for _, c := range []struct {
		k    ContactKind
		at   Gestation
		want Status
	}{
		{Prenatal1, Weeks(0, 0), Due},
		{Prenatal1, Weeks(12, 6), Due},
		{Prenatal1, Weeks(13, 0), Overdue},
		{Prenatal1, Weeks(15, 6), Overdue},
		{Prenatal1, Weeks(16, 0), Missed},
		{Prenatal2, Weeks(15, 6), Upcoming},
		{Prenatal2, Weeks(16, 0), Due},
		{Prenatal2, Weeks(20, 6), Due},
		{Prenatal2, Weeks(21, 0), Missed}, // the 3rd window opens at once
		{Prenatal3, Weeks(20, 6), Upcoming},
		{Prenatal3, Weeks(21, 0), Due},
		{Prenatal3, Weeks(24, 6), Due},
		{Prenatal3, Weeks(25, 0), Overdue},
		{Prenatal3, Weeks(27, 6), Overdue},
		{Prenatal3, Weeks(28, 0), Missed},
		{Prenatal4, Weeks(27, 6), Upcoming},
		{Prenatal4, Weeks(28, 0), Due},
		{Prenatal4, Weeks(36, 6), Due},
		{Prenatal4, Weeks(37, 0), Missed},
		{Prenatal5, Weeks(36, 6), Upcoming},
		{Prenatal5, Weeks(37, 0), Due},
		{Prenatal5, Weeks(40, 6), Due},
		{Prenatal5, Weeks(41, 0), Overdue}, // not delivered yet
	} {
		assert.Equal(t, c.want, statusOf(p, on(c.at), c.k).Status, "%v at %v", c.k, c.at)
	}
	it := statusOf(p, lmp, Prenatal2)
	assert.Equal(t, lmp.AddDays(112), it.Opens)
	assert.Equal(t, lmp.AddDays(146), it.Closes)
}

func TestScheduleDoneAndEnded(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	p.FirstExam = &FirstExam{Contact: Contact{Date: lmp.AddDays(91)}} // 13+0: late
	p.Visits = []PrenatalVisit{{Contact: Contact{Date: lmp.AddDays(120)}, Number: 2}}
	it := statusOf(p, lmp.AddDays(200), Prenatal1)
	assert.Equal(t, Done, it.Status)
	assert.False(t, it.OnTime, "first exam at 13+0 is out of its window")
	it = statusOf(p, lmp.AddDays(200), Prenatal2)
	assert.Equal(t, Done, it.Status)
	assert.True(t, it.OnTime)
	assert.False(t, p.EarlyBooked())

	// Delivered at 35+0: visit 4 was due and is missed; visit 5 never opened.
	p.Delivery = &Delivery{Date: lmp.AddDays(245), Place: Hospital, Mode: Vaginal, LiveBirths: 1}
	assert.Equal(t, Missed, statusOf(p, lmp.AddDays(250), Prenatal4).Status)
	assert.Equal(t, NotApplicable, statusOf(p, lmp.AddDays(250), Prenatal5).Status)
	assert.Equal(t, Missed, statusOf(p, lmp.AddDays(250), Prenatal3).Status)
}

// TestPostpartumSchedule: the home visit is due within 1 week after discharge
// (nbphs-spec §5.1), overdue to day 28 (§5.4), then missed; the 42-day check opens on
// day 42.
func TestPostpartumSchedule(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	assert.Equal(t, NotApplicable, statusOf(p, lmp, HomeVisit).Status)
	assert.Equal(t, NotApplicable, statusOf(p, lmp, Check42).Status)
	delivered := d(2024, 10, 7)
	discharged := d(2024, 10, 10)
	p.Delivery = &Delivery{Date: delivered, Place: Hospital, Mode: Vaginal, LiveBirths: 1, Discharged: discharged}
	for _, c := range []struct {
		days int // after discharge
		want Status
	}{
		{-1, Upcoming}, {0, Due}, {7, Due}, {8, Overdue}, {28, Overdue}, {29, Missed},
	} {
		assert.Equal(t, c.want, statusOf(p, discharged.AddDays(c.days), HomeVisit).Status, "day %d", c.days)
	}
	assert.Equal(t, Upcoming, statusOf(p, delivered.AddDays(41), Check42).Status)
	assert.Equal(t, Due, statusOf(p, delivered.AddDays(42), Check42).Status)
	assert.Equal(t, Due, statusOf(p, delivered.AddDays(100), Check42).Status)

	// Without a discharge date (home birth) the week counts from delivery.
	p.Delivery.Discharged = gongwei.Date{}
	assert.Equal(t, Due, statusOf(p, delivered.AddDays(7), HomeVisit).Status)
	assert.Equal(t, Overdue, statusOf(p, delivered.AddDays(8), HomeVisit).Status)

	p.Postpartum = []PostpartumVisit{{Contact: Contact{Date: delivered.AddDays(10)}, Kind: PostpartumHomeVisit}}
	it := statusOf(p, delivered.AddDays(20), HomeVisit)
	assert.Equal(t, Done, it.Status)
	assert.False(t, it.OnTime)
	assert.True(t, p.VisitedAfterDelivery(), "day 10 is within 28 days")
	p.Postpartum[0].Date = delivered.AddDays(29)
	assert.False(t, p.VisitedAfterDelivery(), "day 29 is beyond 28 days")
	p.Postpartum[0].Date = delivered.AddDays(28)
	assert.True(t, p.VisitedAfterDelivery())
}

func TestPending(t *testing.T) {
	lmp := d(2024, 1, 1)
	p := newPregnancy(lmp)
	pend := p.Pending(lmp.AddDays(int(Weeks(14, 0))))
	require.Len(t, pend, 1)
	assert.Equal(t, Prenatal1, pend[0].Kind)
	assert.Equal(t, Overdue, pend[0].Status)
}
