package indicators

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// PerCapita is one year's national per-capita funding standard for basic public health
// services (人均基本公共卫生服务经费补助标准), in yuan per person per year.
type PerCapita struct {
	Year int             // the calendar year the standard applies to
	Yuan decimal.Decimal // yuan per person per year
	// Confirmed is false for the years the reference marks UNCONFIRMED or derived.
	Confirmed bool
	Source    string // the document that sets the year's standard
}

// perCapitaStandards is the national baseline by year (nbphs-spec §0.1). Years marked
// UNCONFIRMED there (2010, 2012, 2014, 2020–2022) are implemented as given, with
// Confirmed false. Provinces may set higher local standards (Yancheng 98 yuan and Zhejiang
// ≥102 yuan in 2023): model those as a local override, [Budget].PerCapita.
var perCapitaStandards = []PerCapita{
	{2009, decimal.NewFromInt(15), true, "nbphs-spec §0.1 [R60]"},
	{2010, decimal.NewFromInt(15), false, "nbphs-spec §0.1 (UNCONFIRMED, implied)"},
	{2011, decimal.NewFromInt(25), true, "nbphs-spec §0.1 [R60] [R1]"},
	{2012, decimal.NewFromInt(25), false, "nbphs-spec §0.1 (UNCONFIRMED, implied)"},
	{2013, decimal.NewFromInt(30), true, "nbphs-spec §0.1 [R47]"},
	{2014, decimal.NewFromInt(35), false, "nbphs-spec §0.1 (UNCONFIRMED)"},
	{2015, decimal.NewFromInt(40), true, "nbphs-spec §0.1 [R56]"},
	{2016, decimal.NewFromInt(45), true, "nbphs-spec §0.1 [R56] [R1]"},
	{2017, decimal.NewFromInt(50), true, "nbphs-spec §0.1 [R56]"},
	{2018, decimal.NewFromInt(55), true, "nbphs-spec §0.1 [R56]"},
	{2019, decimal.NewFromInt(69), true, "nbphs-spec §0.1 [R56] (2019 base restated; breakdown UNCONFIRMED)"},
	{2020, decimal.NewFromInt(74), false, "nbphs-spec §0.1 (derived, UNCONFIRMED)"},
	{2021, decimal.NewFromInt(79), false, "nbphs-spec §0.1 (derived, UNCONFIRMED)"},
	{2022, decimal.NewFromInt(84), false, "nbphs-spec §0.1 (derived, UNCONFIRMED)"},
	{2023, decimal.NewFromInt(89), true, "nbphs-spec §0.1 [R56]"},
	{2024, decimal.NewFromInt(94), true, "nbphs-spec §0.1 [R58] [R59]"},
	{2025, decimal.NewFromInt(99), true, "nbphs-spec §0.1 [R58] [R59]"},
}

// NationalPerCapita returns the national per-capita standard of year (2009 to 2025), and
// false for a year the reference does not give.
func NationalPerCapita(year int) (PerCapita, bool) {
	for _, s := range perCapitaStandards {
		if s.Year == year {
			return s, true
		}
	}
	return PerCapita{}, false
}

// moneyPlaces is the precision of money: the fen, one hundredth of a yuan.
const moneyPlaces = 2

// Budget is a year's basic public health funding for a service population.
type Budget struct {
	// PerCapita is the standard in yuan per person per year (national, or the local
	// override).
	PerCapita decimal.Decimal
	// Supervision is the part of PerCapita set aside for 卫生监督协管, yuan per person
	// (one province: 1.25 of 30 yuan, plan-targets.md); zero if none.
	Supervision decimal.Decimal
	// Population is the service population (常住人口).
	Population int64
}

// ExampleBudget returns the budget of plan-targets.md's example province and year, 30 yuan
// per person of which 1.25 yuan for 卫生监督协管, for population. Local, not national.
func ExampleBudget(population int64) Budget {
	return Budget{PerCapita: decimal.NewFromInt(30), Supervision: decimal.RequireFromString("1.25"), Population: population}
}

