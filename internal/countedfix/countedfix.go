// Package countedfix reduces an indicators.Subject to the fields that
// indicators.CountedSubjectSource lists: what a source may hand over when asked for
// counted subjects. The tests of the counting core and of the SQL store's counted scan
// compare against it, so that the list is written once.
package countedfix

import (
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
)

// Reduce returns s with its records reduced to the counted fields: the resident's
// counted fields when its outcome was derived by this edition of the rules (reduced
// reports it), the checkups' dates and outcomes when derived by this edition for the
// resident's birth date (each one adds 1 to checkups), the contracts' periods, the
// service events' kinds and dates in their order, and the vaccinations' doses. s is not
// changed.
func Reduce(s *indicators.Subject, checkups *int) (out *indicators.Subject, reduced bool) {
	c := *s
	if r := s.Resident; r != nil && r.Derived.Edition == healthrecord.RulesEdition {
		n := &healthrecord.Resident{
			ID: r.ID, Archive: r.Archive, BirthDate: r.BirthDate, Household: r.Household,
			Created: r.Created, Electronic: r.Electronic, Closure: r.Closure, Derived: r.Derived,
		}
		n.Info.Residence, n.Info.LivingSince = r.Info.Residence, r.Info.LivingSince
		c.Resident, reduced = n, true
	}
	c.Checkups = nil
	for _, ck := range s.Checkups {
		if s.Resident != nil && ck.Derived.Edition == healthrecord.RulesEdition && ck.Derived.Birth == s.Resident.BirthDate {
			ck = &healthrecord.Checkup{ID: ck.ID, Resident: ck.Resident, Date: ck.Date, Derived: ck.Derived}
			*checkups++
		}
		c.Checkups = append(c.Checkups, ck)
	}
	c.Contracts = nil
	for _, ct := range s.Contracts {
		c.Contracts = append(c.Contracts, &healthrecord.Contract{ID: ct.ID, Resident: ct.Resident, Period: ct.Period})
	}
	c.Events = nil
	for _, e := range s.Events {
		c.Events = append(c.Events, healthrecord.ServiceEvent{Kind: e.Kind, Date: e.Date})
	}
	if im := s.Immunization; im != nil {
		ic := &indicators.ImmunizationCase{Registration: im.Registration}
		for _, v := range im.Vaccinations {
			ic.Vaccinations = append(ic.Vaccinations, &immunization.Vaccination{Dose: v.Dose})
		}
		c.Immunization = ic
	}
	return &c, reduced
}
