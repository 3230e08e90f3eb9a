package maternal

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore is the Registry's store for an import: it captures each pregnancy put,
// for comparing it with the stored one when its key is taken (bulk.InsertSame).
type captureStore struct {
	Store
	pregnancies bulk.Capture[*Pregnancy]
}

func (c *captureStore) PutPregnancy(ctx context.Context, p *Pregnancy, prev int64) error {
	c.pregnancies.Keep(p)
	return c.Store.PutPregnancy(ctx, p, prev)
}

// ImportPregnancies imports pregnancies as Save saves them: each is normalised,
// validated against the woman's health record and her other pregnancies, and its
// contacts are put on her timeline. Records are written in chunks, in one batch of the
// store each when it implements gongwei.Batcher; a rejected record is reported
// (position, kind, every field problem) and the import goes on; a pregnancy stored
// already exactly as the import would store it (its ID assigned as by Save when empty)
// is skipped, so an interrupted import run again neither duplicates nor loses anything,
// and one stored with other content is rejected (gongwei.ErrConflict). A failing store
// or a cancelled context stops the import; the report says how far it got
// (healthrecord.Registry's Importing section describes the contract).
func (g *Registry) ImportPregnancies(ctx context.Context, ps iter.Seq[*Pregnancy]) (*gongwei.ImportReport, error) {
	const kind = "maternal.Pregnancy"
	cs := &captureStore{Store: g.s}
	c := *g
	c.s = cs
	return bulk.Run(ctx, g.s, 0, bulk.Records(ps, kind, func(ctx context.Context, p *Pregnancy) (bulk.Outcome, error) {
		return bulk.InsertSame(ctx, kind, p.Version, &cs.pregnancies, func(ctx context.Context) error { return c.Save(ctx, p) },
			func(ctx context.Context) (*Pregnancy, error) {
				id := p.ID
				if id == "" {
					w := p.Clone()
					normalize(w)
					id = g.id(w)
				}
				return g.s.Pregnancy(ctx, id)
			})
	}))
}
