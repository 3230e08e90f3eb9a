package maternal

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// captureStore captures each pregnancy the Registry puts during an import (bulk.Put).
type captureStore struct {
	Store
	pregnancies bulk.Capture[*Pregnancy]
}

func (c *captureStore) PutPregnancy(ctx context.Context, p *Pregnancy, prev int64) error {
	return bulk.Put(ctx, &c.pregnancies, c.Store.PutPregnancy, p, prev)
}

// ImportPregnancies imports pregnancies as Save saves them (normalised, validated
// against the woman's health record and her other pregnancies, contacts put on her
// timeline), keyed by ID (assigned as by Save when empty), under the import contract of
// healthrecord.Registry's Importing section.
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
