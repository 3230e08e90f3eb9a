package synth

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/bulk"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/womenshealth"
)

// Stores are the stores a county is loaded into, one per domain. Records is required
// for residents; a nil domain store skips that domain. Audit is optional: with it,
// every record is written through the services' write path as the staff member who
// would have made it (County.Author) at the instant they would have made it, and
// appended to the audit trail; without it the load is a migration (the services'
// Unattributed opt-out) and keeps no trail.
type Stores struct {
	// Records receives the residents, households, checkups, contracts and service
	// events; required.
	Records healthrecord.Store
	// Chronic receives the chronic disease patients and their follow-ups.
	Chronic chronic.Store
	// Maternal receives the pregnancies and their visits.
	Maternal maternal.Store
	// Child receives the children's records and checkups.
	Child child.Store
	// Immunization receives the vaccination registrations and doses.
	Immunization immunization.Store
	// Supervision receives the supervised units, inspections, complaints, clues and
	// reports.
	Supervision supervision.Store
	// Education receives the health education activities.
	Education education.Store
	// Audit receives the audit trail of an attributed load; nil loads as a migration
	// and keeps no trail.
	Audit healthrecord.AuditStore
	// Referrals is the referral register (a resident's slips, see County.Referrals).
	Referrals referral.Store
	// VillageClinics holds the centre's supervision visits and training sessions of its
	// village clinics (see County.VillageClinics).
	VillageClinics villageclinic.Store
	// WomensHealth holds the 两癌 checks and the surveillance reports (see
	// County.WomensScreening and County.WomensReports).
	WomensHealth womenshealth.Store
	// Survey holds the health-literacy survey responses (see County.SurveyResponse).
	Survey education.SurveyStore
	// ImmunizationClinic holds the vaccination clinic's records beyond the schedule:
	// AEFI reports, temperature logs and floating children's movements (see
	// County.LoadAEFIs, County.LoadColdChain, County.LoadFloating).
	// Nil loads none.
	ImmunizationClinic interface {
		immunization.AEFIStore
		immunization.ColdChainStore
		immunization.MovementStore
		immunization.CampaignStore
	}
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
	referrals    *referral.Service
	villages     *villageclinic.Service
	women        *womenshealth.Service
	survey       *education.Survey

	stores Stores
}

func newServices(s Stores) *services {
	sv := &services{stores: s}
	migration := s.Audit == nil
	if s.Records != nil {
		sv.records = healthrecord.New(s.Records, healthrecord.Options{Audit: s.Audit, Unattributed: migration})
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
		sv.supervision = supervision.New(s.Supervision, supervision.Options{Audit: s.Audit, Unattributed: migration})
	}
	if s.Education != nil {
		sv.education = education.New(s.Education, education.Options{Audit: s.Audit, Unattributed: migration})
	}
	if s.Referrals != nil {
		sv.referrals = referral.New(s.Referrals, referral.Options{Audit: s.Audit, Unattributed: migration})
	}
	if s.VillageClinics != nil {
		sv.villages = villageclinic.New(s.VillageClinics, villageclinic.Options{Audit: s.Audit, Unattributed: migration})
	}
	if s.Survey != nil {
		sv.survey = education.NewSurvey(s.Survey, education.Options{Audit: s.Audit, Unattributed: migration})
	}
	if s.WomensHealth != nil {
		sv.women = womenshealth.New(s.WomensHealth, womenshealth.Options{Audit: s.Audit, Unattributed: migration})
	}
	return sv
}

// LoadAll loads the whole county into s: every township's residents with their records
// and domain records, then its township-level records (LoadTownship for each township).
// Loading is idempotent: records already in the stores (from an interrupted load) are
// left as they are and the rest is loaded, so LoadAll run again completes a county.
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

// LoadChunk is the number of residents LoadResidents saves in one batch: each with all
// their records, of every domain, in one transaction of an SQL store.
const LoadChunk = 1000

