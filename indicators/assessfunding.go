package indicators

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// FundingRule is how an assessment turns into money: the year's per-capita standard, the
// part of it for 卫生监督协管 (paid by the supervision score's tier), and the quality
// coefficient that scales the rest.
type FundingRule struct {
	// PerCapita is the year's standard (yuan per person; NationalPerCapita, or a local
	// override).
	PerCapita PerCapita
	// Supervision is the part of PerCapita for 卫生监督协管, yuan per person, and where it
	// comes from.
	Supervision       decimal.Decimal
	SupervisionSource string // the document Supervision comes from
	// CoefficientFloor: the services money is multiplied by the quality coefficient
	// (score ÷ 100, to 4 places) only when the coefficient is below it; at or above it the
	// full amount is paid. The floor 0.85 is one open-source county system's
	// (plan-services.md §1.2, mohui/appraisal-server 质量系数); zero pays the full amount
	// whatever the score.
	CoefficientFloor decimal.Decimal
}

// ExampleFundingRule is the example township's rule for year: the national per-capita
// standard of the year (NationalPerCapita; false when the year has none); 1.25 yuan of it
// for 卫生监督协管, the one split the references give (one province, when the standard was
// 30 yuan: plan-targets.md; an example for other years), paid by the 80/60 tiers that plan
// sets for that money (FundingTier); the rest scaled by the quality coefficient below
// 0.85 (plan-services.md §1.2).
func ExampleFundingRule(year int) (FundingRule, bool) {
	pc, ok := NationalPerCapita(year)
	return FundingRule{
		PerCapita:         pc,
		Supervision:       decimal.RequireFromString("1.25"),
		SupervisionSource: "plan-targets.md (one province: 1.25 of 30 yuan; an example for this year)",
		CoefficientFloor:  decimal.RequireFromString("0.85"),
	}, ok
}

// coefficientPlaces is the precision of the quality coefficient (4 decimals, as the
// system that defines it rounds it).
const coefficientPlaces = 4

// Funding is what a township earns: the budget, its two parts, and what each part pays.
type Funding struct {
	Rule       FundingRule // the rule the amounts were computed under
	Population int64       // the service population (常住人口) the standard is paid for
	// Total is PerCapita × Population; SupervisionTotal is Supervision × Population;
	// ServicesTotal the rest. All in yuan to the fen.
	Total, SupervisionTotal, ServicesTotal decimal.Decimal
	// Coefficient is the services money's factor: score ÷ 100 below the floor, else 1.
	Coefficient decimal.Decimal
	// Tier is the supervision money's factor (FundingTier of the supervision score).
	Tier decimal.Decimal
	// ServicesPaid, SupervisionPaid and Paid are the amounts earned, to the fen.
	ServicesPaid, SupervisionPaid, Paid decimal.Decimal
}

// Fund computes the money of a service population under rule r from the total score and
// the supervision area's own score (both out of 100). Each part is rounded half-up to the
// fen, and Paid is their sum. The error wraps gongwei.ErrInvalid for a negative
// population, a per-capita standard that is not positive, or a supervision part outside
// 0 to the standard.
func Fund(r FundingRule, population int64, score, supervisionScore decimal.Decimal) (Funding, error) {
	if population < 0 || !r.PerCapita.Yuan.IsPositive() || r.Supervision.IsNegative() || r.Supervision.GreaterThan(r.PerCapita.Yuan) {
		return Funding{}, fmt.Errorf("%w: funding rule", gongwei.ErrInvalid)
	}
	b := Budget{PerCapita: r.PerCapita.Yuan, Supervision: r.Supervision, Population: population}
	f := Funding{Rule: r, Population: population, Total: b.Total(), SupervisionTotal: b.SupervisionTotal(), ServicesTotal: b.ServicesTotal()}
	f.Coefficient = decimal.NewFromInt(1)
	if c := score.DivRound(decimal.NewFromInt(100), coefficientPlaces); c.LessThan(r.CoefficientFloor) {
		f.Coefficient = c
	}
	f.Tier = FundingTier(supervisionScore)
	f.ServicesPaid = f.ServicesTotal.Mul(f.Coefficient).Round(moneyPlaces)
	f.SupervisionPaid = f.SupervisionTotal.Mul(f.Tier).Round(moneyPlaces)
	f.Paid = f.ServicesPaid.Add(f.SupervisionPaid)
	return f, nil
}

// AllocateByWork splits the amount paid among units in proportion to their corrected
// work: population × score (to 2 places), the work-point model of plan-services.md §1.2
// with the population standing for the work. Exact to the fen ([Allocate]).
func AllocateByWork(paid decimal.Decimal, scores []UnitScore, population map[Unit]int64) ([]Allocation, error) {
	shares := make([]Share, len(scores))
	for i, s := range scores {
		w := s.Score.Shift(scorePlaces).IntPart() * population[s.Unit]
		shares[i] = Share{Unit: s.Unit, Weight: w}
	}
	return AllocateToUnits(paid, shares)
}
