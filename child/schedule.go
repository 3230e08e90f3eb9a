package child

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// VisitKind names a scheduled contact of the child health management. Its values are
// stable codes.
type VisitKind string

// The contacts of nbphs-spec §4.1: the newborn home visit, the 满月 visit, the checks at
// 3, 6, 8, 12, 18, 24, 30 and 36 months and once a year at 4, 5 and 6 years.
const (
	KindNewborn   VisitKind = "newborn"    // 新生儿家庭访视
	KindFullMonth VisitKind = "full_month" // 满月健康管理
	Kind3m        VisitKind = "m3"
	Kind6m        VisitKind = "m6"
	Kind8m        VisitKind = "m8"
	Kind12m       VisitKind = "m12"
	Kind18m       VisitKind = "m18"
	Kind24m       VisitKind = "m24"
	Kind30m       VisitKind = "m30"
	Kind36m       VisitKind = "m36"
	Kind4y        VisitKind = "y4"
	Kind5y        VisitKind = "y5"
	Kind6y        VisitKind = "y6"
	// KindExtra is any other contact (an extra check, a 体弱儿 follow-up); its form notes
	// the actual age (nbphs-spec §4.1 [R15]).
	KindExtra VisitKind = "extra"
)

// Task is a service scheduled at the contacts.
type Task string

// The scheduled tasks (nbphs-spec §4.1, §4.2, §11.2).
const (
	// TaskVisit is the contact itself (访视/健康检查).
	TaskVisit Task = "visit"
	// TaskHb is a haemoglobin or blood routine test.
	TaskHb Task = "hb"
	// TaskHearing is a hearing screen by behavioural audiometry.
	TaskHearing Task = "hearing"
	// TaskVision is an eye and vision check.
	TaskVision Task = "vision"
	// TaskTCM is TCM health guidance (儿童中医药健康管理).
	TaskTCM Task = "tcm"
)

// contact is one scheduled contact and the services due at it.
type contact struct {
	kind   VisitKind
	months int // the age in months the window starts at (0 for the newborn contacts)
	tasks  []Task
}

// schedule is the national schedule of contacts (nbphs-spec §4.1, §4.2, §11.2):
//
//   - every contact: the visit and an eye/vision check (the 13 eye-care checks of the
//     2021 addition, nbphs-spec §4.2 [R18]);
//   - Hb: once at 6–8 months (the 6- and 8-month windows together), at 18 and 30 months
//     (nbphs-spec §4.2 [R14][R15]), and at the yearly 4–6-year checks (nbphs-spec §4.1
//     [R12][R14]; UNCONFIRMED in reference for the 3rd edition; implemented as given);
//   - hearing by behavioural audiometry at 6, 12, 24 and 36 months (nbphs-spec §4.2; the
//     months are UNCONFIRMED in reference; implemented as given);
//   - TCM guidance at 6, 12, 18, 24, 30 and 36 months (nbphs-spec §11.2 [R45]).
var schedule = []contact{
	{KindNewborn, 0, []Task{TaskVisit, TaskVision}},
	{KindFullMonth, 0, []Task{TaskVisit, TaskVision}},
	{Kind3m, 3, []Task{TaskVisit, TaskVision}},
	{Kind6m, 6, []Task{TaskVisit, TaskVision, TaskHb, TaskHearing, TaskTCM}},
	{Kind8m, 8, []Task{TaskVisit, TaskVision}},
	{Kind12m, 12, []Task{TaskVisit, TaskVision, TaskHearing, TaskTCM}},
	{Kind18m, 18, []Task{TaskVisit, TaskVision, TaskHb, TaskTCM}},
	{Kind24m, 24, []Task{TaskVisit, TaskVision, TaskHearing, TaskTCM}},
	{Kind30m, 30, []Task{TaskVisit, TaskVision, TaskHb, TaskTCM}},
	{Kind36m, 36, []Task{TaskVisit, TaskVision, TaskHearing, TaskTCM}},
	{Kind4y, 48, []Task{TaskVisit, TaskVision, TaskHb}},
	{Kind5y, 60, []Task{TaskVisit, TaskVision, TaskHb}},
	{Kind6y, 72, []Task{TaskVisit, TaskVision, TaskHb}},
}

// The windows (nbphs-spec §4.1).
const (
	// FullMonthFromDay and FullMonthToDay bound the 满月 visit: days 28 to 30 after birth.
	FullMonthFromDay, FullMonthToDay = 28, 30
	// MonthWindowDays is the length of a month-age window: a month-m check counts from m
	// months + 0 days to m months + 29 days ("12月 = 满12月至12月29天", nbphs-spec §4.1
	// [R15]). The same convention is applied to the 3-, 6-, 8-month and yearly windows,
	// UNCONFIRMED in reference; implemented as given.
	MonthWindowDays = 30
)

