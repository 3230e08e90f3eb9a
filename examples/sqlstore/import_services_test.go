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

// genEach streams what pick returns for each person of c whose of is not nil.
func genEach[X, T any](c *synth.County, of func(p *synth.Person) *X, pick func(x *X) []T) iter.Seq[T] {
	return gen(c, func(p *synth.Person) []T {
		if x := of(p); x != nil {
			return pick(x)
		}
		return nil
	})
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
					return mat.ImportPregnancies(ctx, genEach(c, c.Pregnancy, func(x *maternal.Pregnancy) []*maternal.Pregnancy { return []*maternal.Pregnancy{x} }))
				}},
				{"children", func() (*gongwei.ImportReport, error) {
					return chi.ImportChildren(ctx, genEach(c, c.Child, func(x *synth.ChildCase) []*child.Child { return []*child.Child{x.Child} }))
				}},
				{"child visits", func() (*gongwei.ImportReport, error) {
					return chi.ImportVisits(ctx, genEach(c, c.Child, func(x *synth.ChildCase) []*child.Visit { return x.Visits }))
				}},
				{"registrations", func() (*gongwei.ImportReport, error) {
					return imm.ImportRegistrations(ctx, genEach(c, c.Immunization, func(x *synth.ImmunizationHistory) []*immunization.Registration {
						return []*immunization.Registration{x.Registration}
					}))
				}},
				{"vaccinations", func() (*gongwei.ImportReport, error) {
					return imm.ImportVaccinations(ctx, genEach(c, c.Immunization, func(x *synth.ImmunizationHistory) []*immunization.Vaccination { return x.Vaccinations }))
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
