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
	return bulk.Put(ctx, &c.pregnancies, c.Store.PutPregnancy, p, prev)
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
	cs := &captureStore{Store: g.s}
	c := *g
	c.s = cs
	return bulk.Import(ctx, g.s, ps, bulk.Kind[*Pregnancy]{Name: "maternal.Pregnancy", Capture: &cs.pregnancies, Save: c.Save,
		Version: func(p *Pregnancy) int64 { return p.Version },
		Get: func(ctx context.Context, p *Pregnancy) (*Pregnancy, error) {
			return g.s.Pregnancy(ctx, bulk.KeyOr(p.ID, func() PregnancyID { w := p.Clone(); normalize(w); return g.id(w) }))
		}})
}
