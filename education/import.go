package education

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore is the Service's store for an import: it captures each activity put,
// for comparing it with the stored one when its key is taken (bulk.InsertSame).
type captureStore struct {
	Store
	activities bulk.Capture[*Activity]
}

func (c *captureStore) PutActivity(ctx context.Context, a *Activity, prev int64) error {
	return bulk.Put(ctx, &c.activities, c.Store.PutActivity, a, prev)
}

// ImportActivities imports activities as Save stores them. Records are written in
// chunks, in one batch of the store each when it implements gongwei.Batcher; a rejected
// record is reported (position, kind, every field problem) and the import goes on; an
// activity stored already exactly as the import would store it is skipped, so an
// interrupted import run again neither duplicates nor loses anything, and one stored
// with other content is rejected (gongwei.ErrConflict). A failing store or a cancelled
// context stops the import; the report says how far it got (healthrecord.Registry's
// Importing section describes the contract).
func (g *Service) ImportActivities(ctx context.Context, as iter.Seq[*Activity]) (*gongwei.ImportReport, error) {
	cs := &captureStore{Store: g.s}
	c := *g
	c.s = cs
	return bulk.Import(ctx, g.s, as, bulk.Kind[*Activity]{Name: "education.Activity", Capture: &cs.activities, Save: c.Save,
		Version: func(a *Activity) int64 { return a.Version },
		Get:     func(ctx context.Context, a *Activity) (*Activity, error) { return g.s.Activity(ctx, a.ID) }})
}
