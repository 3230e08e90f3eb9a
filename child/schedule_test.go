package child

import (
	"slices"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

func d(y int, m time.Month, day int) gongwei.Date { return gongwei.MustDate(y, m, day) }

func testChild() *Child {
	return &Child{ID: "c1", Resident: "r1", Village: "110105001101", Sex: gongwei.Female,
		BirthDate: d(2024, 1, 15), DischargeDate: d(2024, 1, 18)}
}

func find(t *testing.T, items []Item, k VisitKind, task Task) Item {
	t.Helper()
	for _, it := range items {
		if it.Kind == k && it.Task == task {
			return it
		}
	}
	t.Fatalf("no %s/%s in schedule", k, task)
	return Item{}
}

// TestPlanWindows: the windows of nbphs-spec §4.1, §4.2 and §11.2 for a child born
// 2024-01-15 and discharged 2024-01-18.
func TestPlanWindows(t *testing.T) {
	c := testChild()
	plan := Plan(c)
	want := []struct {
		k          VisitKind
		task       Task
		start, end gongwei.Date // End excluded
		missed     gongwei.Date
	}{
		// Newborn: within 1 week after discharge: 01-18 .. 01-25; missed after the neonatal
		// period (day 28 = 02-12).
		{KindNewborn, TaskVisit, d(2024, 1, 18), d(2024, 1, 26), d(2024, 2, 12)},
		// 满月: days 28–30 = 02-12 .. 02-14; missed when the 3-month window opens.
		{KindFullMonth, TaskVisit, d(2024, 2, 12), d(2024, 2, 15), d(2024, 4, 15)},
		// 3 months: 04-15 + 0..29 days.
		{Kind3m, TaskVisit, d(2024, 4, 15), d(2024, 5, 15), d(2024, 7, 15)},
		{Kind6m, TaskVisit, d(2024, 7, 15), d(2024, 8, 14), d(2024, 9, 15)},
		// Hb once at 6–8 months: 6-month start to 8-month end; missed from the 18-month window.
		{Kind6m, TaskHb, d(2024, 7, 15), d(2024, 10, 15), d(2025, 7, 15)},
		// Hearing at 6 months, next at 12.
		{Kind6m, TaskHearing, d(2024, 7, 15), d(2024, 8, 14), d(2025, 1, 15)},
		{Kind12m, TaskTCM, d(2025, 1, 15), d(2025, 2, 14), d(2025, 7, 15)},
		// The last TCM guidance (36 months) is missed when its window closes.
		{Kind36m, TaskTCM, d(2027, 1, 15), d(2027, 2, 14), d(2027, 2, 14)},
		// The 6-year check is missed at the 7th birthday.
		{Kind6y, TaskVisit, d(2030, 1, 15), d(2030, 2, 14), d(2031, 1, 15)},
		{Kind6y, TaskHb, d(2030, 1, 15), d(2030, 2, 14), d(2031, 1, 15)},
	}
	for _, w := range want {
		var got *Planned
		for i := range plan {
			if plan[i].Kind == w.k && plan[i].Task == w.task {
				got = &plan[i]
			}
		}
		if got == nil {
			t.Errorf("%s/%s not planned", w.k, w.task)
			continue
		}
		if got.Window.Start != w.start || got.Window.End != w.end || got.MissedFrom != w.missed {
			t.Errorf("%s/%s: %v missed %v; want [%v, %v) missed %v", w.k, w.task, got.Window, got.MissedFrom, w.start, w.end, w.missed)
		}
	}
	// 13 visits and 13 vision checks; Hb at 6–8, 18, 30 months and 4, 5, 6 years;
	// hearing at 6, 12, 24, 36 months; TCM at 6, 12, 18, 24, 30, 36 months.
	count := map[Task]int{}
	for _, p := range plan {
		count[p.Task]++
	}
	if count[TaskVisit] != 13 || count[TaskVision] != 13 || count[TaskHb] != 6 || count[TaskHearing] != 4 || count[TaskTCM] != 6 {
		t.Errorf("counts %v", count)
	}
	// Home birth: the newborn window starts at birth.
	c.DischargeDate = gongwei.Date{}
	if w := Plan(c)[0].Window; w.Start != c.BirthDate || w.End != d(2024, 1, 23) {
		t.Errorf("home birth window %v", w)
	}
}

// TestScheduleStatuses: due, overdue, missed and done at every boundary.
func TestScheduleStatuses(t *testing.T) {
	c := testChild()
	cases := []struct {
		on   gongwei.Date
		k    VisitKind
		want Status
	}{
		{d(2024, 1, 17), KindNewborn, Upcoming},
		{d(2024, 1, 18), KindNewborn, Due},
		{d(2024, 1, 25), KindNewborn, Due}, // discharge + 7 days
		{d(2024, 1, 26), KindNewborn, Overdue},
		{d(2024, 2, 11), KindNewborn, Overdue},
		{d(2024, 2, 12), KindNewborn, Missed}, // day 28
		{d(2024, 2, 11), KindFullMonth, Upcoming},
		{d(2024, 2, 12), KindFullMonth, Due},
		{d(2024, 2, 14), KindFullMonth, Due}, // day 30
		{d(2024, 2, 15), KindFullMonth, Overdue},
		{d(2024, 4, 14), KindFullMonth, Overdue},
		{d(2024, 4, 15), KindFullMonth, Missed},
		{d(2024, 5, 14), Kind3m, Due}, // 3 months + 29 days
		{d(2024, 5, 15), Kind3m, Overdue},
	}
	for _, cse := range cases {
		it := find(t, Schedule(c, nil, cse.on), cse.k, TaskVisit)
		if it.Status != cse.want {
			t.Errorf("%v %s: %v, want %v", cse.on, cse.k, it.Status, cse.want)
		}
	}

	visits := []*Visit{
		{ID: "v1", Child: "c1", Kind: KindNewborn, Date: d(2024, 1, 22), Vision: CheckNormal},
		{ID: "v2", Child: "c1", Kind: Kind6m, Date: d(2024, 8, 13), Hearing: CheckNormal, TCMGuidance: true}, // 6 months + 29 days
		{ID: "v3", Child: "c1", Kind: Kind8m, Date: d(2024, 9, 20), HbGL: 112},                               // Hb inside 6–8 months
		{ID: "v4", Child: "c1", Kind: Kind12m, Date: d(2025, 2, 14), TCMGuidance: true},                      // one day late
		{ID: "v5", Child: "c1", Kind: Kind18m, Date: d(2025, 7, 20)},                                         // after `on`: ignored
	}
	items := Schedule(c, visits, d(2025, 7, 1))
	check := func(k VisitKind, task Task, want Status, visit VisitID) {
		t.Helper()
		it := find(t, items, k, task)
		if it.Status != want || it.Visit != visit {
			t.Errorf("%s/%s: %v by %q, want %v by %q", k, task, it.Status, it.Visit, want, visit)
		}
	}
	check(KindNewborn, TaskVisit, Done, "v1")
	check(KindNewborn, TaskVision, Done, "v1")
	check(KindFullMonth, TaskVisit, Missed, "")
	check(Kind6m, TaskVisit, Done, "v2")
	check(Kind6m, TaskHearing, Done, "v2")
	check(Kind6m, TaskTCM, Done, "v2")
	check(Kind6m, TaskVision, Missed, "") // not done at the 6-month visit, missed once the 8-month window opened
	check(Kind6m, TaskHb, Done, "v3")
	check(Kind8m, TaskVisit, Done, "v3")
	check(Kind12m, TaskVisit, DoneLate, "v4")
	check(Kind12m, TaskTCM, DoneLate, "v4")
	check(Kind12m, TaskHearing, Overdue, "") // missed only when the 24-month window opens
	check(Kind18m, TaskVisit, Upcoming, "")
	check(Kind18m, TaskHb, Upcoming, "")

	// Death: nothing planned from the date of death.
	c.DeathDate = d(2024, 3, 1)
	for _, p := range Plan(c) {
		if !p.Window.Start.Before(c.DeathDate) {
			t.Errorf("planned after death: %+v", p)
		}
	}
	if n := len(Plan(c)); n != 4 { // newborn and 满月, visit and vision each
		t.Errorf("after death: %d items", n)
	}
}

func TestVisitKindLabel(t *testing.T) {
	if !Kind6m.IsValid() || !KindExtra.IsValid() || VisitKind("m7").IsValid() {
		t.Error("IsValid")
	}
	if got := KindFullMonth.Label(language.SimplifiedChinese); got != "满月健康管理" {
		t.Errorf("label %q", got)
	}
	if got := Kind6m.Label(language.English); got != "6-month check" {
		t.Errorf("label %q", got)
	}
}

// TestSchedulerEqualsAppendSchedule: a Scheduler, which keeps the plans of the dates it
// has seen, gives exactly the schedules of AppendSchedule — for children sharing a
// birth day with others born at home, discharged later or dead, on several dates.
func TestSchedulerEqualsAppendSchedule(t *testing.T) {
	base := testChild()
	visits := []*Visit{
		{ID: "v1", Child: "c1", Kind: KindNewborn, Date: d(2024, 1, 22), Vision: CheckNormal},
		{ID: "v2", Child: "c1", Kind: Kind6m, Date: d(2024, 8, 13), Hearing: CheckNormal, TCMGuidance: true},
		{ID: "v3", Child: "c1", Kind: Kind8m, Date: d(2024, 9, 20), HbGL: 112},
		{ID: "v4", Child: "c1", Kind: Kind12m, Date: d(2025, 2, 14), TCMGuidance: true},
	}
	var s Scheduler
	var got, want []Item
	n := 0
	for round := 0; round < 2; round++ { // the second round finds every plan kept
		for i, c := range birthVariants(base) {
			variant := i % 3
			for _, on := range []gongwei.Date{d(2024, 2, 1), d(2024, 12, 31), d(2025, 7, 1)} {
				got = s.AppendSchedule(got[:0], &c, visits, on)
				want = AppendSchedule(want[:0], &c, visits, on)
				if !slices.Equal(got, want) {
					t.Fatalf("birth %v, variant %d, on %v: the Scheduler's schedule differs", c.BirthDate, variant, on)
				}
				n++
			}
		}
	}
	// One plan per birth day.
	if len(s.plans) != 3 || n != 2*14*3*3 {
		t.Fatalf("%d plans kept, %d schedules compared", len(s.plans), n)
	}
}

// itemsOf returns the items of schedule whose task is one of tasks, in order.
func itemsOf(schedule []Item, tasks []Task) []Item {
	var out []Item
	for _, it := range schedule {
		if slices.Contains(tasks, it.Task) {
			out = append(out, it)
		}
	}
	return out
}

// birthVariants are the children the Scheduler is compared on: base born on one of nine
// days (every third day up to 40, modulo 9), each in three variants in turn —
// discharged three days after birth, born at home (no discharge), and dead 100 days
// and more after birth.
func birthVariants(base *Child) []Child {
	var cs []Child
	for day := 0; day < 40; day += 3 {
		for variant := 0; variant < 3; variant++ {
			c := *base
			c.BirthDate = base.BirthDate.AddDays(day % 9)
			c.DischargeDate = c.BirthDate.AddDays(3)
			switch variant {
			case 1:
				c.DischargeDate = gongwei.Date{} // born at home
			case 2:
				c.DeathDate = c.BirthDate.AddDays(100 + day)
			}
			cs = append(cs, c)
		}
	}
	return cs
}

// TestAppendTasksEqualsSchedule: the items AppendTasks gives for some tasks are exactly
// those of AppendSchedule with those tasks, in order, with the same statuses and visits
// — for every set of one or two tasks, children born at home, discharged later or dead,
// visits giving several services, on several dates.
func TestAppendTasksEqualsSchedule(t *testing.T) {
	base := testChild()
	visits := []*Visit{
		{ID: "v1", Child: "c1", Kind: KindNewborn, Date: d(2024, 1, 22), Vision: CheckNormal},
		{ID: "v2", Child: "c1", Kind: Kind6m, Date: d(2024, 8, 13), Hearing: CheckNormal, TCMGuidance: true, HbGL: 118},
		{ID: "v3", Child: "c1", Kind: Kind8m, Date: d(2024, 9, 20), HbGL: 112, TCMGuidance: true},
		{ID: "v4", Child: "c1", Kind: Kind12m, Date: d(2025, 2, 14), TCMGuidance: true, Vision: CheckNormal},
		{ID: "v5", Child: "c1", Kind: KindExtra, Date: d(2025, 3, 1), TCMGuidance: true, Hearing: CheckNormal},
		{ID: "v6", Child: "c1", Kind: Kind18m, Date: d(2025, 8, 2), HbGL: 121},
	}
	all := []Task{TaskVisit, TaskHb, TaskHearing, TaskVision, TaskTCM}
	var sets [][]Task
	for i, a := range all {
		sets = append(sets, []Task{a})
		for _, b := range all[i+1:] {
			sets = append(sets, []Task{a, b})
		}
	}
	var s Scheduler
	var got, full []Item
	kept := 0
	for i, c := range birthVariants(base) {
		variant := i % 3
		for _, on := range []gongwei.Date{d(2024, 2, 1), d(2024, 12, 31), d(2025, 7, 1), d(2026, 1, 1)} {
			full = AppendSchedule(full[:0], &c, visits, on)
			for _, tasks := range sets {
				want := itemsOf(full, tasks)
				got = s.AppendTasks(got[:0], &c, visits, on, tasks...)
				if !slices.Equal(got, want) {
					t.Fatalf("birth %v, variant %d, on %v, tasks %v: %d items, want %d (%v)", c.BirthDate, variant, on, tasks, len(got), len(want), want)
				}
				kept += len(got)
			}
		}
	}
	// The same tasks asked child after child, twice over: the plans cut to those tasks
	// are kept and found again, and give the same items.
	for _, tasks := range sets {
		for round := 0; round < 2; round++ {
			for _, c := range birthVariants(base) {
				on := d(2025, 7, 1)
				full = AppendSchedule(full[:0], &c, visits, on)
				want := itemsOf(full, tasks)
				got = s.AppendTasks(got[:0], &c, visits, on, tasks...)
				if !slices.Equal(got, want) {
					t.Fatalf("round %d, birth %v, tasks %v: %d items, want %d", round, c.BirthDate, tasks, len(got), len(want))
				}
				kept += len(got)
			}
		}
		if len(s.cut) != 3 { // the variants are born on three days
			t.Fatalf("tasks %v: %d cut plans kept, want 3", tasks, len(s.cut))
		}
	}
	if kept == 0 {
		t.Fatal("no item compared")
	}
	if got := s.AppendTasks(nil, base, visits, d(2025, 7, 1)); got != nil {
		t.Errorf("no task: %d items", len(got))
	}
}