// LoadResidents loads the persons [from, to): their health records as Load does, then
// through the domain wrappers (chronic.Service: Register, RecordVisit, Close;
// maternal.Registry.Save; child.Service: SaveChild, SaveVisit; immunization.Service:
// Register, Vaccinate) their chronic-disease cases, pregnancy, child health management
// and vaccinations, whose follow-ups, visits and doses are classified and appended to
// the timeline by the library. s.Records is required; a nil domain store is skipped.
//
// It loads through the services' import path (the one internal/bulk implements for
// their Import methods): LoadChunk residents with all their records at a time, in one
// batch of s.Records when it implements gongwei.Batcher (one transaction of an SQL
// store, whose domain stores share it), each record skipped when its key is stored
// already. So a load stopped part way (a cancelled context, a killed process) and run
// again completes without duplicating anything. A record the services reject fails the
// load with an error naming its kind and problem.
func (c *County) LoadResidents(ctx context.Context, s Stores, from, to int) error {
	if s.Records == nil {
		return fmt.Errorf("%w: synth: load residents: no records store", gongwei.ErrInvalid)
	}
	_, err := c.importResidents(ctx, s, from, to, LoadChunk)
	return err
}

// importResidents loads the persons [from, to) in chunks of chunk residents and returns
// the import's report; a rejected record is an error.
func (c *County) importResidents(ctx context.Context, s Stores, from, to, chunk int) (*gongwei.ImportReport, error) {
	sv := newServices(s)
	items := func(yield func(bulk.Item) bool) {
		for p := range c.People(from, to) {
			for _, it := range sv.items(c, s.Records, p) {
				if !yield(it) {
					return
				}
			}
		}
	}
	rep, err := bulk.Run(ctx, s.Records, chunk, items)
	if err != nil {
		return rep, fmt.Errorf("synth: load residents %d-%d (%s): %w", from, to, rep, err)
	}
	if len(rep.Rejected) > 0 {
		return rep, fmt.Errorf("synth: load residents %d-%d: %d records rejected, the first: %w", from, to, len(rep.Rejected), rep.Rejected[0])
	}
	return rep, nil
}

// insert is the item of a record: saved by save unless get finds it stored.
func insert[T any](kind string, group int, save func(context.Context) error, get func(context.Context) (T, error)) bulk.Item {
	return bulk.Item{Kind: kind, Group: group, Save: func(ctx context.Context) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, 0, save, bulk.Exists(get))
	}}
}