// IsValid reports whether k is one of the kinds defined here.
func (k VisitKind) IsValid() bool {
	if k == KindExtra {
		return true
	}
	for _, c := range schedule {
		if c.kind == k {
			return true
		}
	}
	return false
}

// Label returns the name of the contact in the language tag.
func (k VisitKind) Label(tag language.Tag) string {
	if !k.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("child.kind." + string(k))
}

// Planned is one service planned for a child with the window it is due in.
type Planned struct {
	// Kind is the contact.
	Kind VisitKind
	// Task is the service due at it.
	Task Task
	// Window is when it is due: Start included, End excluded.
	Window gongwei.Period
	// MissedFrom is the first day the service counts as missed rather than overdue: the
	// day the next contact giving the same service opens, the end of the neonatal period
	// (day 28) for the newborn visit, the 7th birthday for the last ones, and the end
	// of the window for the last TCM guidance (the service covers 0–36 months).
	MissedFrom gongwei.Date
}

// windowOf returns the window of a contact for child c (nbphs-spec §4.1).
func windowOf(ct contact, c *Child) gongwei.Period {
	switch ct.kind {
	case KindNewborn:
		// Within 1 week after discharge (出院后1周内): discharge day + 0..7 days; a birth
		// at home counts from the birth.
		start := c.DischargeDate
		if start.IsZero() {
			start = c.BirthDate
		}
		return gongwei.Days(start, newbornVisitWithinDays+1)
	case KindFullMonth:
		return gongwei.Period{Start: c.BirthDate.AddDays(FullMonthFromDay), End: c.BirthDate.AddDays(FullMonthToDay + 1)}
	}
	start := c.BirthDate.AddMonths(ct.months)
	return gongwei.Days(start, MonthWindowDays)
}

// Plan returns every service planned for child c from birth to its 7th birthday, in
// schedule order, with its window. The Hb test "once at 6–8 months" is one item under
// Kind6m whose window runs from the 6-month check to the end of the 8-month window.
// Services whose window opens on or after the child's death are left out.
func Plan(c *Child) []Planned {
	return appendPlan(make([]Planned, 0, plannedServices), c)
}

// plannedServices is the number of services the schedule plans for a child who lives to
// 7: the capacity Plan allocates at once.
var plannedServices = func() int {
	n := 0
	for _, ct := range schedule {
		n += len(ct.tasks)
	}
	return n
}()

// maxContacts bounds the schedule's length, so that the contacts' windows fit in an
// array on the stack (a test checks it).
const maxContacts = 32

// appendPlan appends Plan(c) to out.
func appendPlan(out []Planned, c *Child) []Planned {
	var buf [2 * maxContacts]Planned
	return fitPlan(out, appendBirthPlan(buf[:0], c.BirthDate), c)
}

// appendBirthPlan appends the plan of a child born on birth, at home, alive: what every
// child born that day shares. fitPlan fits it to one child.
func appendBirthPlan(out []Planned, birth gongwei.Date) []Planned {
	c := &Child{BirthDate: birth}
	end := c.BirthDate.AddYears(childServiceEndYears)
	var windows [maxContacts]gongwei.Period
	for i, ct := range schedule {
		windows[i] = windowOf(ct, c)
	}
	for i, ct := range schedule {
		w := windows[i]
		for _, s := range ct.tasks {
			p := Planned{Kind: ct.kind, Task: s, Window: w}
			if s == TaskHb && ct.kind == Kind6m {
				p.Window.End = windows[i+1].End // 6–8 months
			}
			p.MissedFrom = end
			for j, next := range schedule[i+1:] {
				if next.kind == Kind8m && s == TaskHb && ct.kind == Kind6m {
					continue
				}
				if slicesContains(next.tasks, s) {
					p.MissedFrom = windows[i+1+j].Start
					break
				}
			}
			switch {
			case ct.kind == KindNewborn:
				p.MissedFrom = c.BirthDate.AddDays(neonatalPeriodDays)
			case s == TaskTCM && ct.kind == Kind36m:
				p.MissedFrom = p.Window.End
			}
			if p.MissedFrom.Before(p.Window.End) {
				p.MissedFrom = p.Window.End
			}
			out = append(out, p)
		}
	}
	return out
}

// fitPlan appends to out the plan of its birth day fitted to child c (see fit).
func fitPlan(out, birthPlan []Planned, c *Child) []Planned {
	newborn := windowOf(schedule[0], c)
	for _, p := range birthPlan {
		if fit(&p, c, newborn) {
			out = append(out, p)
		}
	}
	return out
}

