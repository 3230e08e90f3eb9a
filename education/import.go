package education

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore captures each activity the Service puts during an import (bulk.Put).
type captureStore struct {
	Store
	activities bulk.Capture[*Activity]
}

func (c *captureStore) PutActivity(ctx context.Context, a *Activity, prev int64) error {
	return bulk.Put(ctx, &c.activities, c.Store.PutActivity, a, prev)
}

// ImportActivities imports activities as Save stores them, keyed by ID, under the
// import contract of healthrecord.Registry's Importing section.
func (g *Service) ImportActivities(ctx context.Context, as iter.Seq[*Activity]) (*gongwei.ImportReport, error) {
	cs := &captureStore{Store: g.s}
	c := *g
	c.s = cs
	return bulk.Import(ctx, g.s, as, bulk.Kind[*Activity]{Name: "education.Activity", Capture: &cs.activities, Save: c.Save,
		Version: func(a *Activity) int64 { return a.Version },
		Get:     func(ctx context.Context, a *Activity) (*Activity, error) { return g.s.Activity(ctx, a.ID) }})
}