// items returns p's records as import items, in the order they must be saved: the
// health records into rs (as putRecords does), then the domain records through the
// wrappers.
func (sv *services) items(c *County, rs healthrecord.Store, p *Person) []bulk.Item {
	g := p.Index
	var out []bulk.Item
	r := p.Resident
	v := r.Archive.Village()
	out = append(out, bulk.Item{Kind: "healthrecord.Resident", Group: g, Save: func(ctx context.Context) (bulk.Outcome, error) {
		ctx = sv.authored(ctx, c, "healthrecord.Resident", string(r.ID), v, r.Created)
		ch := healthrecord.Change{Kind: "healthrecord.Resident", ID: string(r.ID), Resident: r.ID, Division: gongwei.Division(v), Record: r}
		out, err := bulk.Insert(ctx, "healthrecord.Resident", 0, func(ctx context.Context) error {
			return sv.write(ctx, ch, func(ctx context.Context) error { return rs.PutResident(ctx, r, 0) })
		},
			bulk.Exists(func(ctx context.Context) (*healthrecord.Resident, error) { return rs.Resident(ctx, r.ID) }))
		if err == nil {
			bulk.Remember(ctx, "resident", string(r.ID), r.Clone())
		}
		return out, err
	}})
	if h := p.Household; h != nil {
		ch := healthrecord.Change{Kind: "healthrecord.Household", ID: string(h.ID), Resident: h.Head, Division: gongwei.Division(v), Record: h}
		out = append(out, insert("healthrecord.Household", g,
			func(ctx context.Context) error {
				ctx = sv.authored(ctx, c, ch.Kind, ch.ID, v, r.Created)
				return sv.write(ctx, ch, func(ctx context.Context) error { return rs.PutHousehold(ctx, h, 0) })
			},
			func(ctx context.Context) (*healthrecord.Household, error) { return rs.Household(ctx, h.ID) }))
	}
	for _, ch := range p.Checkups {
		chg := healthrecord.Change{Kind: "healthrecord.Checkup", ID: string(ch.ID), Resident: r.ID, Division: gongwei.Division(v), Date: ch.Date, Record: ch}
		out = append(out, insert("healthrecord.Checkup", g,
			func(ctx context.Context) error {
				ctx = sv.authored(ctx, c, chg.Kind, chg.ID, v, ch.Date)
				return sv.write(ctx, chg, func(ctx context.Context) error { return rs.PutCheckup(ctx, ch, 0) })
			},
			func(ctx context.Context) (*healthrecord.Checkup, error) { return rs.Checkup(ctx, ch.ID) }))
	}
	for _, ct := range p.Contracts {
		chg := healthrecord.Change{Kind: "healthrecord.Contract", ID: string(ct.ID), Resident: r.ID, Division: gongwei.Division(v), Date: ct.Signed, Record: ct}
		out = append(out, insert("healthrecord.Contract", g,
			func(ctx context.Context) error {
				ctx = sv.authored(ctx, c, chg.Kind, chg.ID, v, ct.Signed)
				return sv.write(ctx, chg, func(ctx context.Context) error { return rs.PutContract(ctx, ct, 0) })
			},
			func(ctx context.Context) (*healthrecord.Contract, error) { return rs.Contract(ctx, ct.ID) }))
	}
	for _, e := range p.Events {
		// A repeated event (its resident, kind and Ref stored) is ErrDuplicate, and the
		// timeline holds it: skipped.
		out = append(out, bulk.Item{Kind: "healthrecord.ServiceEvent", Group: g, Save: func(ctx context.Context) (bulk.Outcome, error) {
			err := rs.AppendEvent(ctx, e)
			if errors.Is(err, gongwei.ErrDuplicate) {
				return bulk.Skipped, nil
			}
			return bulk.Stored, err
		}})
	}
	if sv.chronic != nil {
		for _, cs := range c.Chronic(p) {
			pt := cs.Patient
			out = append(out, insert("chronic.Patient", g,
				func(ctx context.Context) error {
					return sv.chronic.Register(sv.authored(ctx, c, "chronic.Patient", string(pt.ID), v, pt.Registered), pt)
				},
				func(ctx context.Context) (*chronic.Patient, error) { return sv.chronic.Patient(ctx, pt.ID) }))
			for _, vis := range cs.Visits {
				out = append(out, insert("chronic.Visit", g,
					func(ctx context.Context) error {
						return sv.chronic.RecordVisit(sv.authored(ctx, c, "chronic.Visit", string(vis.ID), v, vis.Date()), vis)
					},
					func(ctx context.Context) (*chronic.Visit, error) { return sv.chronic.Visit(ctx, vis.ID) }))
			}
			if cl := cs.Closure; cl.Reason != chronic.NotClosed {
				out = append(out, bulk.Item{Kind: "chronic.Patient", Group: g, Save: func(ctx context.Context) (bulk.Outcome, error) {
					stored, err := sv.chronic.Patient(ctx, pt.ID)
					if err != nil {
						return bulk.Stored, err
					}
					if stored.Closure.Reason != chronic.NotClosed {
						return bulk.Skipped, nil
					}
					_, err = sv.chronic.Close(sv.authored(ctx, c, "chronic.Patient", string(pt.ID), v, cl.Date), pt.ID, cl)
					return bulk.Stored, err
				}})
			}
		}
	}
	if sv.maternal != nil {
		if preg := c.Pregnancy(p); preg != nil {
			out = append(out, insert("maternal.Pregnancy", g,
				func(ctx context.Context) error {
					return sv.maternal.Save(sv.authored(ctx, c, "maternal.Pregnancy", string(preg.ID), v, preg.Booked), preg)
				},
				func(ctx context.Context) (*maternal.Pregnancy, error) { return sv.maternal.Pregnancy(ctx, preg.ID) }))
		}
	}
	if sv.child != nil {
		if cs := c.Child(p); cs != nil {
			ch := cs.Child
			out = append(out, insert("child.Child", g,
				func(ctx context.Context) error {
					return sv.child.SaveChild(sv.authored(ctx, c, "child.Child", string(ch.ID), v, gongwei.Date{}), ch)
				},
				func(ctx context.Context) (*child.Child, error) { return sv.child.Child(ctx, ch.ID) }))
			for _, vis := range cs.Visits {
				out = append(out, insert("child.Visit", g,
					func(ctx context.Context) error {
						return sv.child.SaveVisit(sv.authored(ctx, c, "child.Visit", string(vis.ID), v, vis.Date), vis)
					},
					func(ctx context.Context) (*child.Visit, error) { return sv.child.Visit(ctx, vis.ID) }))
			}
		}
	}
	if sv.immunization != nil {
		if im := c.Immunization(p); im != nil {
			reg := im.Registration
			out = append(out, insert("immunization.Registration", g,
				func(ctx context.Context) error {
					return sv.immunization.Register(sv.authored(ctx, c, "immunization.Registration", string(reg.Resident), v, gongwei.Date{}), reg)
				},
				func(ctx context.Context) (*immunization.Registration, error) {
					return sv.immunization.Registration(ctx, reg.Resident)
				}))
			for _, vac := range im.Vaccinations {
				out = append(out, insert("immunization.Vaccination", g,
					func(ctx context.Context) error {
						return sv.immunization.Vaccinate(sv.authored(ctx, c, "immunization.Vaccination", string(vac.ID), v, vac.Dose.Date), vac)
					},
					func(ctx context.Context) (*immunization.Vaccination, error) {
						return sv.stores.Immunization.Vaccination(ctx, vac.ID)
					}))
			}
		}
	}
	if rg := sv.referrals; rg != nil {
		for _, x := range c.Referrals(p) {
			out = append(out, insert("referral.Referral", g,
				func(ctx context.Context) error {
					return rg.Save(sv.authored(ctx, c, "referral.Referral", string(x.ID), x.Village, x.Referred), x)
				},
				func(ctx context.Context) (*referral.Referral, error) { return rg.Store().Referral(ctx, x.ID) }))
		}
	}
	if sg := sv.survey; sg != nil {
		if x := c.SurveyResponse(p); x != nil {
			out = append(out, insert("education.SurveyResponse", g,
				func(ctx context.Context) error {
					return sg.Save(sv.authored(ctx, c, "education.SurveyResponse", string(x.ID), healthrecord.Village(x.Division), x.Date), x)
				},
				func(ctx context.Context) (*education.SurveyResponse, error) {
					return sg.Store().SurveyResponse(ctx, x.ID)
				}))
		}
	}
	if wg := sv.women; wg != nil {
		if x := c.WomensScreening(p); x != nil {
			out = append(out, insert("womenshealth.Screening", g,
				func(ctx context.Context) error {
					return wg.SaveScreening(sv.authored(ctx, c, "womenshealth.Screening", string(x.ID), x.Village, x.Date), x)
				},
				func(ctx context.Context) (*womenshealth.Screening, error) { return wg.Store().Screening(ctx, x.ID) }))
		}
		if ps, ok := wg.Store().(womenshealth.PremaritalStore); ok {
			if x := c.Premarital(p); x != nil {
				out = append(out, insert("womenshealth.Premarital", g,
					func(ctx context.Context) error {
						return wg.SavePremarital(sv.authored(ctx, c, "womenshealth.Premarital", string(x.ID), x.Village, x.Registered), x)
					},
					func(ctx context.Context) (*womenshealth.Premarital, error) { return ps.Premarital(ctx, x.ID) }))
			}
		}
	}
	return out
}

