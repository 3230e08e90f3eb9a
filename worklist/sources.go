package worklist

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/maternal"
)

// mergeChronic is the Group of the items one contact of a chronic-disease patient
// may cover: the follow-ups of every condition (chronic.MergePlan: each keeps its own
// due date, and a patient seen by the earliest may have them all at once) and the
// yearly checkup, which the specification lets be combined with a follow-up
// (nbphs-spec §7.4, §9.3, as chronic.MergePlan reads them; the wording is UNCONFIRMED
// in reference, implemented as given). Merging only groups the items of a visit: each
// keeps its own window and status.
const mergeChronic = "chronic"

// conditionRule maps a condition to its service and the section of its follow-up rule.
var conditionRule = map[chronic.Condition]struct {
	service Service
	source  string
	// lateIsUrgent: an overdue follow-up of this condition is urgent (the patient may
	// harm themselves or others, or stop a treatment that must not stop).
	lateIsUrgent bool
}{
	chronic.Hypertension: {Hypertension, "nbphs-spec §7.2", false},
	chronic.Diabetes:     {Diabetes, "nbphs-spec §8", false},
	chronic.Mental:       {Mental, "nbphs-spec §9.2", true},
	chronic.Tuberculosis: {Tuberculosis, "nbphs-spec §10.1", true},
}

// ChronicSource lists the follow-ups of chronic-disease patients due by the end of the
// range, by chronic.NextVisit (every visit up to the range's last day counts, so a
// follow-up recorded in the range takes its patient off the list). A follow-up due
// before the range is overdue. The active follow-up of an urgent referral (within 2
// weeks, nbphs-spec §7.2, §10.1) is urgent, and so is an overdue follow-up of a severe
// mental disorder or TB patient.
type ChronicSource struct{}

// Append implements [Source].
func (ChronicSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	for _, c := range s.Chronic {
		if c.Patient == nil {
			continue
		}
		rule, ok := conditionRule[c.Patient.Condition]
		if !ok {
			continue
		}
		d, ok := chronic.NextVisit(c.Patient, c.Visits, r.Last())
		if !ok || d.Date.IsZero() || !d.Date.Before(r.End) {
			continue
		}
		it := Item{
			Service: rule.service, Status: Due, Window: gongwei.Period{End: d.Date.AddDays(1)},
			Source: rule.source, Urgent: d.Referral, Group: mergeChronic,
			What: "worklist.what.followup", Args: []any{rule.service},
		}
		if d.Referral {
			it.What = "worklist.what.referral"
		}
		if d.Date.Before(r.Start) {
			it.Status = Overdue
			it.Urgent = it.Urgent || rule.lateIsUrgent
		}
		dst = append(dst, it)
	}
	return dst
}

// phase is a schedule status common to the maternal and child schedules.
type phase uint8

const (
	pUpcoming phase = iota
	pDue
	pOverdue
	pMissed
	pDone
)

// classify places a scheduled item by its phase on the first (p0) and last (p1) day
// of the range: listed when it is due or overdue on some day of the range and not
// done by its end; Missed when it is missed by the range's end but was not before.
func classify(p0, p1 phase) (Status, bool) {
	switch {
	case p1 == pDone || p1 == pUpcoming:
		return 0, false
	case p1 == pMissed:
		return Missed, p0 != pMissed
	case p0 == pOverdue:
		return Overdue, true
	}
	return Due, true
}

// statusPhase returns the phase of a schedule's status s, given the package's
// upcoming, due, overdue and missed statuses; any other status is done (or not
// applicable).
func statusPhase[S comparable](s, upcoming, due, overdue, missed S) phase {
	switch s {
	case upcoming:
		return pUpcoming
	case due:
		return pDue
	case overdue:
		return pOverdue
	case missed:
		return pMissed
	}
	return pDone
}

func maternalPhase(s maternal.Status) phase {
	return statusPhase(s, maternal.Upcoming, maternal.Due, maternal.Overdue, maternal.Missed)
}

// MaternalSource lists the contacts of each pregnancy (five prenatal visits, the
// postpartum home visit and the 42-day check, nbphs-spec §5.1) by
// maternal.Pregnancy.Schedule on the range's first and last days.
type MaternalSource struct{}

// Append implements [Source].
func (MaternalSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	for _, p := range s.Pregnancies {
		if p == nil {
			continue
		}
		s0, s1 := p.Schedule(r.Start), p.Schedule(r.Last())
		if len(s0) != len(s1) {
			continue
		}
		for i, it1 := range s1 {
			st, ok := classify(maternalPhase(s0[i].Status), maternalPhase(it1.Status))
			if !ok {
				continue
			}
			w := gongwei.Period{Start: it1.Opens}
			if !it1.Closes.IsZero() {
				w.End = it1.Closes.AddDays(1)
			}
			dst = append(dst, Item{
				Service: Maternal, Status: st, Window: w, Source: "nbphs-spec §5.1",
				What: "worklist.what.plain", Args: []any{it1.Kind},
			})
		}
	}
	return dst
}

func childPhase(s child.Status) phase {
	return statusPhase(s, child.Upcoming, child.Due, child.Overdue, child.Missed)
}

// childTaskSource is the section of each child task's rule.
var childTaskSource = map[child.Task]string{
	child.TaskVisit:   "nbphs-spec §4.1",
	child.TaskHb:      "nbphs-spec §4.2",
	child.TaskHearing: "nbphs-spec §4.2",
	child.TaskVision:  "nbphs-spec §4.2",
	child.TaskTCM:     "nbphs-spec §11.2",
}

// ChildSource lists the checks of a child aged 0-6 and the tests and guidance given at
// them (nbphs-spec §4.1, §4.2, §11.2) by child.Schedule on the range's first and last
// days. The services of one contact are merged into one visit.
type ChildSource struct{}

