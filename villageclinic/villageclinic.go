package villageclinic

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ID is the key of a visit or a training session in a Store, opaque to the library.
type ID string

// Finding is one problem a supervision visit found, with its rectification.
type Finding struct {
	// Area is the service or item the problem concerns (档案, 随访, 药品…).
	Area string
	// Problem describes it (never personal data).
	Problem string
	// RectifyBy is the date set for the rectification.
	RectifyBy gongwei.Date
	// Rectified is the date the rectification was checked done; zero until then.
	Rectified gongwei.Date
}

// Visit is one supervision visit (督导) of the township centre to a village clinic.
type Visit struct {
	// ID identifies the visit in its store.
	ID ID
	// Village is the 12-digit code of the village whose clinic was visited.
	Village healthrecord.Village
	// Date is the day of the visit.
	Date gongwei.Date
	// Items are the areas checked.
	Items []string
	// Findings are the problems found; none when the clinic was found in order.
	Findings []Finding
	// Version is the stored version (0 for a visit never stored).
	Version int64
}

// Clone returns a deep copy of v.
func (v *Visit) Clone() *Visit {
	c := *v
	c.Items = slices.Clone(v.Items)
	c.Findings = slices.Clone(v.Findings)
	return &c
}

// Rectified reports whether every finding of v was rectified on or before d.
func (v *Visit) Rectified(d gongwei.Date) bool {
	for _, f := range v.Findings {
		if f.Rectified.IsZero() || f.Rectified.After(d) {
			return false
		}
	}
	return true
}

// Validate reports every problem of v at once as a *gongwei.ValidationError: missing
// ID, village, date or items; a finding without an area, a problem or a rectification
// date; a rectification date or a rectification before the visit.
func (v *Visit) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "villageclinic.Visit"
	ve.Check(strings.TrimSpace(string(v.ID)) != "", "ID", gongwei.CodeRequired)
	checkVillage(&ve, "Village", v.Village)
	ve.Check(!v.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(len(v.Items) > 0, "Items", gongwei.CodeRequired)
	for i, f := range v.Findings {
		p := "Findings[" + strconv.Itoa(i) + "]."
		ve.Check(strings.TrimSpace(f.Area) != "", p+"Area", gongwei.CodeRequired)
		ve.Check(strings.TrimSpace(f.Problem) != "", p+"Problem", gongwei.CodeRequired)
		ve.Check(!f.RectifyBy.IsZero(), p+"RectifyBy", gongwei.CodeRequired)
		ve.Check(f.RectifyBy.IsZero() || v.Date.IsZero() || !f.RectifyBy.Before(v.Date), p+"RectifyBy", gongwei.CodeOrder)
		ve.Check(f.Rectified.IsZero() || v.Date.IsZero() || !f.Rectified.Before(v.Date), p+"Rectified", gongwei.CodeOrder)
	}
	return ve.Err()
}

// Attendee is one village doctor invited to a training session.
type Attendee struct {
	// Doctor identifies the village doctor (the host's staff ID, not a name).
	Doctor string
	// Village is the 12-digit code of the doctor's village clinic.
	Village healthrecord.Village
	// Attended reports that the doctor attended.
	Attended bool
	// Score is the assessment score (0-100); nil when not assessed.
	Score *int
}

// Training is one training session (规范培训) of village doctors run by the centre.
type Training struct {
	// ID identifies the session in its store.
	ID ID
	// Township is the 9-digit code of the township whose centre ran the session.
	Township string
	// Date is the day of the session (its first day).
	Date gongwei.Date
	// Topic is what was taught.
	Topic string
	// Hours are the class hours (学时).
	Hours int
	// PassMark is the assessment's pass mark (0-100) the host set: no national pass
	// mark was found (plan-services.md §9), so the library has none. Zero with
	// assessed attendees is an error.
	PassMark int
	// Attendees are the doctors invited.
	Attendees []Attendee
	// Version is the stored version (0 for a session never stored).
	Version int64
}

