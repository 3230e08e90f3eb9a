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

// ImportUnits imports supervised units as SaveUnit stores them. See Importing above.
func (g *Service) ImportUnits(ctx context.Context, xs iter.Seq[*Unit]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Unit]{Name: "supervision.Unit", Save: g.SaveUnit,
		Version: func(x *Unit) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Unit) (*Unit, error) { return g.s.Unit(ctx, x.ID) }})
}

// ImportInspections imports inspections as SaveInspection stores them. See Importing
// above.
func (g *Service) ImportInspections(ctx context.Context, xs iter.Seq[*Inspection]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Inspection]{Name: "supervision.Inspection", Save: g.SaveInspection,
		Version: func(x *Inspection) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Inspection) (*Inspection, error) { return g.s.Inspection(ctx, x.ID) }})
}

// ImportComplaints imports complaints as SaveComplaint stores them. See Importing above.
func (g *Service) ImportComplaints(ctx context.Context, xs iter.Seq[*Complaint]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Complaint]{Name: "supervision.Complaint", Save: g.SaveComplaint,
		Version: func(x *Complaint) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Complaint) (*Complaint, error) { return g.s.Complaint(ctx, x.ID) }})
}

// ImportClues imports clues as SaveClue stores them. See Importing above.
func (g *Service) ImportClues(ctx context.Context, xs iter.Seq[*Clue]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*Clue]{Name: "supervision.Clue", Save: g.SaveClue,
		Version: func(x *Clue) int64 { return x.Version },
		Get:     func(ctx context.Context, x *Clue) (*Clue, error) { return g.s.Clue(ctx, x.ID) }})
}

// ImportCaseReports imports case reports as SaveCaseReport stores them. See Importing
// above.
func (g *Service) ImportCaseReports(ctx context.Context, xs iter.Seq[*CaseReport]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*CaseReport]{Name: "supervision.CaseReport", Save: g.SaveCaseReport,
		Version: func(x *CaseReport) int64 { return x.Version },
		Get:     func(ctx context.Context, x *CaseReport) (*CaseReport, error) { return g.s.CaseReport(ctx, x.ID) }})
}

// ImportEmergencyReports imports emergency reports as SaveEmergencyReport stores them.
// See Importing above.
func (g *Service) ImportEmergencyReports(ctx context.Context, xs iter.Seq[*EmergencyReport]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[*EmergencyReport]{Name: "supervision.EmergencyReport", Save: g.SaveEmergencyReport,
		Version: func(x *EmergencyReport) int64 { return x.Version },
		Get: func(ctx context.Context, x *EmergencyReport) (*EmergencyReport, error) {
			return g.s.EmergencyReport(ctx, x.ID)
		}})
}
