package child

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportChildren imports child health records as SaveChild saves them, keyed by ID (the
// resident's when empty), under the import contract of healthrecord.Registry's
// Importing section.
func (sv *Service) ImportChildren(ctx context.Context, xs iter.Seq[*Child]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, sv.s, xs, bulk.Kind[*Child]{Name: "child.Child", Save: sv.SaveChild,
		Version: func(x *Child) int64 { return x.Version },
		Get: func(ctx context.Context, x *Child) (*Child, error) {
			return sv.s.Child(ctx, bulk.KeyOr(x.ID, func() ChildID { w := x.Clone(); w.Normalize(); return ChildID(w.Resident) }))
		}})
}

// ImportVisits imports visits as SaveVisit saves them (with their timeline events).
// Otherwise as ImportChildren; a visit's key is its ID, assigned as by SaveVisit when
// empty.
func (sv *Service) ImportVisits(ctx context.Context, vs iter.Seq[*Visit]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, sv.s, vs, bulk.Kind[*Visit]{Name: "child.Visit", Save: sv.SaveVisit,
		Version: func(v *Visit) int64 { return v.Version },
		Get: func(ctx context.Context, v *Visit) (*Visit, error) {
			return sv.s.Visit(ctx, bulk.KeyOr(v.ID, func() VisitID { w := v.Clone(); w.Normalize(); return sv.visitID(w) }))
		}})
}
