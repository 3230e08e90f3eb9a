package healthrecord

import (
	"context"
	"errors"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// RulesEdition is the edition of the rules that derive the outcomes the [Registry]
// stores with the records it saves ([Resident.Derived], [Checkup.Derived]): the
// validation of the resident record and of the checkup form, the completeness rules of
// the cover, the personal basic information form and the checkup form, and the elderly
// and TCM management rules. It is raised whenever one of those rules changes, so that
// every outcome stored under an earlier edition is recomputed when it is read (see
// [Resident.Outcome]).
const RulesEdition = 1

// ResidentOutcome is what the rules conclude about a resident record, independently of
// the date it is looked at: whether it is valid and whether its cover and its personal
// basic information form are filled in. The [Registry] derives it when it saves the
// record ([Resident.DeriveOutcome]) and stores it in [Resident.Derived]; the zero value
// (Edition 0) means "not derived".
type ResidentOutcome struct {
	// Edition is the RulesEdition that derived the outcome; 0 when none did.
	Edition int `json:",omitempty"`
	// Valid reports whether Validate found no problem when the outcome was derived.
	// Validate's only dependence on the day it runs is its bound on dates after the day
	// of recording, which only relaxes as days pass: a record valid when derived stays
	// valid.
	Valid bool `json:",omitempty"`
	// CoverComplete reports whether every item of the cover is filled (see Missing).
	CoverComplete bool `json:",omitempty"`
	// FormComplete reports whether the personal basic information form is filled in
	// completely (BasicInfo.Missing is empty).
	FormComplete bool `json:",omitempty"`
}

// DeriveOutcome computes r's outcome under the current rules: what the Registry stores
// in r.Derived when it saves r.
func (r *Resident) DeriveOutcome() ResidentOutcome {
	cover := true
	for _, it := range coverRequired {
		cover = cover && it.filled(r)
	}
	return ResidentOutcome{
		Edition:       RulesEdition,
		Valid:         r.Validate() == nil,
		CoverComplete: cover,
		FormComplete:  r.Info.complete(),
	}
}

// Outcome returns r's outcome: the stored r.Derived when it was derived by the current
// RulesEdition, and otherwise (a record saved under earlier rules, or written into a
// store without the Registry) the outcome computed afresh. Computations read outcomes
// through it, so a rule change recomputes every stored outcome at read time; the
// Registry's Refresh rewrites them in the store.
//
// The stored outcome is trusted as it is: a host that changes a record's fields without
// the Registry must zero Derived (or set it to DeriveOutcome()) in the same write.
func (r *Resident) Outcome() ResidentOutcome {
	if r.Derived.Edition == RulesEdition {
		return r.Derived
	}
	return r.DeriveOutcome()
}

// CompleteOn reports from the outcome o of record r whether r counts as created on date
// on, exactly as r.Complete(on) decides: valid, the cover filled and, unless r is a child
// aged 0-6 on that date, the basic information form filled (nbphs-spec §1.6;
// data-standards §3.1).
func (o ResidentOutcome) CompleteOn(r *Resident, on gongwei.Date) bool {
	return o.Valid && o.CoverComplete && (o.FormComplete || r.IsChildOn(on))
}

// CheckupOutcome is what the rules conclude about a checkup for a resident born on
// Birth: whether it counts as an elderly health management service
// ([Checkup.ElderlyManaged]) and as an elderly TCM health management service
// ([Checkup.TCMManaged]). Both depend on the resident's birth date, which is kept with
// them: an outcome derived for another birth date (the resident's record was corrected
// since) is recomputed. The zero value (Edition 0) means "not derived".
type CheckupOutcome struct {
	// Edition is the RulesEdition that derived the outcome; 0 when none did.
	Edition int `json:",omitempty"`
	// Birth is the resident's birth date the outcome was derived for.
	Birth gongwei.Date
	// ElderlyManaged is ElderlyManaged(Birth).
	ElderlyManaged bool `json:",omitempty"`
	// TCMManaged is TCMManaged(Birth).
	TCMManaged bool `json:",omitempty"`
}

// DeriveOutcome computes c's outcome for a resident born on birth under the current
// rules: what the Registry stores in c.Derived when it saves c.
func (c *Checkup) DeriveOutcome(birth gongwei.Date) CheckupOutcome {
	return CheckupOutcome{
		Edition:        RulesEdition,
		Birth:          birth,
		ElderlyManaged: c.ElderlyManaged(birth),
		TCMManaged:     c.TCMManaged(birth),
	}
}

// Outcome returns c's outcome for a resident born on birth: the stored c.Derived when it
// was derived by the current RulesEdition for that birth date, and otherwise the outcome
// computed afresh (see Resident.Outcome).
func (c *Checkup) Outcome(birth gongwei.Date) CheckupOutcome {
	if c.Derived.Edition == RulesEdition && c.Derived.Birth == birth {
		return c.Derived
	}
	return c.DeriveOutcome(birth)
}

// complete reports whether every required item of the form is filled: Missing is empty.
func (b *BasicInfo) complete() bool {
	for _, it := range basicInfoRequired {
		if !it.filled(b) {
			return false
		}
	}
	return true
}

// Refresh rewrites the outcomes stored with the records of the jurisdiction prefix
// (archive-number digits, as ResidentFilter.Prefix; empty for every record) that differ
// from what the current rules derive: the records saved under an earlier RulesEdition,
// the records a host wrote into the store without the Registry, and the checkups whose
// outcome was derived for a birth date since corrected. Each rewritten record is stored
// as a new version, its fields unchanged. Outcomes are also recomputed whenever they are
// read through Outcome, so Refresh is never needed for correct figures: it makes the
// next computations fast again after a rule change.
//
// A record another writer changes meanwhile (gongwei.ErrConflict) is left to that
// writer, which derives its outcome on saving. Refresh returns the number of records
// rewritten and the first other error of the store, or ctx's error.
func (g *Registry) Refresh(ctx context.Context, prefix string) (int, error) {
	const op = "healthrecord: refresh outcomes: "
	n := 0
	put := func(err error) error {
		switch {
		case err == nil:
			n++
		case !errors.Is(err, gongwei.ErrConflict):
			return fmt.Errorf(op+"%w", err)
		}
		return nil
	}
	for r, err := range g.s.Residents(ctx, ResidentFilter{Prefix: prefix}) {
		if err != nil {
			return n, fmt.Errorf(op+"%w", err)
		}
		if err := ctx.Err(); err != nil {
			return n, fmt.Errorf(op+"%w", err)
		}
		if o := r.DeriveOutcome(); r.Derived != o {
			prev := r.Version
			r.Derived, r.Version = o, prev+1
			ch := g.residentChange(AuditUpdate, r, prev)
			ch.Fields = []string{"Derived"}
			if err := put(g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutResident, r, prev) })); err != nil {
				return n, err
			}
		}
		for c, err := range g.s.Checkups(ctx, CheckupFilter{Resident: r.ID}) {
			if err != nil {
				return n, fmt.Errorf(op+"%w", err)
			}
			if o := c.DeriveOutcome(r.BirthDate); c.Derived != o {
				prev := c.Version
				c.Derived, c.Version = o, prev+1
				ch := Change{Op: AuditUpdate, Kind: "healthrecord.Checkup", ID: string(c.ID), Resident: c.Resident, Division: divisionOf(r), Date: c.Date, Prev: prev, Fields: []string{"Derived"}}
				if err := put(g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutCheckup, c, prev) })); err != nil {
					return n, err
				}
			}
		}
	}
	return n, nil
}
