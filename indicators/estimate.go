package indicators

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// Estimate is the parameter set of an estimated denominator: the number of patients
// expected in a population, population × share × prevalence. The hypertension and
// diabetes management rates (高血压/2型糖尿病患者管理率) divide by such an estimate,
// 辖区常住成年人口 × 成年人患病率 (nbphs-spec §7.5, §8.3; UNCONFIRMED there, and
// implemented as given). peers.md quotes one scheme: 18.8% hypertension and 9.7% diabetes,
// each × 85% of the area population (the adult share).
//
// The share and the prevalence are parameters a plan or the host supplies (see
// Plan.Estimates): they are local, not national constants.
type Estimate struct {
	// Share is the fraction of the population in the group the prevalence applies to
	// (adults: 0.85). Zero means 1 (the prevalence applies to the whole population).
	Share decimal.Decimal
	// Prevalence is the fraction of that group expected to have the condition (0.188).
	Prevalence decimal.Decimal
}

// Patients returns population × share × prevalence rounded half-up to a whole person.
// Round in each unit where the population is known, then tally: the county's estimated
// denominator is the sum of its units' rounded estimates (so that village → township →
// county merges exactly); it may differ from an estimate made on the county's total
// population by at most half a person per unit.
//
// The error wraps gongwei.ErrInvalid when the population is negative or a fraction lies
// outside [0, 1].
func (e Estimate) Patients(population int64) (int64, error) {
	one := decimal.NewFromInt(1)
	share := e.Share
	if share.IsZero() {
		share = one
	}
	if population < 0 || share.IsNegative() || share.GreaterThan(one) ||
		e.Prevalence.IsNegative() || e.Prevalence.GreaterThan(one) {
		return 0, fmt.Errorf("%w: estimate parameters out of range", gongwei.ErrInvalid)
	}
	n := decimal.NewFromInt(population).Mul(share).Mul(e.Prevalence).Round(0)
	return n.IntPart(), nil
}