// Append implements [Source].
func (ChildSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	if s.Child == nil || s.Child.Child == nil {
		return dst
	}
	c := s.Child.Child
	if !c.BirthDate.Before(r.End) {
		return dst
	}
	s0 := child.Schedule(c, s.Child.Visits, r.Start)
	s1 := child.Schedule(c, s.Child.Visits, r.Last())
	if len(s0) != len(s1) {
		return dst
	}
	for i, it1 := range s1 {
		st, ok := classify(childPhase(s0[i].Status), childPhase(it1.Status))
		if !ok {
			continue
		}
		it := Item{
			Service: Child, Status: st, Window: it1.Window, Source: childTaskSource[it1.Task],
			Group: "child." + string(it1.Kind), What: "worklist.what.plain", Args: []any{it1.Kind},
		}
		if it1.Task != child.TaskVisit {
			it.What, it.Args = "worklist.what.childtask", []any{it1.Kind, taskLabel(it1.Task)}
		}
		dst = append(dst, it)
	}
	return dst
}

// taskLabel is a child task with a label of the worklist's catalog.
type taskLabel child.Task

func (t taskLabel) Label(tag language.Tag) string {
	return gongwei.NewPrinter(tag).Sprintf("worklist.task." + string(t))
}

// ImmunizationSource lists the doses a registered child needs in the range (应种未种,
// nbphs-spec §3): those pending — due, overdue or catch-up — by immunization.Forecast on
// the range's last day (so a dose given in the range takes it off the list), as
// immunization's due list does. A dose is overdue when its timeliness limit
// (CompleteBefore, immunization.md §1.2) passed before the range.
type ImmunizationSource struct{}

// Append implements [Source].
func (ImmunizationSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	if s.Immunization == nil || s.Immunization.Registration == nil {
		return dst
	}
	reg := s.Immunization.Registration
	if reg.Child.Birth.IsZero() || !reg.Child.Birth.Before(r.End) {
		return dst
	}
	doses := make([]immunization.Dose, 0, len(s.Immunization.Vaccinations))
	for _, v := range s.Immunization.Vaccinations {
		if v != nil {
			doses = append(doses, v.Dose)
		}
	}
	for _, rec := range immunization.Forecast(immunization.ScheduleFor(reg.Child.Birth), reg.Child, doses, r.Last()) {
		if !rec.Status.IsPending() {
			continue
		}
		it := Item{
			Service: Immunization, Status: Due, Window: gongwei.Period{Start: rec.Recommended},
			Source: "nbphs-spec §3; immunization.md §1.2",
			What:   "worklist.what.dose", Args: []any{rec.Vaccine, rec.Dose},
		}
		if !rec.CompleteBefore.IsZero() && rec.CompleteBefore.After(rec.Recommended) {
			it.Window.End = rec.CompleteBefore
			if !r.Start.Before(rec.CompleteBefore) {
				it.Status = Overdue
			}
		}
		dst = append(dst, it)
	}
	return dst
}

// CheckupSource lists the yearly health checkup (健康体检表) of the residents aged 65 and
// over on the range's last day (nbphs-spec §6: one health-management service per year)
// and of the patients under hypertension, diabetes or severe mental disorder
// management (nbphs-spec §7.4, §8.2, §9.3), when no checkup of theirs is dated in the
// calendar year of the range's first day (chronic.AnnualCheckupDone). Its window is
// that year; it is Missed when the range runs past the year's end. A patient's checkup
// is merged with the follow-ups, as the specification allows.
type CheckupSource struct{}

// checkupRule is the section of the yearly checkup of each kind of resident.
var checkupRule = map[chronic.Condition]string{
	chronic.Hypertension: "nbphs-spec §7.4",
	chronic.Diabetes:     "nbphs-spec §8.2",
	chronic.Mental:       "nbphs-spec §9.3",
}

// Append implements [Source].
func (CheckupSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	year := r.Start.Year()
	var sources []string
	if healthrecord.IsElderlyOn(s.Resident.BirthDate, r.Last()) {
		sources = append(sources, "nbphs-spec §6")
	}
	for _, c := range s.Chronic {
		if c.Patient == nil || !c.Patient.ActiveOn(r.Start) {
			continue
		}
		if src, ok := checkupRule[c.Patient.Condition]; ok && !containsString(sources, src) {
			sources = append(sources, src)
		}
	}
	if len(sources) == 0 || chronic.AnnualCheckupDone(s.Checkups, year) {
		return dst
	}
	st := Due
	if r.Last().Year() > year {
		st = Missed
	}
	return append(dst, Item{
		Service: Checkup, Status: st, Window: gongwei.Year(year), Source: strings.Join(sources, "; "),
		Group: mergeChronic, What: "worklist.what.checkup",
	})
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ContractSource lists the family-doctor contracts (家庭医生签约, plan-services §2.5)
// whose service period ends in the range with no later contract of the resident in
// force on the day after: renewal is due by the contract's last day.
type ContractSource struct{}

// Append implements [Source].
func (ContractSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	for _, c := range s.Contracts {
		if c == nil || !c.Period.IsValid() || !r.Contains(c.Period.Last()) {
			continue
		}
		renewed := false
		for _, o := range s.Contracts {
			if o != nil && o != c && o.ActiveOn(c.Period.End) {
				renewed = true
				break
			}
		}
		if renewed {
			continue
		}
		dst = append(dst, Item{
			Service: Contract, Status: Due, Window: gongwei.Period{Start: c.Period.Start, End: c.Period.End},
			Source: "plan-services §2.5; healthrecord.Contract.Period", What: "worklist.what.renewal",
		})
	}
	return dst
}