// LoadTownshipRecords loads township t's (1-based) township-level records: its supervised
// units, inspections, complaints, clues and reports through supervision.Service, and its
// health education activities through education.Service, in one batch, each record
// skipped when its ID is stored already (as LoadResidents). Nil stores are skipped.
func (c *County) LoadTownshipRecords(ctx context.Context, s Stores, t int) error {
	sv := newServices(s)
	var items []bulk.Item
	var batcher any
	centre := healthrecord.Village(c.Township(t) + "000")
	tw := func(ctx context.Context, kind, id string) context.Context {
		return sv.authored(ctx, c, kind, id, centre, gongwei.Date{})
	}
	if g := sv.supervision; g != nil {
		batcher = s.Supervision
		sy := c.Supervision(t)
		st := g.Store()
		for _, x := range sy.Units {
			items = append(items, insert("supervision.Unit", 0, func(ctx context.Context) error { return g.SaveUnit(tw(ctx, "supervision.Unit", string(x.ID)), x) },
				func(ctx context.Context) (*supervision.Unit, error) { return st.Unit(ctx, x.ID) }))
		}
		for _, x := range sy.Inspections {
			items = append(items, insert("supervision.Inspection", 0, func(ctx context.Context) error {
				return g.SaveInspection(tw(ctx, "supervision.Inspection", string(x.ID)), x)
			},
				func(ctx context.Context) (*supervision.Inspection, error) { return st.Inspection(ctx, x.ID) }))
		}
		for _, x := range sy.Complaints {
			items = append(items, insert("supervision.Complaint", 0, func(ctx context.Context) error {
				return g.SaveComplaint(tw(ctx, "supervision.Complaint", string(x.ID)), x)
			},
				func(ctx context.Context) (*supervision.Complaint, error) { return st.Complaint(ctx, x.ID) }))
		}
		for _, x := range sy.Clues {
			items = append(items, insert("supervision.Clue", 0, func(ctx context.Context) error { return g.SaveClue(tw(ctx, "supervision.Clue", string(x.ID)), x) },
				func(ctx context.Context) (*supervision.Clue, error) { return st.Clue(ctx, x.ID) }))
		}
		for _, x := range sy.CaseReports {
			items = append(items, insert("supervision.CaseReport", 0, func(ctx context.Context) error {
				return g.SaveCaseReport(tw(ctx, "supervision.CaseReport", string(x.ID)), x)
			},
				func(ctx context.Context) (*supervision.CaseReport, error) { return st.CaseReport(ctx, x.ID) }))
		}
		for _, x := range sy.EmergencyReports {
			items = append(items, insert("supervision.EmergencyReport", 0, func(ctx context.Context) error {
				return g.SaveEmergencyReport(tw(ctx, "supervision.EmergencyReport", string(x.ID)), x)
			},
				func(ctx context.Context) (*supervision.EmergencyReport, error) { return st.EmergencyReport(ctx, x.ID) }))
		}
	}
	if g := sv.education; g != nil {
		if batcher == nil {
			batcher = s.Education
		}
		st := g.Store()
		for _, a := range c.Education(t) {
			items = append(items, insert("education.Activity", 0, func(ctx context.Context) error { return g.Save(tw(ctx, "education.Activity", string(a.ID)), a) },
				func(ctx context.Context) (*education.Activity, error) { return st.Activity(ctx, a.ID) }))
		}
	}
	if g := sv.villages; g != nil {
		if batcher == nil {
			batcher = s.VillageClinics
		}
		st := g.Store()
		visits, trainings := c.VillageClinics(t)
		for _, x := range visits {
			items = append(items, insert("villageclinic.Visit", 0, func(ctx context.Context) error { return g.SaveVisit(tw(ctx, "villageclinic.Visit", string(x.ID)), x) },
				func(ctx context.Context) (*villageclinic.Visit, error) { return st.Visit(ctx, x.ID) }))
		}
		for _, x := range trainings {
			items = append(items, insert("villageclinic.Training", 0, func(ctx context.Context) error {
				return g.SaveTraining(tw(ctx, "villageclinic.Training", string(x.ID)), x)
			},
				func(ctx context.Context) (*villageclinic.Training, error) { return st.Training(ctx, x.ID) }))
		}
	}
	if g := sv.women; g != nil {
		if batcher == nil {
			batcher = s.WomensHealth
		}
		for _, x := range c.WomensReports(t) {
			items = append(items, insert("womenshealth.Report", 0, func(ctx context.Context) error { return g.SaveReport(tw(ctx, "womenshealth.Report", string(x.ID)), x) },
				func(ctx context.Context) (*womenshealth.Report, error) { return g.Store().Report(ctx, x.ID) }))
		}
	}
	rep, err := bulk.Run(ctx, batcher, 0, slices.Values(items))
	if err != nil {
		return fmt.Errorf("synth: township %d (%s): %w", t, rep, err)
	}
	if len(rep.Rejected) > 0 {
		return fmt.Errorf("synth: township %d: %d records rejected, the first: %w", t, len(rep.Rejected), rep.Rejected[0])
	}
	if err := c.LoadAEFIs(ctx, s, t); err != nil {
		return err
	}
	if err := c.LoadColdChain(ctx, s, t); err != nil {
		return err
	}
	return c.LoadFloating(ctx, s, t)
}
