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
	return importByID(ctx, g, xs, "supervision.Unit", g.SaveUnit, g.s.Unit,
		func(x *Unit) (UnitID, int64) { return x.ID, x.Version })
}

// ImportInspections imports inspections as SaveInspection stores them. See Importing
// above.
func (g *Service) ImportInspections(ctx context.Context, xs iter.Seq[*Inspection]) (*gongwei.ImportReport, error) {
	return importByID(ctx, g, xs, "supervision.Inspection", g.SaveInspection, g.s.Inspection,
		func(x *Inspection) (InspectionID, int64) { return x.ID, x.Version })
}

// ImportComplaints imports complaints as SaveComplaint stores them. See Importing above.
func (g *Service) ImportComplaints(ctx context.Context, xs iter.Seq[*Complaint]) (*gongwei.ImportReport, error) {
	return importByID(ctx, g, xs, "supervision.Complaint", g.SaveComplaint, g.s.Complaint,
		func(x *Complaint) (ComplaintID, int64) { return x.ID, x.Version })
}

// ImportClues imports clues as SaveClue stores them. See Importing above.
func (g *Service) ImportClues(ctx context.Context, xs iter.Seq[*Clue]) (*gongwei.ImportReport, error) {
	return importByID(ctx, g, xs, "supervision.Clue", g.SaveClue, g.s.Clue,
		func(x *Clue) (ClueID, int64) { return x.ID, x.Version })
}

// ImportCaseReports imports case reports as SaveCaseReport stores them. See Importing
// above.
func (g *Service) ImportCaseReports(ctx context.Context, xs iter.Seq[*CaseReport]) (*gongwei.ImportReport, error) {
	return importByID(ctx, g, xs, "supervision.CaseReport", g.SaveCaseReport, g.s.CaseReport,
		func(x *CaseReport) (CaseReportID, int64) { return x.ID, x.Version })
}

// ImportEmergencyReports imports emergency reports as SaveEmergencyReport stores them.
// See Importing above.
func (g *Service) ImportEmergencyReports(ctx context.Context, xs iter.Seq[*EmergencyReport]) (*gongwei.ImportReport, error) {
	return importByID(ctx, g, xs, "supervision.EmergencyReport", g.SaveEmergencyReport, g.s.EmergencyReport,
		func(x *EmergencyReport) (EmergencyReportID, int64) { return x.ID, x.Version })
}

// importByID is the Import method of one record type (name, as "supervision.Unit"):
// each record is saved through save, keyed by its ID and read back with get;
// idVersion gives a record's ID and Version as given.
func importByID[T any, K ~string](ctx context.Context, g *Service, xs iter.Seq[T], name string,
	save func(context.Context, T) error, get func(context.Context, K) (T, error),
	idVersion func(T) (K, int64)) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, xs, bulk.Kind[T]{Name: name, Save: save,
		Version: func(x T) int64 { _, v := idVersion(x); return v },
		Get: func(ctx context.Context, x T) (T, error) {
			id, _ := idVersion(x)
			return get(ctx, id)
		}})
}
