package immunization

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// EntryKind is the institution a child enters: a nursery or kindergarten (入托) or a
// primary school (入学). Its values are stable codes that stores may persist.
type EntryKind int

// The kinds of entry checked under the 儿童入托、入学预防接种证查验办法 (immunization.md §1.7).
const (
	EntryUnknown EntryKind = 0
	EntryNursery EntryKind = 1 // 托幼机构 (托儿所、幼儿园)
	EntrySchool  EntryKind = 2 // 小学
)

// IsValid reports whether k is EntryNursery or EntrySchool.
func (k EntryKind) IsValid() bool { return k == EntryNursery || k == EntrySchool }

// SchoolEntryCheck is one entry of a child into a nursery, kindergarten or primary
// school and the check of the child's vaccination certificate (入托入学查验,
// immunization.md §1.7), as the vaccination clinic records it.
type SchoolEntryCheck struct {
	// Kind is the institution entered.
	Kind EntryKind
	// Entered is the term start or transfer date (新入托、入学): the 30-day check window
	// runs from it (see CheckSchoolEntry).
	Entered gongwei.Date
	// Checked is the date the certificate was checked; zero when it was not.
	Checked gongwei.Date
	// Complete is the outcome of the check (SchoolEntry.Complete): no programme dose was
	// pending on the check date. It is derived at the check (Service.CheckEntrant) and
	// kept with the record; false when not checked.
	Complete bool
}

// validateEntries checks r's school entries: a known kind, an entry date, dates not
// before birth, and an outcome only for a check made.
func (r *Registration) validateEntries(ve *gongwei.ValidationError) {
	for i, e := range r.SchoolEntries {
		path := fmt.Sprintf("SchoolEntries[%d].", i)
		ve.Check(e.Kind.IsValid(), path+"Kind", gongwei.CodeUnknownCode)
		ve.Check(!e.Entered.IsZero(), path+"Entered", gongwei.CodeRequired)
		ve.Check(e.Entered.IsZero() || !e.Entered.Before(r.Child.Birth), path+"Entered", gongwei.CodeBeforeBirth)
		ve.Check(e.Checked.IsZero() || !e.Checked.Before(r.Child.Birth), path+"Checked", gongwei.CodeBeforeBirth)
		ve.Check(!e.Complete || !e.Checked.IsZero(), path+"Complete", gongwei.CodeNotAllowed)
	}
}

// CheckEntrant checks the certificate of a registered child entering a nursery or
// school on entered, on the date checked, with the doses on record up to that day
// (CheckSchoolEntry with the child's schedule), and records the check with its outcome
// on the registration. It returns the check's result: the doses to catch up, and the
// last day of the 30-day window counted from entered.
func (g *Service) CheckEntrant(ctx context.Context, id healthrecord.ResidentID, kind EntryKind, entered, checked gongwei.Date) (SchoolEntry, error) {
	const op = "immunization: check entrant: "
	r, err := g.s.Registration(ctx, id)
	if err != nil {
		return SchoolEntry{}, fmt.Errorf(op+"%w", err)
	}
	all, err := g.History(ctx, id)
	if err != nil {
		return SchoolEntry{}, fmt.Errorf(op+"%w", err)
	}
	doses := all[:0:0]
	for _, d := range all {
		if !d.Date.After(checked) {
			doses = append(doses, d)
		}
	}
	res := CheckSchoolEntry(ScheduleFor(r.Child.Birth), r.Child, doses, checked)
	res.Deadline = entered.AddDays(schoolCheckDays - 1) // the window runs from the entry
	r.SchoolEntries = append(r.SchoolEntries, SchoolEntryCheck{Kind: kind, Entered: entered, Checked: checked, Complete: res.Complete})
	if err := g.Register(ctx, r); err != nil {
		return SchoolEntry{}, err
	}
	return res, nil
}
