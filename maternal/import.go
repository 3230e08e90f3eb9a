package maternal

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ImportPregnancies imports pregnancies as Save saves them (normalised, validated
// against the woman's health record and her other pregnancies, contacts put on her
// timeline), keyed by ID (assigned as by Save when empty), under the import contract of
// healthrecord.Registry's Importing section.
func (g *Registry) ImportPregnancies(ctx context.Context, ps iter.Seq[*Pregnancy]) (*gongwei.ImportReport, error) {
	return bulk.Import(ctx, g.s, ps, bulk.Kind[*Pregnancy]{Name: "maternal.Pregnancy", Save: g.Save,
		Version: func(p *Pregnancy) int64 { return p.Version },
		Get: func(ctx context.Context, p *Pregnancy) (*Pregnancy, error) {
			return g.s.Pregnancy(ctx, bulk.KeyOr(p.ID, func() PregnancyID { w := p.Clone(); normalize(w); return g.id(w) }))
		}})
}