// fit fits p, an item of the plan of c's birth day, to child c, and reports whether c
// has it: the newborn visit's window is newborn (windowOf, counted from the discharge;
// no other item depends on it), and no service whose window opens on or after the
// child's death is planned.
func fit(p *Planned, c *Child, newborn gongwei.Period) bool {
	if p.Kind == KindNewborn {
		p.Window = newborn
		p.MissedFrom = c.BirthDate.AddDays(neonatalPeriodDays)
		if p.MissedFrom.Before(p.Window.End) {
			p.MissedFrom = p.Window.End
		}
	}
	return c.DeathDate.IsZero() || p.Window.Start.Before(c.DeathDate)
}

func slicesContains(s []Task, x Task) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

// Status is where a planned service stands on a date.
type Status uint8

// The statuses.
const (
	// Upcoming: the window has not opened.
	Upcoming Status = iota + 1
	// Due: the window is open and the service not given.
	Due
	// Overdue: the window has closed, the service was not given, and it can still be
	// caught up before MissedFrom.
	Overdue
	// Missed: not given by MissedFrom.
	Missed
	// Done: given in its window.
	Done
	// DoneLate: given after its window closed.
	DoneLate
)

// String returns the status code.
func (s Status) String() string {
	switch s {
	case Upcoming:
		return "upcoming"
	case Due:
		return "due"
	case Overdue:
		return "overdue"
	case Missed:
		return "missed"
	case Done:
		return "done"
	case DoneLate:
		return "done_late"
	}
	return ""
}

// Item is a planned service with its status on a date.
type Item struct {
	Planned
	// Status is the status on the date asked.
	Status Status
	// Visit is the visit that gave the service, when Done or DoneLate.
	Visit VisitID
	// On is the date it was given.
	On gongwei.Date
}

// gives reports whether visit v gives service s of contact k.
func gives(v *Visit, k VisitKind, s Task) bool {
	switch s {
	case TaskVisit:
		return v.Kind == k
	case TaskHb:
		return v.HbGL > 0
	case TaskHearing:
		return v.Hearing.Done()
	case TaskVision:
		return v.Kind == k && v.Vision.Done()
	case TaskTCM:
		return v.TCMGuidance
	}
	return false
}

// Schedule returns the plan of child c ([Plan]) with the status of each service on date
// on, given the child's visits up to that date (visits after on are ignored).
//
// A service is Done when a visit in its window gives it: for the visit itself a visit
// recorded as that contact (Kind); for the vision check a visit of that contact with
// the check done; for Hb, hearing and TCM guidance any visit in the window with the test
// or guidance recorded. A service given after its window but before MissedFrom (by the
// contact's own visit, or for Hb, hearing and TCM any visit) is DoneLate. Otherwise it is
// Upcoming before its window, Due in it, Overdue after it and Missed from MissedFrom.
// A visit gives a test, check or guidance to one planned item only (the earliest one
// it fits).
func Schedule(c *Child, visits []*Visit, on gongwei.Date) []Item {
	return AppendSchedule(nil, c, visits, on)
}

// AppendSchedule appends Schedule(c, visits, on) to dst and returns the extended slice:
// a computation that schedules many children reuses one buffer and allocates nothing
// once it has grown (and visits are at most 64).
func AppendSchedule(dst []Item, c *Child, visits []*Visit, on gongwei.Date) []Item {
	var pbuf [2 * maxContacts]Planned
	return appendSchedule(dst, appendBirthPlan(pbuf[:0], c.BirthDate), c, visits, on)
}

// A Scheduler schedules many children ([AppendSchedule]) and keeps the plan of each
// birth day it has seen: the children of a county are born on a few thousand days, so
// most plans are found instead of worked out, then fitted to the child's discharge and
// death. Its schedules are those of AppendSchedule. The zero Scheduler is ready to use;
// it is not safe for concurrent use (give each goroutine its own).
type Scheduler struct {
	plans map[gongwei.Date][]Planned
	// cut keeps each birth day's plan cut to the items of cutTasks, the tasks of the last
	// AppendTasks: a computation asks for the same tasks child after child, and then
	// reads only the items of those tasks instead of every item of the plan.
	cutTasks []Task
	cut      map[gongwei.Date][]Planned
	// full is the buffer a birth day's whole plan is worked out in before it is cut:
	// the whole plans are not kept for AppendTasks, only the cut ones.
	full []Planned
}

// maxPlans bounds the plans a Scheduler keeps; it starts afresh when full.
const maxPlans = 1 << 14

// AppendSchedule appends Schedule(c, visits, on) to dst and returns the extended slice.
func (s *Scheduler) AppendSchedule(dst []Item, c *Child, visits []*Visit, on gongwei.Date) []Item {
	return appendSchedule(dst, s.birthPlan(c.BirthDate), c, visits, on)
}

