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
// with its target as a share. A village of InjectQuota reports, for each, the fewest
// that meets the target instead of its count.
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
	var out []integrity.Figure
	for k, n := range tally.All() {
		t, ok := targets[k.Code]
		if !ok || len(k.Unit) != 12 || k.Period != c.period || n.Den <= 0 {
			continue
		}
		f := integrity.Figure{Village: gongwei.Division(k.Unit), Indicator: string(k.Code), Numerator: n.Num, Denominator: n.Den, Target: t}
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
