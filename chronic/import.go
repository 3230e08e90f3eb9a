package chronic

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportPatients imports registrations as Register enters them (normalised, validated
// with a records registry against the resident's health record, checked against the
// resident's other open registrations of the condition), keyed by ID (assigned as by
// Register when empty), under the import contract of healthrecord.Registry's Importing
// section.
func (s *Service) ImportPatients(ctx context.Context, ps iter.Seq[*Patient]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, s.s, ps, bulk.Kind[*Patient]{Name: "chronic.Patient", Save: s.Register,
		Version: func(p *Patient) int64 { return p.Version },
		Get: func(ctx context.Context, p *Patient) (*Patient, error) {
			return s.s.Patient(ctx, bulk.KeyOr(p.ID, func() PatientID {
				w := p.Clone()
				w.Normalize()
				return PatientID(string(w.Resident) + "-" + string(w.Condition) + "-" + digits8(w.Registered))
			}))
		}})
}

// ImportVisits imports follow-ups as RecordVisit saves them: each is checked against
// its patient, classified from the patient's earlier visits (so a patient's visits must
// come in date order, as they would be entered) and appended to the timeline. Otherwise
// as ImportPatients; a visit's key is its ID, assigned as by RecordVisit when empty.
func (s *Service) ImportVisits(ctx context.Context, vs iter.Seq[*Visit]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, s.s, vs, bulk.Kind[*Visit]{Name: "chronic.Visit", Save: s.RecordVisit,
		Version: func(v *Visit) int64 { return v.Version },
		Get: func(ctx context.Context, v *Visit) (*Visit, error) {
			return s.s.Visit(ctx, bulk.KeyOr(v.ID, func() VisitID { return VisitID(string(v.Patient) + "-" + digits8(v.Date())) }))
		}})
}
