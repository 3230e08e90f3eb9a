package supervision

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// InspectionID identifies an inspection; the host assigns it (or [Service] does).
type InspectionID string

// Season is the season of a drinking-water check: plan-targets.md asks water works to be
// checked twice a year, once in the dry season (枯水期) and once in the wet season (丰水期).
// Which months are dry or wet depends on the place: the inspector records the season.
type Season string

// The water seasons.
const (
	SeasonDry Season = "dry" // 枯水期
	SeasonWet Season = "wet" // 丰水期
)

// Inspection is one on-site inspection record (卫生计生监督协管巡查登记, nbphs-spec §16;
// plan-targets.md: "each with an on-site record").
type Inspection struct {
	// ID identifies the inspection in its store; Unit is the supervised unit inspected.
	ID   InspectionID
	Unit UnitID
	// Village is the unit's 12-digit village code, copied from the unit by [Service] so
	// that indicators group inspections without a join.
	Village healthrecord.Village
	// Date is the day of the inspection.
	Date gongwei.Date
	// Inspectors are the assistants' names or staff numbers (at least one).
	Inspectors []string
	// Items are the items checked (licences, certificates, disinfection, water quality ...).
	Items []string
	// Findings describes the problems found; empty when none.
	Findings []string
	// Season is the water season for drinking-water units; empty otherwise.
	Season Season
	// Opinion is the rectification opinion (卫生监督意见书) issued, nil when none.
	// plan-targets.md: "a rectification opinion for every unit with problems".
	Opinion *Opinion
	// Version is the optimistic-locking version.
	Version int64
}

// Opinion is a rectification opinion (卫生监督意见书) with its deadline and follow-up.
type Opinion struct {
	// Issued is the day the opinion was given; Deadline the last day to rectify.
	Issued   gongwei.Date
	Deadline gongwei.Date
	// Requirements lists what must be corrected.
	Requirements []string
	// FollowUp is the day of the follow-up check (复查), zero until done; Rectified is its
	// result.
	FollowUp  gongwei.Date
	Rectified bool
}

// OpinionState is where a rectification opinion stands on a date.
type OpinionState string

// The opinion states.
const (
	OpinionOpen      OpinionState = "open"      // deadline not passed, not checked
	OpinionOverdue   OpinionState = "overdue"   // deadline passed, no follow-up check
	OpinionRectified OpinionState = "rectified" // follow-up found it rectified
	OpinionFailed    OpinionState = "failed"    // follow-up found it not rectified: report to the supervision agency
)

// State returns the opinion's state on d.
func (o *Opinion) State(d gongwei.Date) OpinionState {
	switch {
	case !o.FollowUp.IsZero() && !o.FollowUp.After(d):
		if o.Rectified {
			return OpinionRectified
		}
		return OpinionFailed
	case d.After(o.Deadline):
		return OpinionOverdue
	default:
		return OpinionOpen
	}
}

// HasProblems reports whether the inspection found problems.
func (in *Inspection) HasProblems() bool { return len(in.Findings) > 0 }

// Validate reports every problem at once. An inspection with findings must carry an
// opinion (plan-targets.md).
func (in *Inspection) Validate() error { return in.validateOn(gongwei.Today()) }

func (in *Inspection) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.Inspection"
	in.plausible(&ve, today)
	ve.Check(in.ID != "", "ID", gongwei.CodeRequired)
	ve.Check(in.Unit != "", "Unit", gongwei.CodeRequired)
	ve.Check(!in.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(len(in.Inspectors) > 0, "Inspectors", gongwei.CodeRequired)
	for i, s := range in.Inspectors {
		ve.Check(strings.TrimSpace(s) != "", fmt.Sprintf("Inspectors[%d]", i), gongwei.CodeRequired)
	}
	ve.Check(len(in.Items) > 0, "Items", gongwei.CodeRequired)
	ve.Check(in.Season == "" || in.Season == SeasonDry || in.Season == SeasonWet, "Season", gongwei.CodeUnknownCode)
	ve.Check(!in.HasProblems() || in.Opinion != nil, "Opinion", CodeOpinionRequired)
	if o := in.Opinion; o != nil {
		ve.Check(!o.Issued.IsZero(), "Opinion.Issued", gongwei.CodeRequired)
		ve.Check(!o.Deadline.IsZero(), "Opinion.Deadline", gongwei.CodeRequired)
		ve.Check(o.Issued.IsZero() || in.Date.IsZero() || !o.Issued.Before(in.Date), "Opinion.Issued", gongwei.CodeOrder)
		ve.Check(o.Deadline.IsZero() || o.Issued.IsZero() || !o.Deadline.Before(o.Issued), "Opinion.Deadline", gongwei.CodeOrder)
		ve.Check(len(o.Requirements) > 0, "Opinion.Requirements", gongwei.CodeRequired)
		ve.Check(o.FollowUp.IsZero() || o.Issued.IsZero() || o.FollowUp.After(o.Issued), "Opinion.FollowUp", gongwei.CodeOrder)
		ve.Check(!o.Rectified || !o.FollowUp.IsZero(), "Opinion.Rectified", gongwei.CodeNotAllowed)
	}
	return ve.Err()
}

