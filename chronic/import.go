package chronic

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportPatients imports registrations as Register enters them: each is normalised,
// validated (with a records registry, against the resident's health record) and
// checked against the resident's other open registrations of the condition. Records are
// written in chunks, in one batch of the store each when it implements gongwei.Batcher;
// a rejected record is reported (position, kind, every field problem) and the import
// goes on; a registration whose ID (assigned as by Register when empty) is stored
// already is skipped, so an interrupted import run again neither duplicates nor loses
// anything. A failing store or a cancelled context stops the import; the report says
// how far it got (healthrecord.Registry's Importing section describes the contract).
func (s *Service) ImportPatients(ctx context.Context, ps iter.Seq[*Patient]) (*gongwei.ImportReport, error) {
	const kind = "chronic.Patient"
	return bulk.Run(ctx, s.s, 0, bulk.Records(ps, kind, func(ctx context.Context, p *Patient) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, p.Version, func(ctx context.Context) error { return s.Register(ctx, p) },
			bulk.Exists(func(ctx context.Context) (*Patient, error) {
				id := p.ID
				if id == "" {
					w := p.Clone()
					w.Normalize()
					id = PatientID(string(w.Resident) + "-" + string(w.Condition) + "-" + digits8(w.Registered))
				}
				return s.s.Patient(ctx, id)
			}))
	}))
}

// ImportVisits imports follow-ups as RecordVisit saves them: each is checked against
// its patient, classified from the patient's earlier visits (so a patient's visits must
// come in date order, as they would be entered) and appended to the timeline. Otherwise
// as ImportPatients; a visit's key is its ID, assigned as by RecordVisit when empty.
func (s *Service) ImportVisits(ctx context.Context, vs iter.Seq[*Visit]) (*gongwei.ImportReport, error) {
	const kind = "chronic.Visit"
	return bulk.Run(ctx, s.s, 0, bulk.Records(vs, kind, func(ctx context.Context, v *Visit) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, v.Version, func(ctx context.Context) error { return s.RecordVisit(ctx, v) },
			bulk.Exists(func(ctx context.Context) (*Visit, error) {
				id := v.ID
				if id == "" {
					id = VisitID(string(v.Patient) + "-" + digits8(v.Date()))
				}
				return s.s.Visit(ctx, id)
			}))
	}))
}
