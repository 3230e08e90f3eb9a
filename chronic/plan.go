package chronic

import (
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Due is what is due for one patient: the date by which the next follow-up must be made.
type Due struct {
	Patient   PatientID               // the managed patient
	Resident  healthrecord.ResidentID // the patient's resident
	Condition Condition               // the condition the follow-up is for
	// Date is the date by which the next follow-up is due.
	Date gongwei.Date
	// Overdue reports that Date has passed on the date asked about.
	Overdue bool
	// Referral reports that the visit due is the active follow-up of a referral.
	Referral bool
}

// NextVisit returns what is due for patient p on asOf, from the patient's visits (in any
// order; those after asOf are ignored). It reports false when p is not under management
// on asOf.
//
// The due date is the NextDue of the latest visit that set one (a visit classified
// NotReached sets none, so what was due stays due). Without such a visit: the first home
// visit deadline of a TB patient (notice + 72 hours, nbphs-spec §10.1), and for the other
// conditions the registration date (the first follow-up is the entry assessment,
// nbphs-spec §9 Entry; the specification states no other first-visit interval).
func NextVisit(p *Patient, visits []*Visit, asOf gongwei.Date) (Due, bool) {
	if !p.ActiveOn(asOf) {
		return Due{}, false
	}
	d := Due{Patient: p.ID, Resident: p.Resident, Condition: p.Condition, Date: p.Registered}
	if p.TB != nil && !p.TB.Notified.IsZero() {
		d.Date = FirstVisitDue(p.TB.Notified)
	}
	vs := slices.Clone(visits)
	sortVisits(vs)
	for _, v := range vs {
		if v.Patient != p.ID || v.Date().After(asOf) || v.Assessment.NextDue.IsZero() {
			continue
		}
		d.Date, d.Referral = v.Assessment.NextDue, v.Assessment.Referral
	}
	d.Overdue = asOf.After(d.Date)
	return d, true
}

// ResidentPlan is one resident's merged plan: every condition's due follow-up, and the
// date of the next visit, the earliest of them. The specification lets the annual
// checkup be combined with a follow-up (nbphs-spec §7.4, §9.3); it states no rule
// combining the follow-ups of two conditions, so each item keeps its own due date and a
// host that sees the patient on Date can make every item due by then at once.
type ResidentPlan struct {
	// Resident is the resident whose items these are.
	Resident healthrecord.ResidentID
	// Date is the earliest due date.
	Date gongwei.Date
	// Overdue reports that some item is overdue.
	Overdue bool
	// Items are the dues, earliest first.
	Items []Due
}

// MergePlan groups dues by resident into one plan each, ordered by resident ID; items
// within a plan are ordered by due date, then condition.
func MergePlan(dues []Due) []ResidentPlan {
	ds := slices.Clone(dues)
	slices.SortFunc(ds, func(a, b Due) int {
		if c := strings.Compare(string(a.Resident), string(b.Resident)); c != 0 {
			return c
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return slices.Index(Conditions, a.Condition) - slices.Index(Conditions, b.Condition)
	})
	var out []ResidentPlan
	for _, d := range ds {
		if len(out) == 0 || out[len(out)-1].Resident != d.Resident {
			out = append(out, ResidentPlan{Resident: d.Resident, Date: d.Date})
		}
		rp := &out[len(out)-1]
		rp.Items = append(rp.Items, d)
		rp.Overdue = rp.Overdue || d.Overdue
	}
	return out
}

// AnnualCheckupDone reports whether one of the resident's checkups (the 健康体检表 of the
// health record) is dated in year: the yearly fairly complete check of hypertension,
// diabetes and mental-disorder patients (nbphs-spec §7.4, §8.2, §9.3), which may be
// combined with a follow-up.
func AnnualCheckupDone(checkups []*healthrecord.Checkup, year int) bool {
	for _, c := range checkups {
		if c != nil && c.Date.Year() == year {
			return true
		}
	}
	return false
}
