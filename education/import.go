package education

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportActivities imports activities as Save stores them. Records are written in
// chunks, in one batch of the store each when it implements gongwei.Batcher; a rejected
// record is reported (position, kind, every field problem) and the import goes on; an
// activity whose ID is stored already is skipped, so an interrupted import run again
// neither duplicates nor loses anything. A failing store or a cancelled context stops
// the import; the report says how far it got (healthrecord.Registry's Importing section
// describes the contract).
func (g *Service) ImportActivities(ctx context.Context, as iter.Seq[*Activity]) (*gongwei.ImportReport, error) {
	const kind = "education.Activity"
	return bulk.Run(ctx, g.s, 0, bulk.Records(as, kind, func(ctx context.Context, a *Activity) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, a.Version, func(ctx context.Context) error { return g.Save(ctx, a) },
			bulk.Exists(func(ctx context.Context) (*Activity, error) { return g.s.Activity(ctx, a.ID) }))
	}))
}
