package supervision

import (
	"fmt"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
)

// The plausibility checks of the supervision records (gongwei.CheckEventDate,
// gongwei.CheckPlannedDate, gongwei.CheckText): every date that records something that
// happened is neither before 1880 nor after the day of recording; expiries, deadlines and
// follow-up dates are planned and only bounded by gongwei.PlannedHorizonYears; no text
// holds invalid UTF-8 or control characters or exceeds the limit of its kind; a required
// text that shows nothing (gongwei.IsBlank) is missing.

// event checks the date of something that happened.
func event(ve *gongwei.ValidationError, field string, d, today gongwei.Date) {
	gongwei.CheckEventDate(ve, field, d, gongwei.Date{}, gongwei.Date{}, today)
}

// instant checks an instant that happened: its Asia/Shanghai date as event does. An
// instant whose date is outside years 1 to 9999 is before 1880 or in the future.
func instant(ve *gongwei.ValidationError, field string, t time.Time, today gongwei.Date) {
	if t.IsZero() {
		return
	}
	y, m, d := t.In(Shanghai).Date()
	day, err := gongwei.NewDate(y, m, d)
	switch {
	case err == nil:
		event(ve, field, day, today)
	case y < 1880:
		ve.Add(field, gongwei.CodeTooEarly, gongwei.EarliestBirth.String())
	default:
		ve.Add(field, gongwei.CodeInFuture)
	}
}

// text checks a text field; a required one that is blank but not empty after trimming
// spaces (only invisible characters) is missing.
func text(ve *gongwei.ValidationError, field, s string, k gongwei.TextKind, required bool) {
	if required && strings.TrimSpace(s) != "" && gongwei.IsBlank(s) {
		ve.Add(field, gongwei.CodeRequired)
		return
	}
	gongwei.CheckText(ve, field, s, k)
}

func (u *Unit) plausible(ve *gongwei.ValidationError, today gongwei.Date) {
	text(ve, "ID", string(u.ID), gongwei.TextShort, false)
	text(ve, "Name", u.Name, gongwei.TextName, true)
	text(ve, "Address", u.Address, gongwei.TextAddress, false)
	text(ve, "Responsible", u.Responsible, gongwei.TextName, false)
	event(ve, "Registered", u.Registered, today)
	event(ve, "Closed", u.Closed, today)
	for i, l := range u.Licences {
		f := fmt.Sprintf("Licences[%d]", i)
		text(ve, f+".Kind", l.Kind, gongwei.TextShort, true)
		text(ve, f+".Number", l.Number, gongwei.TextShort, true)
		event(ve, f+".Issued", l.Issued, today)
		gongwei.CheckPlannedDate(ve, f+".Expires", l.Expires, today)
	}
	for i, p := range u.Practitioners {
		f := fmt.Sprintf("Practitioners[%d]", i)
		text(ve, f+".Name", p.Name, gongwei.TextName, true)
		text(ve, f+".Certificate.Number", p.Certificate.Number, gongwei.TextShort, false)
		event(ve, f+".Certificate.Issued", p.Certificate.Issued, today)
		gongwei.CheckPlannedDate(ve, f+".Certificate.Expires", p.Certificate.Expires, today)
		event(ve, f+".Removed", p.Removed, today)
	}
	for i, t := range u.Trainings {
		f := fmt.Sprintf("Trainings[%d]", i)
		event(ve, f+".Date", t.Date, today)
		text(ve, f+".Topic", t.Topic, gongwei.TextShort, true)
	}
}

func (in *Inspection) plausible(ve *gongwei.ValidationError, today gongwei.Date) {
	text(ve, "ID", string(in.ID), gongwei.TextShort, false)
	text(ve, "Unit", string(in.Unit), gongwei.TextShort, false)
	event(ve, "Date", in.Date, today)
	for i, s := range in.Inspectors {
		text(ve, fmt.Sprintf("Inspectors[%d]", i), s, gongwei.TextName, true)
	}
	for i, s := range in.Items {
		text(ve, fmt.Sprintf("Items[%d]", i), s, gongwei.TextNote, true)
	}
	for i, s := range in.Findings {
		text(ve, fmt.Sprintf("Findings[%d]", i), s, gongwei.TextNote, true)
	}
	if o := in.Opinion; o != nil {
		event(ve, "Opinion.Issued", o.Issued, today)
		gongwei.CheckPlannedDate(ve, "Opinion.Deadline", o.Deadline, today)
		gongwei.CheckPlannedDate(ve, "Opinion.FollowUp", o.FollowUp, today)
		for i, s := range o.Requirements {
			text(ve, fmt.Sprintf("Opinion.Requirements[%d]", i), s, gongwei.TextNote, true)
		}
	}
}

func (c *Complaint) plausible(ve *gongwei.ValidationError, today gongwei.Date) {
	text(ve, "ID", string(c.ID), gongwei.TextShort, false)
	text(ve, "Unit", string(c.Unit), gongwei.TextShort, false)
	text(ve, "Summary", c.Summary, gongwei.TextNote, true)
	text(ve, "Result", c.Result, gongwei.TextNote, false)
	event(ve, "Received", c.Received, today)
	event(ve, "Transferred", c.Transferred, today)
	event(ve, "Answered", c.Answered, today)
}

func (c *Clue) plausible(ve *gongwei.ValidationError, today gongwei.Date) {
	text(ve, "ID", string(c.ID), gongwei.TextShort, false)
	text(ve, "Unit", string(c.Unit), gongwei.TextShort, false)
	text(ve, "Summary", c.Summary, gongwei.TextNote, false)
	event(ve, "Found", c.Found, today)
	event(ve, "Reported", c.Reported, today)
}

func (r *CaseReport) plausible(ve *gongwei.ValidationError, today gongwei.Date) {
	text(ve, "ID", string(r.ID), gongwei.TextShort, false)
	text(ve, "Resident", string(r.Resident), gongwei.TextShort, false)
	text(ve, "Disease", r.Disease, gongwei.TextShort, false)
	instant(ve, "Diagnosed", r.Diagnosed, today)
	event(ve, "Registered", r.Registered, today)
	instant(ve, "Reported", r.Reported, today)
}

func (e *EmergencyReport) plausible(ve *gongwei.ValidationError, today gongwei.Date) {
	text(ve, "ID", string(e.ID), gongwei.TextShort, false)
	text(ve, "Event", e.Event, gongwei.TextNote, true)
	instant(ve, "Discovered", e.Discovered, today)
	instant(ve, "Reported", e.Reported, today)
}
