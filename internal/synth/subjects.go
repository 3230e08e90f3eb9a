package synth

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/indicators"
)

// Subject returns person p with every record the loaders would store for them, as the
// indicators' per-resident bundle: the health record, the checkups, contracts and
// events, the chronic cases (closed as Load closes them), the pregnancy, the child
// record and the vaccinations, and the timeline events the domain services append when
// they save those records (chronic.Visit.Event, child.Visit.Events,
// immunization.Vaccination.Event, maternal.Pregnancy.Events). Computing the indicators
// from subjects therefore gives the figures computed from stores the county was loaded
// into; nothing is validated or stored.
func (c *County) Subject(p *Person) *indicators.Subject {
	s := &indicators.Subject{
		Resident:       p.Resident,
		HeadsHousehold: p.Household != nil && p.Household.Head == p.Resident.ID,
		Checkups:       p.Checkups,
		Contracts:      p.Contracts,
		Events:         p.Events,
	}
	for _, cs := range c.Chronic(p) {
		if cs.Closure.Reason != chronic.NotClosed {
			cs.Patient.Closure = cs.Closure
		}
		for _, v := range cs.Visits {
			v.Resident = cs.Patient.Resident
			s.Events = append(s.Events, v.Event(cs.Patient.Condition))
		}
		s.Chronic = append(s.Chronic, indicators.ChronicCase{Patient: cs.Patient, Visits: cs.Visits})
	}
	if preg := c.Pregnancy(p); preg != nil {
		s.Pregnancies = append(s.Pregnancies, preg)
		s.Events = append(s.Events, preg.Events()...)
	}
	if cs := c.Child(p); cs != nil {
		s.Child = &indicators.ChildCase{Child: cs.Child, Visits: cs.Visits}
		for _, v := range cs.Visits {
			s.Events = append(s.Events, v.Events(cs.Child)...)
		}
	}
	if im := c.Immunization(p); im != nil {
		s.Immunization = &indicators.ImmunizationCase{Registration: im.Registration, Vaccinations: im.Vaccinations}
		for _, v := range im.Vaccinations {
			s.Events = append(s.Events, v.Event())
		}
	}
	return s
}

// Subjects generates the subjects of residents [from, to) one at a time, in index order
// (village by village): a generating iterator that holds no county in memory. It stops
// with ctx's error, checked every 1,024 residents.
func (c *County) Subjects(ctx context.Context, from, to int) iter.Seq2[*indicators.Subject, error] {
	return func(yield func(*indicators.Subject, error) bool) {
		for i := max(from, 0); i < min(to, c.cfg.Residents); i++ {
			if i&1023 == 0 {
				if err := ctx.Err(); err != nil {
					yield(nil, err)
					return
				}
			}
			if !yield(c.Subject(c.Person(i)), nil) {
				return
			}
		}
	}
}
