package education

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportActivities imports activities as Save stores them, keyed by ID, under the
// import contract of healthrecord.Registry's Importing section.
func (g *Service) ImportActivities(ctx context.Context, as iter.Seq[*Activity]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, as, bulk.Kind[*Activity]{Name: "education.Activity", Save: g.Save,
		Version: func(a *Activity) int64 { return a.Version },
		Get:     func(ctx context.Context, a *Activity) (*Activity, error) { return g.s.Activity(ctx, a.ID) }})
}