// Frequency is the inspection frequency rule of a unit kind.
type Frequency struct {
	// PerYear is the minimum number of on-site inspections a year; 0 for kinds inspected
	// only on a clue (information collected, leads followed). It must divide 12, so that
	// the year splits into equal slices of whole months, one inspection due in each.
	PerYear int
	// Seasonal asks for at least one check in the dry season and one in the wet season
	// (drinking water).
	Seasonal bool
}

// Frequencies is the per-kind inspection frequency rule. nbphs-spec §13 says only
// "定期" (regularly) and any national number is UNCONFIRMED (§17 item 9); the figures are
// the work plans' (plan-targets.md, 卫生监督协管): "≥4 inspections a unit a year" for every
// supervised unit, ≥4 for schools and medical institutions, water works twice a year
// (dry and wet season); family banquets: information collected and recorded; illegal
// practice and blood collection: leads reported, no schedule. They are local plan
// figures, not national rules: pass a host's own map to [Plan]. UNCONFIRMED in
// reference; implemented as given.
var Frequencies = map[UnitKind]Frequency{
	KindFood:            {PerYear: 4},
	KindBanquet:         {PerYear: 0},
	KindPublicPlace:     {PerYear: 4},
	KindWaterCentral:    {PerYear: 2, Seasonal: true},
	KindWaterSecondary:  {PerYear: 2, Seasonal: true},
	KindWaterSchool:     {PerYear: 2, Seasonal: true},
	KindSchool:          {PerYear: 4},
	KindMedical:         {PerYear: 4},
	KindOccupational:    {PerYear: 4},
	KindFamilyPlanning:  {PerYear: 4},
	KindIllegalPractice: {PerYear: 0},
	KindIllegalBlood:    {PerYear: 0},
}

// MinAssistantTrainingHours is the yearly training of each supervision assistant
// (协管员): ≥20 class hours per person per year (plan-targets.md, 卫生监督协管; a plan
// figure).
const MinAssistantTrainingHours = 20

// DueState is where a unit stands against its inspection frequency on a date.
type DueState string

// The due states.
const (
	StateNotScheduled DueState = "not_scheduled" // kind with no frequency, or unit not active
	StateOverdue      DueState = "overdue"       // fewer inspections than the slices already ended require
	StateDue          DueState = "due"           // on track, but the current slice's inspection is not done
	StateOnTrack      DueState = "on_track"      // the current slice's inspection is done too, or the year's quota is met
)

// PlanItem is one unit's line in an inspection plan.
type PlanItem struct {
	Unit  UnitID   // the supervised unit
	Kind  UnitKind // the unit's kind, which sets its quota
	State DueState // where the unit's inspections stand on the plan's date
	// Done is the number of inspections dated in the year up to and including the plan's
	// date; Required the number the slices already ended require (pro rata); PerYear the
	// year's quota.
	Done, Required, PerYear int
	// NextDue is the last day of the slice in which the next inspection falls due, zero
	// when the quota is met or the kind has no schedule.
	NextDue gongwei.Date
	// MissingSeasons lists the water seasons without a check so far this year.
	MissingSeasons []Season
}

// Plan says, for each unit active on asOf, how its inspections so far in asOf's calendar
// year compare with its kind's frequency (rules; nil means [Frequencies]). The rule is
// pro rata: a quota of n a year splits the year into n slices of 12/n months (quarters
// for 4, half-years for 2), and one inspection is due in each, by the slice's last day.
// Slices that ended before the unit was registered require nothing. inspections may hold
// any units' inspections and any dates: those of other units, or dated outside the year
// or after asOf, are ignored. Items come in the order of units.
func Plan(units []*Unit, inspections []*Inspection, asOf gongwei.Date, rules map[UnitKind]Frequency) []PlanItem {
	if rules == nil {
		rules = Frequencies
	}
	year := gongwei.Year(asOf.Year())
	byUnit := map[UnitID][]*Inspection{}
	for _, in := range inspections {
		if in != nil && year.Contains(in.Date) && !in.Date.After(asOf) {
			byUnit[in.Unit] = append(byUnit[in.Unit], in)
		}
	}
	out := make([]PlanItem, 0, len(units))
	for _, u := range units {
		if u == nil {
			continue
		}
		out = append(out, planUnit(u, byUnit[u.ID], asOf, rules[u.Kind]))
	}
	return out
}

