package child

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore captures each record the Service puts during an import (bulk.Put).
type captureStore struct {
	Store
	children bulk.Capture[*Child]
	visits   bulk.Capture[*Visit]
}

func (c *captureStore) PutChild(ctx context.Context, x *Child, prev int64) error {
	return bulk.Put(ctx, &c.children, c.Store.PutChild, x, prev)
}

func (c *captureStore) PutVisit(ctx context.Context, v *Visit, prev int64) error {
	return bulk.Put(ctx, &c.visits, c.Store.PutVisit, v, prev)
}

// capturing returns a Service like sv over a store that captures the records put.
func (sv *Service) capturing() (*Service, *captureStore) {
	cs := &captureStore{Store: sv.s}
	c := *sv
	c.s = cs
	return &c, cs
}

// ImportChildren imports child health records as SaveChild saves them, keyed by ID (the
// resident's when empty), under the import contract of healthrecord.Registry's
// Importing section.
func (sv *Service) ImportChildren(ctx context.Context, xs iter.Seq[*Child]) (*gongwei.ImportReport, error) {
	c, cs := sv.capturing()
	return bulk.Import(ctx, sv.s, xs, bulk.Kind[*Child]{Name: "child.Child", Capture: &cs.children, Save: c.SaveChild,
		Version: func(x *Child) int64 { return x.Version },
		Get: func(ctx context.Context, x *Child) (*Child, error) {
			return sv.s.Child(ctx, bulk.KeyOr(x.ID, func() ChildID { w := x.Clone(); w.Normalize(); return ChildID(w.Resident) }))
		}})
}

// ImportVisits imports visits as SaveVisit saves them (with their timeline events).
// Otherwise as ImportChildren; a visit's key is its ID, assigned as by SaveVisit when
// empty.
func (sv *Service) ImportVisits(ctx context.Context, vs iter.Seq[*Visit]) (*gongwei.ImportReport, error) {
	c, cs := sv.capturing()
	return bulk.Import(ctx, sv.s, vs, bulk.Kind[*Visit]{Name: "child.Visit", Capture: &cs.visits, Save: c.SaveVisit,
		Version: func(v *Visit) int64 { return v.Version },
		Get: func(ctx context.Context, v *Visit) (*Visit, error) {
			return sv.s.Visit(ctx, bulk.KeyOr(v.ID, func() VisitID { w := v.Clone(); w.Normalize(); return sv.visitID(w) }))
		}})
}
