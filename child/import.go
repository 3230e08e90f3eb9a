package child

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore is the Service's store for an import: it captures each record put, for
// comparing it with the stored one when its key is taken (bulk.InsertSame).
type captureStore struct {
	Store
	children bulk.Capture[*Child]
	visits   bulk.Capture[*Visit]
}

func (c *captureStore) PutChild(ctx context.Context, x *Child, prev int64) error {
	c.children.Keep(x)
	return c.Store.PutChild(ctx, x, prev)
}

func (c *captureStore) PutVisit(ctx context.Context, v *Visit, prev int64) error {
	c.visits.Keep(v)
	return c.Store.PutVisit(ctx, v, prev)
}

// capturing returns a Service like sv over a store that captures the records put.
func (sv *Service) capturing() (*Service, *captureStore) {
	cs := &captureStore{Store: sv.s}
	c := *sv
	c.s = cs
	return &c, cs
}

// ImportChildren imports child health records as SaveChild saves them. Records are
// written in chunks, in one batch of the store each when it implements
// gongwei.Batcher; a rejected record is reported (position, kind, every field problem)
// and the import goes on; a record stored already exactly as the import would store it
// (its ID the resident's when empty) is skipped, so an interrupted import run again
// neither duplicates nor loses anything, and one stored with other content is rejected
// (gongwei.ErrConflict). A failing store or a cancelled context stops the import; the
// report says how far it got (healthrecord.Registry's Importing section describes the
// contract).
func (sv *Service) ImportChildren(ctx context.Context, xs iter.Seq[*Child]) (*gongwei.ImportReport, error) {
	const kind = "child.Child"
	c, cs := sv.capturing()
	return bulk.Run(ctx, sv.s, 0, bulk.Records(xs, kind, func(ctx context.Context, x *Child) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, x.Version, &cs.children, func(ctx context.Context) error { return c.SaveChild(ctx, x) },
			func(ctx context.Context) (*Child, error) {
				id := x.ID
				if id == "" {
					w := x.Clone()
					w.Normalize()
					id = ChildID(w.Resident)
				}
				return sv.s.Child(ctx, id)
			})
	}))
}

// ImportVisits imports visits as SaveVisit saves them (with their timeline events).
// Otherwise as ImportChildren; a visit's key is its ID, assigned as by SaveVisit when
// empty.
func (sv *Service) ImportVisits(ctx context.Context, vs iter.Seq[*Visit]) (*gongwei.ImportReport, error) {
	const kind = "child.Visit"
	c, cs := sv.capturing()
	return bulk.Run(ctx, sv.s, 0, bulk.Records(vs, kind, func(ctx context.Context, v *Visit) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, v.Version, &cs.visits, func(ctx context.Context) error { return c.SaveVisit(ctx, v) },
			func(ctx context.Context) (*Visit, error) {
				id := v.ID
				if id == "" {
					w := v.Clone()
					w.Normalize()
					id = sv.visitID(w)
				}
				return sv.s.Visit(ctx, id)
			})
	}))
}
