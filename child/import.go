package child

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportChildren imports child health records as SaveChild saves them. Records are
// written in chunks, in one batch of the store each when it implements
// gongwei.Batcher; a rejected record is reported (position, kind, every field problem)
// and the import goes on; a record whose ID (the resident's when empty) is stored
// already is skipped, so an interrupted import run again neither duplicates nor loses
// anything. A failing store or a cancelled context stops the import; the report says
// how far it got (healthrecord.Registry's Importing section describes the contract).
func (sv *Service) ImportChildren(ctx context.Context, cs iter.Seq[*Child]) (*gongwei.ImportReport, error) {
	const kind = "child.Child"
	return bulk.Run(ctx, sv.s, 0, bulk.Records(cs, kind, func(ctx context.Context, c *Child) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, c.Version, func(ctx context.Context) error { return sv.SaveChild(ctx, c) },
			bulk.Exists(func(ctx context.Context) (*Child, error) {
				id := c.ID
				if id == "" {
					w := c.Clone()
					w.Normalize()
					id = ChildID(w.Resident)
				}
				return sv.s.Child(ctx, id)
			}))
	}))
}

// ImportVisits imports visits as SaveVisit saves them (with their timeline events).
// Otherwise as ImportChildren; a visit's key is its ID, assigned as by SaveVisit when
// empty.
func (sv *Service) ImportVisits(ctx context.Context, vs iter.Seq[*Visit]) (*gongwei.ImportReport, error) {
	const kind = "child.Visit"
	return bulk.Run(ctx, sv.s, 0, bulk.Records(vs, kind, func(ctx context.Context, v *Visit) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, v.Version, func(ctx context.Context) error { return sv.SaveVisit(ctx, v) },
			bulk.Exists(func(ctx context.Context) (*Visit, error) {
				id := v.ID
				if id == "" {
					w := v.Clone()
					w.Normalize()
					id = sv.visitID(w)
				}
				return sv.s.Visit(ctx, id)
			}))
	}))
}