// AppendTasks appends to dst the items of AppendSchedule(nil, c, visits, on) whose task
// is one of tasks, in the same order and with the same statuses, and returns the
// extended slice. An item's status depends only on the child's visits and on the
// earlier items of its own task (a visit gives a test, check or guidance to one item of
// that task), so leaving the other tasks out changes nothing in those kept; a
// computation that reads some tasks only (the contacts and the TCM guidance, say) skips
// the work of the others.
func (s *Scheduler) AppendTasks(dst []Item, c *Child, visits []*Visit, on gongwei.Date, tasks ...Task) []Item {
	if len(tasks) == 0 {
		return dst
	}
	return appendSchedule(dst, s.taskPlan(c.BirthDate, tasks), c, visits, on)
}

// taskPlan returns the plan of birth day birth cut to the items of tasks, in the plan's
// order, kept or worked out and kept.
func (s *Scheduler) taskPlan(birth gongwei.Date, tasks []Task) []Planned {
	if !slices.Equal(tasks, s.cutTasks) {
		s.cutTasks = append(s.cutTasks[:0], tasks...)
		clear(s.cut)
	}
	cut, ok := s.cut[birth]
	if !ok {
		if s.cut == nil || len(s.cut) >= maxPlans {
			s.cut = make(map[gongwei.Date][]Planned)
		}
		s.full = appendBirthPlan(s.full[:0], birth)
		n := 0
		for _, p := range s.full {
			if slicesContains(tasks, p.Task) {
				n++
			}
		}
		if n > 0 {
			cut = make([]Planned, 0, n)
			for _, p := range s.full {
				if slicesContains(tasks, p.Task) {
					cut = append(cut, p)
				}
			}
		}
		s.cut[birth] = cut
	}
	return cut
}

// birthPlan returns the plan of birth day birth, kept or worked out and kept.
func (s *Scheduler) birthPlan(birth gongwei.Date) []Planned {
	base, ok := s.plans[birth]
	if !ok {
		if s.plans == nil || len(s.plans) >= maxPlans {
			s.plans = make(map[gongwei.Date][]Planned)
		}
		base = appendBirthPlan(make([]Planned, 0, plannedServices), birth)
		s.plans[birth] = base
	}
	return base
}

// appendSchedule appends the schedule of c from the plan of its birth day (or that plan
// cut to some tasks), fitted to c item by item (fit).
func appendSchedule(dst []Item, birthPlan []Planned, c *Child, visits []*Visit, on gongwei.Date) []Item {
	var vbuf [64]*Visit
	vs := vbuf[:0]
	for _, v := range visits {
		if v != nil && !v.Date.After(on) && !v.Date.Before(c.BirthDate) {
			vs = append(vs, v)
		}
	}
	byDate := func(a, b *Visit) int { return a.Date.Compare(b.Date) }
	if !slices.IsSortedFunc(vs, byDate) { // stores yield visits by date already
		slices.SortStableFunc(vs, byDate)
	}
	// used holds the (task, visit) pairs already given: a visit gives a test, check
	// or guidance to one item only.
	type given struct {
		task  Task
		visit VisitID
	}
	var ubuf [32]given
	used := ubuf[:0]
	isUsed := func(t Task, v VisitID) bool {
		for _, u := range used {
			if u.task == t && u.visit == v {
				return true
			}
		}
		return false
	}
	dst = slices.Grow(dst, len(birthPlan))
	newborn := windowOf(schedule[0], c)
	for i := range birthPlan {
		p := birthPlan[i]
		if !fit(&p, c, newborn) {
			continue
		}
		it := Item{Planned: p}
		// The visits dated in [Window.Start, MissedFrom), in date order: the first at
		// or after the window's start by binary search, up to the first at MissedFrom.
		lo, hi := 0, len(vs)
		for lo < hi {
			if mid := int(uint(lo+hi) >> 1); vs[mid].Date.Before(p.Window.Start) {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		for _, v := range vs[lo:] {
			if !v.Date.Before(p.MissedFrom) {
				break
			}
			if !gives(v, p.Kind, p.Task) {
				continue
			}
			if p.Task != TaskVisit && isUsed(p.Task, v.ID) {
				continue
			}
			if p.Task == TaskVisit || p.Task == TaskVision || p.Window.Contains(v.Date) || it.Visit == "" {
				it.Visit, it.On = v.ID, v.Date
				if p.Window.Contains(v.Date) {
					break
				}
			}
		}
		switch {
		case it.Visit != "":
			it.Status = Done
			if !p.Window.Contains(it.On) {
				it.Status = DoneLate
			}
			if p.Task != TaskVisit { // isUsed is asked of the other tasks only
				used = append(used, given{p.Task, it.Visit})
			}
		case on.Before(p.Window.Start):
			it.Status = Upcoming
		case p.Window.Contains(on):
			it.Status = Due
		case on.Before(p.MissedFrom):
			it.Status = Overdue
		default:
			it.Status = Missed
		}
		dst = append(dst, it)
	}
	return dst
}