// planUnit computes one unit's plan line (see Plan).
func planUnit(u *Unit, ins []*Inspection, asOf gongwei.Date, f Frequency) PlanItem {
	it := PlanItem{Unit: u.ID, Kind: u.Kind, PerYear: f.PerYear, Done: len(ins), State: StateNotScheduled}
	if f.PerYear <= 0 || 12%f.PerYear != 0 || !u.ActiveOn(asOf) {
		return it
	}
	months := 12 / f.PerYear
	y := asOf.Year()
	for k := 1; k <= f.PerYear; k++ {
		end := sliceEnd(y, k, months)
		if end.Before(u.Registered) {
			continue // slice over before the unit was registered
		}
		if !end.After(asOf) {
			it.Required++
		}
	}
	remaining := quota(u, f, y)
	if f.Seasonal {
		for _, s := range []Season{SeasonDry, SeasonWet} {
			if !slices.ContainsFunc(ins, func(in *Inspection) bool { return in.Season == s }) {
				it.MissingSeasons = append(it.MissingSeasons, s)
			}
		}
	}
	switch {
	case it.Done < it.Required:
		it.State = StateOverdue
	case it.Done >= remaining:
		it.State = StateOnTrack
	case it.Done == it.Required:
		it.State = StateDue
	default:
		it.State = StateOnTrack
	}
	if it.Done < remaining {
		// The next inspection (number Done+1 among the slices from registration) is due
		// by the end of its slice.
		first := f.PerYear - remaining // slices before registration
		k := first + it.Done + 1
		it.NextDue = sliceEnd(y, k, months)
	}
	return it
}

// sliceEnd returns the last day of slice k (counted from 1) of a year cut into slices of
// months months: the last day of month k*months of year y. A year outside 1 to 9999 is
// taken as the nearer end of the calendar (gongwei.Month).
func sliceEnd(y, k, months int) gongwei.Date {
	first := gongwei.Month(y, time.Month(k*months)).Start
	return first.AddDays(gongwei.DaysIn(first.Year(), first.Month()) - 1)
}

// MeetsFrequency reports whether the unit's inspections in year (any dates; others
// ignored) meet its kind's yearly quota under rules (nil: [Frequencies]), water seasons
// included: the yearly compliance that the sup.frequency indicator counts. The quota is
// pro rata for a unit registered during the year (see [Plan]). A kind with no quota
// always meets it (seasons are asked only of kinds with a quota).
func MeetsFrequency(u *Unit, inspections []*Inspection, year int, rules map[UnitKind]Frequency) bool {
	if rules == nil {
		rules = Frequencies
	}
	f := rules[u.Kind]
	p := gongwei.Year(year)
	n, dry, wet := 0, false, false
	for _, in := range inspections {
		if in == nil || in.Unit != u.ID || !p.Contains(in.Date) {
			continue
		}
		n++
		dry = dry || in.Season == SeasonDry
		wet = wet || in.Season == SeasonWet
	}
	if n < quota(u, f, year) {
		return false
	}
	return !f.Seasonal || quota(u, f, year) == 0 || (dry && wet)
}

// quota is the number of inspections f requires of u in year: one per slice of the year
// that ends on or after the unit's registration (a unit registered in the third quarter
// owes the third and fourth quarters' inspections only).
func quota(u *Unit, f Frequency, year int) int {
	if f.PerYear <= 0 || 12%f.PerYear != 0 {
		return 0
	}
	months := 12 / f.PerYear
	n := 0
	for k := 1; k <= f.PerYear; k++ {
		end := sliceEnd(year, k, months)
		if !end.Before(u.Registered) {
			n++
		}
	}
	return n
}

// AssistantTraining sums the hours of the trainings dated in year attended by one
// supervision assistant and reports whether they reach [MinAssistantTrainingHours]
// (plan-targets.md: ≥20 class hours per person per year).
func AssistantTraining(trainings []Training, year int) (hours float64, met bool) {
	p := gongwei.Year(year)
	for _, t := range trainings {
		if p.Contains(t.Date) {
			hours += t.Hours
		}
	}
	return hours, hours >= MinAssistantTrainingHours
}
