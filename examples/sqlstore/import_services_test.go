package sqlstore_test

import (
	"context"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/supervision"
)

// gen streams what pick returns for each person of c, freshly generated (an import
// updates the records it is given, so each run gets its own).
func gen[T any](c *synth.County, pick func(p *synth.Person) []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for p := range c.People(0, c.Residents()) {
			for _, x := range pick(p) {
				if !yield(x) {
					return
				}
			}
		}
	}
}

// perTownship streams what pick returns for each township of c.
func perTownship[T any](c *synth.County, pick func(t int) []T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for t := 1; t <= c.Config().Townships; t++ {
			for _, x := range pick(t) {
				if !yield(x) {
					return
				}
			}
		}
	}
}

// TestServiceImports imports a county kind by kind through every service's Import
// method, on every engine: each kind's records are all stored the first time, and all
// skipped, none stored again, the second.
func TestServiceImports(t *testing.T) {
	ctx := context.Background()
	c, err := synth.New(synth.DefaultConfig(300))
	require.NoError(t, err)
	for _, e := range importEngines(t) {
		t.Run(e.name, func(t *testing.T) {
			s := e.fresh()
			reg := healthrecord.New(s.Records, healthrecord.Options{Unattributed: true})
			chr := chronic.New(s.Chronic, chronic.Options{Records: reg})
			mat := maternal.New(s.Maternal, maternal.Options{Records: reg})
			chi := child.New(s.Child, child.Options{Records: reg})
			imm := immunization.New(s.Immunization, immunization.Options{Records: reg})
			sup := supervision.New(s.Supervision, supervision.Options{Unattributed: true})
			edu := education.New(s.Education, education.Options{Unattributed: true})
			steps := []struct {
				kind string
				run  func() (*gongwei.ImportReport, error)
			}{
				{"residents", func() (*gongwei.ImportReport, error) {
					return reg.ImportResidents(ctx, gen(c, func(p *synth.Person) []*healthrecord.Resident { return []*healthrecord.Resident{p.Resident} }))
				}},
				{"households", func() (*gongwei.ImportReport, error) {
					return reg.ImportHouseholds(ctx, gen(c, func(p *synth.Person) []*healthrecord.Household {
						if p.Household == nil {
							return nil
						}
						return []*healthrecord.Household{p.Household}
					}))
				}},
				{"checkups", func() (*gongwei.ImportReport, error) {
					return reg.ImportCheckups(ctx, gen(c, func(p *synth.Person) []*healthrecord.Checkup { return p.Checkups }))
				}},
				{"contracts", func() (*gongwei.ImportReport, error) {
					return reg.ImportContracts(ctx, gen(c, func(p *synth.Person) []*healthrecord.Contract { return p.Contracts }))
				}},
				{"events", func() (*gongwei.ImportReport, error) {
					return reg.ImportEvents(ctx, gen(c, func(p *synth.Person) []healthrecord.ServiceEvent { return p.Events }))
				}},
				{"chronic patients", func() (*gongwei.ImportReport, error) {
					return chr.ImportPatients(ctx, gen(c, func(p *synth.Person) (out []*chronic.Patient) {
						for _, cs := range c.Chronic(p) {
							out = append(out, cs.Patient)
						}
						return out
					}))
				}},
				{"chronic visits", func() (*gongwei.ImportReport, error) {
					return chr.ImportVisits(ctx, gen(c, func(p *synth.Person) (out []*chronic.Visit) {
						for _, cs := range c.Chronic(p) {
							out = append(out, cs.Visits...)
						}
						return out
					}))
				}},
				{"pregnancies", func() (*gongwei.ImportReport, error) {
					return mat.ImportPregnancies(ctx, gen(c, func(p *synth.Person) []*maternal.Pregnancy {
						if x := c.Pregnancy(p); x != nil {
							return []*maternal.Pregnancy{x}
						}
						return nil
					}))
				}},
				{"children", func() (*gongwei.ImportReport, error) {
					return chi.ImportChildren(ctx, gen(c, func(p *synth.Person) []*child.Child {
						if x := c.Child(p); x != nil {
							return []*child.Child{x.Child}
						}
						return nil
					}))
				}},
				{"child visits", func() (*gongwei.ImportReport, error) {
					return chi.ImportVisits(ctx, gen(c, func(p *synth.Person) []*child.Visit {
						if x := c.Child(p); x != nil {
							return x.Visits
						}
						return nil
					}))
				}},
				{"registrations", func() (*gongwei.ImportReport, error) {
					return imm.ImportRegistrations(ctx, gen(c, func(p *synth.Person) []*immunization.Registration {
						if x := c.Immunization(p); x != nil {
							return []*immunization.Registration{x.Registration}
						}
						return nil
					}))
				}},
				{"vaccinations", func() (*gongwei.ImportReport, error) {
					return imm.ImportVaccinations(ctx, gen(c, func(p *synth.Person) []*immunization.Vaccination {
						if x := c.Immunization(p); x != nil {
							return x.Vaccinations
						}
						return nil
					}))
				}},
				{"units", func() (*gongwei.ImportReport, error) {
					return sup.ImportUnits(ctx, perTownship(c, func(t int) []*supervision.Unit { return c.Supervision(t).Units }))
				}},
				{"inspections", func() (*gongwei.ImportReport, error) {
					return sup.ImportInspections(ctx, perTownship(c, func(t int) []*supervision.Inspection { return c.Supervision(t).Inspections }))
				}},
				{"complaints", func() (*gongwei.ImportReport, error) {
					return sup.ImportComplaints(ctx, perTownship(c, func(t int) []*supervision.Complaint { return c.Supervision(t).Complaints }))
				}},
				{"clues", func() (*gongwei.ImportReport, error) {
					return sup.ImportClues(ctx, perTownship(c, func(t int) []*supervision.Clue { return c.Supervision(t).Clues }))
				}},
				{"case reports", func() (*gongwei.ImportReport, error) {
					return sup.ImportCaseReports(ctx, perTownship(c, func(t int) []*supervision.CaseReport { return c.Supervision(t).CaseReports }))
				}},
				{"emergency reports", func() (*gongwei.ImportReport, error) {
					return sup.ImportEmergencyReports(ctx, perTownship(c, func(t int) []*supervision.EmergencyReport { return c.Supervision(t).EmergencyReports }))
				}},
				{"activities", func() (*gongwei.ImportReport, error) {
					return edu.ImportActivities(ctx, perTownship(c, func(t int) []*education.Activity { return c.Education(t) }))
				}},
			}
			for _, st := range steps {
				first, err := st.run()
				require.NoError(t, err, st.kind)
				assert.Empty(t, first.Rejected, "%s: %v", st.kind, first.Rejected)
				assert.Positive(t, first.Stored, st.kind)
				assert.Equal(t, first.Read, first.Stored, st.kind)
				assert.True(t, first.Complete(), st.kind)
				again, err := st.run()
				require.NoError(t, err, st.kind)
				assert.Equal(t, 0, again.Stored, st.kind)
				assert.Equal(t, first.Stored, again.Skipped, st.kind)
				assert.Empty(t, again.Rejected, "%s: %v", st.kind, again.Rejected)
			}
		})
	}
}
