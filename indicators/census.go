package indicators

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
)

// Population is a unit's census figures for a period: the figures a host takes from the
// census, the statistics bureau or the public-security register, to divide by instead
// of the residents the store happens to hold. nbphs-spec §1.6 defines 建档率 over 辖区内
// 常住居民数 — the population that lives there, recorded or not — so a township whose
// store holds only the residents it has reached would otherwise report every record
// against itself.
type Population struct {
	// Unit is the division the figures are for (a village, as the record indicators
	// are tallied, or any coarser unit the host has figures for).
	Unit Unit
	// Residents is the resident population (常住人口); zero leaves the counted
	// denominators as they are.
	Residents int64
	// Households is the number of resident households (常住户数); zero leaves the
	// household-record denominator as it is.
	Households int64
}

// residentPopulationCodes are the indicators whose denominator is 辖区内常住居民数
// (catalogue entries' Denominator), replaced by Population.Residents.
var residentPopulationCodes = []Code{codeRecordCoverage, codeRecordElectronic, codeRecordContract}

// householdPopulationCodes are the indicators whose denominator is 辖区内常住户数,
// replaced by Population.Households.
var householdPopulationCodes = []Code{codeRecordHousehold}

var errPopulation = fmt.Errorf("%w: indicators: population", gongwei.ErrInvalid)

// SetDenominator replaces the denominator of cell (code, unit, period) by den, keeping
// its numerator, and creates the cell if it is absent (numerator 0). It is how a host
// divides by a figure the records cannot give. Set denominators on the units the figures
// are for and roll up afterwards: the sum of the villages' census figures is the
// township's.
func (t *Tally) SetDenominator(code Code, unit Unit, period gongwei.Period, den int64) {
	k := Key{code, unit, period}
	c, _ := t.Get(k)
	c.Den = den
	if t.m == nil {
		t.m = make(map[Key]Counts)
	}
	t.m[k] = c
}

// ApplyPopulation divides the record indicators of period p by the census figures of
// each unit: record.coverage, record.electronic and record.contract by Residents,
// record.household by Households (a zero figure leaves that denominator as counted). It
// fails with an error wrapping gongwei.ErrInvalid, changing nothing, when a figure is
// negative, a unit is malformed or repeats, or p is not a valid period.
func (t *Tally) ApplyPopulation(p gongwei.Period, pops ...Population) error {
	if !p.IsValid() {
		return errPeriod
	}
	seen := make(map[Unit]bool, len(pops))
	for i, pop := range pops {
		if u, err := ParseUnit(string(pop.Unit)); err != nil || u != pop.Unit || seen[pop.Unit] || pop.Residents < 0 || pop.Households < 0 {
			return fmt.Errorf("%w: entry %d", errPopulation, i)
		}
		seen[pop.Unit] = true
	}
	for _, pop := range pops {
		set := func(codes []Code, den int64) {
			if den == 0 {
				return
			}
			for _, c := range codes {
				t.SetDenominator(c, pop.Unit, p, den)
			}
		}
		set(residentPopulationCodes, pop.Residents)
		set(householdPopulationCodes, pop.Households)
	}
	return nil
}
