package synth

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/integrity"
)

// Figures returns the villages' figures as their clinics report them, for the quota
// rule of the integrity checks (integrity.Sources.Figures): each rate of the catalogue
// in percent that the example plan (indicators.ExamplePlan) sets an "at least" target
// for, counted over the persons [from, to) (indicators.ComputeSubjects over Subjects),
// with its target as a share, and each count the plan holds to a prevalence estimate
// (hypertension and diabetes patients managed) with the estimate for the village's
// residents (indicators.Estimate.Patients). A village of InjectQuota reports, for each
// rate, the fewest that meets the target and, for each estimated count, the estimate,
// instead of its counts.
func (c *County) Figures(ctx context.Context, from, to int) ([]integrity.Figure, error) {
	tally := indicators.NewTally(4096)
	if err := indicators.ComputeSubjects(ctx, c.Subjects(ctx, from, to), c.period, nil, tally); err != nil {
		return nil, fmt.Errorf("synth: figures: %w", err)
	}
	targets := map[indicators.Code]float64{}
	for _, row := range indicators.ExamplePlan(c.cfg.Year, "").Rows {
		ind, ok := indicators.Lookup(row.Code)
		if !ok || ind.Scale != indicators.Percent || row.Target.Op != indicators.OpAtLeast {
			continue
		}
		targets[row.Code] = row.Target.Value.InexactFloat64() / 100
	}
	plan := indicators.ExamplePlan(c.cfg.Year, "")
	population := map[indicators.Unit]int64{}
	for k, v := range c.villages {
		from, to := c.VillageRange(k)
		population[indicators.Unit(v)] = int64(to - from)
	}
	var out []integrity.Figure
	for k, n := range tally.All() {
		if len(k.Unit) != 12 || k.Period != c.period {
			continue
		}
		f := integrity.Figure{Village: gongwei.Division(k.Unit), Indicator: string(k.Code), Numerator: n.Num, Denominator: n.Den}
		if e, ok := plan.Estimates[k.Code]; ok {
			// A prevalence held to its estimate: the patients managed against the
			// patients the village's population is expected to have.
			est, err := e.Patients(population[k.Unit])
			if err != nil {
				return nil, fmt.Errorf("synth: figures: %w", err)
			}
			f.Denominator, f.Estimate, f.Target = est, est, targets[k.Code]
			if c.Injected(InjectQuota, string(k.Unit)) {
				f.Numerator = est
			}
			if est > 0 {
				out = append(out, f)
			}
			continue
		}
		t, ok := targets[k.Code]
		if !ok || n.Den <= 0 {
			continue
		}
		f.Target = t
		if c.Injected(InjectQuota, string(k.Unit)) {
			f.Numerator = int64(math.Ceil(t*float64(n.Den) - 1e-9))
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b integrity.Figure) int {
		return cmp.Or(strings.Compare(string(a.Village), string(b.Village)), strings.Compare(a.Indicator, b.Indicator))
	})
	return out, nil
}
