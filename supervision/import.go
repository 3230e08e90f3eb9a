package supervision

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// Importing
//
// The Import methods store streams of records through the matching Save methods:
// normalised and validated as alone, written in chunks, in one batch of the store each
// when it implements gongwei.Batcher. A rejected record (invalid; an inspection of an
// unknown unit) is reported with its position, kind and error, and the import goes on;
// a record whose ID is stored already is skipped, so an interrupted import run again
// neither duplicates nor loses anything. A failing store or a cancelled context stops
// the import; the report says how far it got (healthrecord.Registry's Importing section
// describes the contract).

// importAll imports xs of one kind through save, looking each up by its ID with get.
func importAll[T any](ctx context.Context, s Store, kind string, xs iter.Seq[*T], version func(*T) int64,
	save func(context.Context, *T) error, get func(context.Context, *T) (*T, error)) (*gongwei.ImportReport, error) {
	return bulk.Run(ctx, s, 0, bulk.Records(xs, kind, func(ctx context.Context, x *T) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, version(x), func(ctx context.Context) error { return save(ctx, x) },
			bulk.Exists(func(ctx context.Context) (*T, error) { return get(ctx, x) }))
	}))
}

// ImportUnits imports supervised units as SaveUnit stores them. See Importing above.
func (g *Service) ImportUnits(ctx context.Context, us iter.Seq[*Unit]) (*gongwei.ImportReport, error) {
	return importAll(ctx, g.s, "supervision.Unit", us, func(x *Unit) int64 { return x.Version }, g.SaveUnit,
		func(ctx context.Context, x *Unit) (*Unit, error) { return g.s.Unit(ctx, x.ID) })
}

// ImportInspections imports inspections as SaveInspection stores them. See Importing
// above.
func (g *Service) ImportInspections(ctx context.Context, ins iter.Seq[*Inspection]) (*gongwei.ImportReport, error) {
	return importAll(ctx, g.s, "supervision.Inspection", ins, func(x *Inspection) int64 { return x.Version }, g.SaveInspection,
		func(ctx context.Context, x *Inspection) (*Inspection, error) { return g.s.Inspection(ctx, x.ID) })
}

// ImportComplaints imports complaints as SaveComplaint stores them. See Importing above.
func (g *Service) ImportComplaints(ctx context.Context, cs iter.Seq[*Complaint]) (*gongwei.ImportReport, error) {
	return importAll(ctx, g.s, "supervision.Complaint", cs, func(x *Complaint) int64 { return x.Version }, g.SaveComplaint,
		func(ctx context.Context, x *Complaint) (*Complaint, error) { return g.s.Complaint(ctx, x.ID) })
}

// ImportClues imports clues as SaveClue stores them. See Importing above.
func (g *Service) ImportClues(ctx context.Context, cs iter.Seq[*Clue]) (*gongwei.ImportReport, error) {
	return importAll(ctx, g.s, "supervision.Clue", cs, func(x *Clue) int64 { return x.Version }, g.SaveClue,
		func(ctx context.Context, x *Clue) (*Clue, error) { return g.s.Clue(ctx, x.ID) })
}

// ImportCaseReports imports case reports as SaveCaseReport stores them. See Importing
// above.
func (g *Service) ImportCaseReports(ctx context.Context, rs iter.Seq[*CaseReport]) (*gongwei.ImportReport, error) {
	return importAll(ctx, g.s, "supervision.CaseReport", rs, func(x *CaseReport) int64 { return x.Version }, g.SaveCaseReport,
		func(ctx context.Context, x *CaseReport) (*CaseReport, error) { return g.s.CaseReport(ctx, x.ID) })
}

// ImportEmergencyReports imports emergency reports as SaveEmergencyReport stores them.
// See Importing above.
func (g *Service) ImportEmergencyReports(ctx context.Context, es iter.Seq[*EmergencyReport]) (*gongwei.ImportReport, error) {
	return importAll(ctx, g.s, "supervision.EmergencyReport", es, func(x *EmergencyReport) int64 { return x.Version }, g.SaveEmergencyReport,
		func(ctx context.Context, x *EmergencyReport) (*EmergencyReport, error) {
			return g.s.EmergencyReport(ctx, x.ID)
		})
}
