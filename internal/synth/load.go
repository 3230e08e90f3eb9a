package synth

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/supervision"
)

// Stores are the stores a county is loaded into, one per domain. Records is required
// for residents; a nil domain store skips that domain.
type Stores struct {
	Records      healthrecord.Store
	Chronic      chronic.Store
	Maternal     maternal.Store
	Child        child.Store
	Immunization immunization.Store
	Supervision  supervision.Store
	Education    education.Store
}

// services are the domain wrappers over a Stores: the loaders push every record through
// them, so that the library validates it, classifies follow-ups, assigns next dates and
// appends the service timeline, as it would for a health worker's input.
type services struct {
	records      *healthrecord.Registry
	chronic      *chronic.Service
	maternal     *maternal.Registry
	child        *child.Service
	immunization *immunization.Service
	supervision  *supervision.Service
	education    *education.Service
}

func newServices(s Stores) *services {
	sv := &services{}
	if s.Records != nil {
		sv.records = healthrecord.New(s.Records, healthrecord.Options{})
		if s.Chronic != nil {
			sv.chronic = chronic.New(s.Chronic, chronic.Options{Records: sv.records})
		}
		if s.Maternal != nil {
			sv.maternal = maternal.New(s.Maternal, maternal.Options{Records: sv.records})
		}
		if s.Child != nil {
			sv.child = child.New(s.Child, child.Options{Records: sv.records})
		}
		if s.Immunization != nil {
			sv.immunization = immunization.New(s.Immunization, immunization.Options{Records: sv.records})
		}
	}
	if s.Supervision != nil {
		sv.supervision = supervision.New(s.Supervision, supervision.Options{})
	}
	if s.Education != nil {
		sv.education = education.New(s.Education, education.Options{})
	}
	return sv
}

// LoadAll loads the whole county into s: every township's residents with their records
// and domain records, then its township-level records (LoadTownship for each township).
// The stores must not hold the county yet.
func (c *County) LoadAll(ctx context.Context, s Stores) error {
	for t := 1; t <= c.cfg.Townships; t++ {
		if err := c.LoadTownship(ctx, s, t); err != nil {
			return err
		}
	}
	return nil
}

// LoadTownship loads township t (1-based): its residents (LoadResidents over
// TownshipRange) and its supervision and education records (LoadTownshipRecords).
// Townships are independent: load them one per goroutine into stores safe for
// concurrent use.
func (c *County) LoadTownship(ctx context.Context, s Stores, t int) error {
	from, to := c.TownshipRange(t)
	if err := c.LoadResidents(ctx, s, from, to); err != nil {
		return err
	}
	return c.LoadTownshipRecords(ctx, s, t)
}

// LoadResidents loads the persons [from, to): their health records as Load does, then
// through the domain wrappers (chronic.Service: Register, RecordVisit, Close;
// maternal.Registry.Save; child.Service: SaveChild, SaveVisit; immunization.Service:
// Register, Vaccinate) their chronic-disease cases, pregnancy, child health management
// and vaccinations, whose follow-ups, visits and doses are classified and appended to
// the timeline by the library. s.Records is required; a nil domain store is skipped.
func (c *County) LoadResidents(ctx context.Context, s Stores, from, to int) error {
	if s.Records == nil {
		return fmt.Errorf("%w: synth: load residents: no records store", gongwei.ErrInvalid)
	}
	sv := newServices(s)
	for p := range c.People(from, to) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := putRecords(ctx, s.Records, p); err != nil {
			return err
		}
		if err := sv.loadDomains(ctx, c, p); err != nil {
			return fmt.Errorf("synth: resident %d: %w", p.Index, err)
		}
	}
	return nil
}

// loadDomains pushes p's chronic cases, pregnancy, child record and vaccinations through
// the wrappers.
func (sv *services) loadDomains(ctx context.Context, c *County, p *Person) error {
	if sv.chronic != nil {
		for _, cs := range c.Chronic(p) {
			if err := sv.chronic.Register(ctx, cs.Patient); err != nil {
				return err
			}
			for _, v := range cs.Visits {
				if err := sv.chronic.RecordVisit(ctx, v); err != nil {
					return err
				}
			}
			if cs.Closure.Reason != chronic.NotClosed {
				if _, err := sv.chronic.Close(ctx, cs.Patient.ID, cs.Closure); err != nil {
					return err
				}
			}
		}
	}
	if sv.maternal != nil {
		if preg := c.Pregnancy(p); preg != nil {
			if err := sv.maternal.Save(ctx, preg); err != nil {
				return err
			}
		}
	}
	if sv.child != nil {
		if cs := c.Child(p); cs != nil {
			if err := sv.child.SaveChild(ctx, cs.Child); err != nil {
				return err
			}
			for _, v := range cs.Visits {
				if err := sv.child.SaveVisit(ctx, v); err != nil {
					return err
				}
			}
		}
	}
	if sv.immunization != nil {
		if im := c.Immunization(p); im != nil {
			if err := sv.immunization.Register(ctx, im.Registration); err != nil {
				return err
			}
			for _, v := range im.Vaccinations {
				if err := sv.immunization.Vaccinate(ctx, v); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// LoadTownshipRecords loads township t's (1-based) township-level records: its supervised
// units, inspections, complaints, clues and reports through supervision.Service, and its
// health education activities through education.Service. Nil stores are skipped.
func (c *County) LoadTownshipRecords(ctx context.Context, s Stores, t int) error {
	sv := newServices(s)
	if g := sv.supervision; g != nil {
		sy := c.Supervision(t)
		for _, u := range sy.Units {
			if err := g.SaveUnit(ctx, u); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
		for _, in := range sy.Inspections {
			if err := g.SaveInspection(ctx, in); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
		for _, x := range sy.Complaints {
			if err := g.SaveComplaint(ctx, x); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
		for _, x := range sy.Clues {
			if err := g.SaveClue(ctx, x); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
		for _, x := range sy.CaseReports {
			if err := g.SaveCaseReport(ctx, x); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
		for _, x := range sy.EmergencyReports {
			if err := g.SaveEmergencyReport(ctx, x); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
	}
	if g := sv.education; g != nil {
		for _, a := range c.Education(t) {
			if err := g.Save(ctx, a); err != nil {
				return fmt.Errorf("synth: township %d: %w", t, err)
			}
		}
	}
	return nil
}
