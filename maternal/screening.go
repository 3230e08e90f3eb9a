package maternal

import (
	"context"

	"github.com/gongwei-lib/gongwei"
)

// PrenatalScreening is the serological prenatal screening of a pregnancy (产前筛查:
// maternal serum screening for Down syndrome, trisomy 18 and open neural-tube defects).
// The maternal and child health annual report counts serological screening only, not
// ultrasound (plan-services.md §2.3, 《妇幼报表各种率的计算》), so an ultrasound is not
// recorded here.
type PrenatalScreening struct {
	// Date is the date the blood was drawn.
	Date gongwei.Date
	// Positive reports a high-risk (positive) result, referred for diagnosis.
	Positive bool
}

// Screened reports whether the woman was given serological prenatal screening during
// the pregnancy.
func (p *Pregnancy) Screened() bool { return p.Screening != nil && !p.Screening.Date.IsZero() }

// validateScreening checks the screening's date: required, within the pregnancy and not
// after its end.
func (p *Pregnancy) validateScreening(ve *gongwei.ValidationError) {
	s := p.Screening
	if s == nil {
		return
	}
	ve.Check(!s.Date.IsZero(), "Screening.Date", gongwei.CodeRequired)
	p.prenatalDate(ve, "Screening.Date", s.Date)
}

// RecordScreening records the serological prenatal screening of the pregnancy (see
// Update); a second screening replaces the first.
func (g *Registry) RecordScreening(ctx context.Context, id PregnancyID, s PrenatalScreening) (*Pregnancy, error) {
	return g.Update(ctx, id, func(p *Pregnancy) error { p.Screening = &s; return nil })
}