// Total returns PerCapita × Population in yuan, rounded half-up to the fen.
func (b Budget) Total() decimal.Decimal {
	return b.PerCapita.Mul(decimal.NewFromInt(b.Population)).Round(moneyPlaces)
}

// SupervisionTotal returns Supervision × Population in yuan, rounded half-up to the fen.
func (b Budget) SupervisionTotal() decimal.Decimal {
	return b.Supervision.Mul(decimal.NewFromInt(b.Population)).Round(moneyPlaces)
}

// ServicesTotal returns Total − SupervisionTotal: the part for the other services. The
// two parts sum exactly to Total.
func (b Budget) ServicesTotal() decimal.Decimal { return b.Total().Sub(b.SupervisionTotal()) }

// Payable returns the amount an assessment score earns: total × FundingTier(score),
// rounded half-up to the fen.
func Payable(total, score decimal.Decimal) decimal.Decimal {
	return total.Mul(FundingTier(score)).Round(moneyPlaces)
}

var errAllocate = fmt.Errorf("%w: allocation", gongwei.ErrInvalid)

// Allocate splits total (yuan, at most 2 decimal places, non-negative) in proportion to
// weights (township populations, or any non-negative weights with a positive sum), in
// yuan with fen precision, so that the shares sum exactly to total: no fen lost or
// created.
//
// The rule is the largest-remainder (Hamilton) method on fen: each share first gets
// floor(totalFen × weight ÷ Σweights) fen; the fen left over (fewer than the number of
// shares) go one each to the shares with the largest remainders (totalFen × weight mod
// Σweights); ties go to the share listed first. 100.00 yuan over three equal weights
// gives 33.34, 33.33, 33.33. Arithmetic is exact (big integers).
//
// The error wraps gongwei.ErrInvalid for a negative total, a total with fractions of a
// fen, a negative weight or weights summing to zero.
func Allocate(total decimal.Decimal, weights []int64) ([]decimal.Decimal, error) {
	if total.IsNegative() || !total.Round(moneyPlaces).Equal(total) || len(weights) == 0 {
		return nil, errAllocate
	}
	fen := total.Shift(moneyPlaces).BigInt()
	sum := new(big.Int)
	for _, w := range weights {
		if w < 0 {
			return nil, errAllocate
		}
		sum.Add(sum, big.NewInt(w))
	}
	if sum.Sign() == 0 {
		return nil, errAllocate
	}
	type part struct {
		i    int
		q, r *big.Int
	}
	parts := make([]part, len(weights))
	given := new(big.Int)
	for i, w := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(fen, big.NewInt(w)), sum, new(big.Int))
		parts[i] = part{i, q, r}
		given.Add(given, q)
	}
	left := new(big.Int).Sub(fen, given).Int64() // < len(weights)
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return parts[order[a]].r.Cmp(parts[order[b]].r) > 0 })
	for k := int64(0); k < left; k++ {
		parts[order[k]].q.Add(parts[order[k]].q, big.NewInt(1))
	}
	out := make([]decimal.Decimal, len(parts))
	for i, p := range parts {
		out[i] = decimal.NewFromBigInt(p.q, -moneyPlaces)
	}
	return out, nil
}

// Share is a unit's weight in an allocation (its service population).
type Share struct {
	Unit   Unit
	Weight int64
}

// Allocation is a unit's part of an allocated total.
type Allocation struct {
	Unit   Unit            // the unit the amount goes to
	Amount decimal.Decimal // yuan, 2 places
}

// AllocateToUnits splits total among units by weight with [Allocate]'s rule; the order of
// shares decides ties, so list units in a stable order (by code).
func AllocateToUnits(total decimal.Decimal, shares []Share) ([]Allocation, error) {
	w := make([]int64, len(shares))
	for i, s := range shares {
		w[i] = s.Weight
	}
	amounts, err := Allocate(total, w)
	if err != nil {
		return nil, err
	}
	out := make([]Allocation, len(shares))
	for i, s := range shares {
		out[i] = Allocation{Unit: s.Unit, Amount: amounts[i]}
	}
	return out, nil
}