// Clone returns a deep copy of t.
func (t *Training) Clone() *Training {
	c := *t
	c.Attendees = slices.Clone(t.Attendees)
	for i, a := range c.Attendees {
		if a.Score != nil {
			s := *a.Score
			c.Attendees[i].Score = &s
		}
	}
	return &c
}

// Passed reports whether attendee a was assessed and scored the pass mark or more.
func (t *Training) Passed(a Attendee) bool { return a.Score != nil && *a.Score >= t.PassMark }

// Validate reports every problem of t at once as a *gongwei.ValidationError.
func (t *Training) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "villageclinic.Training"
	ve.Check(strings.TrimSpace(string(t.ID)) != "", "ID", gongwei.CodeRequired)
	ve.Check(len(t.Township) == 9 && strings.Trim(t.Township, "0123456789") == "", "Township", gongwei.CodeFormat)
	ve.Check(!t.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(strings.TrimSpace(t.Topic) != "", "Topic", gongwei.CodeRequired)
	ve.Check(t.Hours >= 1 && t.Hours <= 200, "Hours", gongwei.CodeOutOfRange, 1, 200)
	ve.Check(t.PassMark >= 0 && t.PassMark <= 100, "PassMark", gongwei.CodeOutOfRange, 0, 100)
	ve.Check(len(t.Attendees) > 0, "Attendees", gongwei.CodeRequired)
	seen := map[string]bool{}
	assessed := false
	for i, a := range t.Attendees {
		p := "Attendees[" + strconv.Itoa(i) + "]."
		ve.Check(strings.TrimSpace(a.Doctor) != "", p+"Doctor", gongwei.CodeRequired)
		ve.Check(!seen[a.Doctor], p+"Doctor", gongwei.CodeDuplicate)
		seen[a.Doctor] = true
		checkVillage(&ve, p+"Village", a.Village)
		ve.Check(a.Village == "" || strings.HasPrefix(string(a.Village), t.Township), p+"Village", gongwei.CodeNotAllowed)
		if a.Score != nil {
			assessed = true
			ve.Check(a.Attended, p+"Score", gongwei.CodeNotAllowed)
			ve.Check(*a.Score >= 0 && *a.Score <= 100, p+"Score", gongwei.CodeOutOfRange, 0, 100)
		}
	}
	ve.Check(!assessed || t.PassMark > 0, "PassMark", gongwei.CodeRequired)
	return ve.Err()
}

// checkVillage records a missing or malformed village code.
func checkVillage(ve *gongwei.ValidationError, field string, v healthrecord.Village) {
	if v == "" {
		ve.Add(field, gongwei.CodeRequired)
		return
	}
	p, err := healthrecord.ParseVillage(string(v))
	ve.Check(err == nil && p == v, field, gongwei.CodeFormat)
}

// Plan is the township's supervision plan for a year: the village clinics it supervises
// and the visits each gets. It is the host's data (no national count, see the package
// doc); a local scheme's quarterly supervision gives VisitsPerVillage 4.
type Plan struct {
	// Villages are the villages whose clinics are supervised.
	Villages []healthrecord.Village
	// VisitsPerVillage is the number of visits each gets in the year.
	VisitsPerVillage int
}

// Validate reports every problem of p at once.
func (p *Plan) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "villageclinic.Plan"
	ve.Check(len(p.Villages) > 0, "Villages", gongwei.CodeRequired)
	seen := map[healthrecord.Village]bool{}
	for i, v := range p.Villages {
		f := "Villages[" + strconv.Itoa(i) + "]"
		checkVillage(&ve, f, v)
		ve.Check(!seen[v], f, gongwei.CodeDuplicate)
		seen[v] = true
	}
	ve.Check(p.VisitsPerVillage >= 1 && p.VisitsPerVillage <= 52, "VisitsPerVillage", gongwei.CodeOutOfRange, 1, 52)
	return ve.Err()
}
