package supervision

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Importing
//
// The Import methods store streams of records through the matching Save methods, keyed
// by ID, under the import contract of healthrecord.Registry's Importing section. An
// inspection of an unknown unit is rejected, as by SaveInspection.

// captureStore captures each record the Service puts during an import (bulk.Put).
type captureStore struct {
	Store
	units       bulk.Capture[*Unit]
	inspections bulk.Capture[*Inspection]
	complaints  bulk.Capture[*Complaint]
	clues       bulk.Capture[*Clue]
	cases       bulk.Capture[*CaseReport]
	emergencies bulk.Capture[*EmergencyReport]
}

func (c *captureStore) PutUnit(ctx context.Context, x *Unit, prev int64) error {
	return bulk.Put(ctx, &c.units, c.Store.PutUnit, x, prev)
}

func (c *captureStore) PutInspection(ctx context.Context, x *Inspection, prev int64) error {
	return bulk.Put(ctx, &c.inspections, c.Store.PutInspection, x, prev)
}

func (c *captureStore) PutComplaint(ctx context.Context, x *Complaint, prev int64) error {
	return bulk.Put(ctx, &c.complaints, c.Store.PutComplaint, x, prev)
}

func (c *captureStore) PutClue(ctx context.Context, x *Clue, prev int64) error {
	return bulk.Put(ctx, &c.clues, c.Store.PutClue, x, prev)
}

func (c *captureStore) PutCaseReport(ctx context.Context, x *CaseReport, prev int64) error {
	return bulk.Put(ctx, &c.cases, c.Store.PutCaseReport, x, prev)
}

func (c *captureStore) PutEmergencyReport(ctx context.Context, x *EmergencyReport, prev int64) error {
	return bulk.Put(ctx, &c.emergencies, c.Store.PutEmergencyReport, x, prev)
}

// capturing returns a Service like g over a store that captures the records put.
func (g *Service) capturing() (*Service, *captureStore) {
	cs := &captureStore{Store: g.s}
	c := *g
	c.s = cs
	return &c, cs
}

// ImportUnits imports supervised units as SaveUnit stores them. See Importing above.
func (g *Service) ImportUnits(ctx context.Context, xs iter.Seq[*Unit]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Unit]{Name: "supervision.Unit", Capture: &cs.units, Save: c.SaveUnit,
		Version: func(x *Unit) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Unit) (*Unit, error) { return g.s.Unit(ctx, x.ID) }})
}

// ImportInspections imports inspections as SaveInspection stores them. See Importing
// above.
func (g *Service) ImportInspections(ctx context.Context, xs iter.Seq[*Inspection]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Inspection]{Name: "supervision.Inspection", Capture: &cs.inspections, Save: c.SaveInspection,
		Version: func(x *Inspection) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Inspection) (*Inspection, error) { return g.s.Inspection(ctx, x.ID) }})
}

// ImportComplaints imports complaints as SaveComplaint stores them. See Importing above.
func (g *Service) ImportComplaints(ctx context.Context, xs iter.Seq[*Complaint]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Complaint]{Name: "supervision.Complaint", Capture: &cs.complaints, Save: c.SaveComplaint,
		Version: func(x *Complaint) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Complaint) (*Complaint, error) { return g.s.Complaint(ctx, x.ID) }})
}

// ImportClues imports clues as SaveClue stores them. See Importing above.
func (g *Service) ImportClues(ctx context.Context, xs iter.Seq[*Clue]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Clue]{Name: "supervision.Clue", Capture: &cs.clues, Save: c.SaveClue,
		Version: func(x *Clue) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Clue) (*Clue, error) { return g.s.Clue(ctx, x.ID) }})
}

// ImportCaseReports imports case reports as SaveCaseReport stores them. See Importing
// above.
func (g *Service) ImportCaseReports(ctx context.Context, xs iter.Seq[*CaseReport]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*CaseReport]{Name: "supervision.CaseReport", Capture: &cs.cases, Save: c.SaveCaseReport,
		Version: func(x *CaseReport) int64 { return x.Version },
		Get:     func(ctx context.Context, x *CaseReport) (*CaseReport, error) { return g.s.CaseReport(ctx, x.ID) }})
}

// ImportEmergencyReports imports emergency reports as SaveEmergencyReport stores them.
// See Importing above.
func (g *Service) ImportEmergencyReports(ctx context.Context, xs iter.Seq[*EmergencyReport]) (*gongwei.ImportReport, error) {
	c, cs := g.capturing()
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*EmergencyReport]{Name: "supervision.EmergencyReport", Capture: &cs.emergencies, Save: c.SaveEmergencyReport,
		Version: func(x *EmergencyReport) int64 { return x.Version },
		Get: func(ctx context.Context, x *EmergencyReport) (*EmergencyReport, error) {
			return g.s.EmergencyReport(ctx, x.ID)
		}})
}
