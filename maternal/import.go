package maternal

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportPregnancies imports pregnancies as Save saves them: each is normalised,
// validated against the woman's health record and her other pregnancies, and its
// contacts are put on her timeline. Records are written in chunks, in one batch of the
// store each when it implements gongwei.Batcher; a rejected record is reported
// (position, kind, every field problem) and the import goes on; a pregnancy whose ID
// (assigned as by Save when empty) is stored already is skipped, so an interrupted
// import run again neither duplicates nor loses anything. A failing store or a
// cancelled context stops the import; the report says how far it got
// (healthrecord.Registry's Importing section describes the contract).
func (g *Registry) ImportPregnancies(ctx context.Context, ps iter.Seq[*Pregnancy]) (*gongwei.ImportReport, error) {
	const kind = "maternal.Pregnancy"
	return bulk.Run(ctx, g.s, 0, bulk.Records(ps, kind, func(ctx context.Context, p *Pregnancy) (bulk.Outcome, error) {
		return bulk.Insert(ctx, kind, p.Version, func(ctx context.Context) error { return g.Save(ctx, p) },
			bulk.Exists(func(ctx context.Context) (*Pregnancy, error) {
				id := p.ID
				if id == "" {
					w := p.Clone()
					normalize(w)
					id = g.id(w)
				}
				return g.s.Pregnancy(ctx, id)
			}))
	}))
}
