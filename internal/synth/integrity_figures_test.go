package synth

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei/integrity"
)

// TestFigures: every village reports its rates against the plan's targets and its
// managed hypertension and diabetes patients against their estimates; a village of
// InjectQuota reports them all at quota, the others as counted.
func TestFigures(t *testing.T) {
	c, err := New(Config{Seed: 5, County: "410523", Townships: 1, VillagesPerTownship: 10, Residents: 5000, Year: 2025, Inject: Injection{Quota: 0.3}})
	if err != nil {
		t.Fatal(err)
	}
	figs, err := c.Figures(context.Background(), 0, c.Residents())
	if err != nil {
		t.Fatal(err)
	}
	byVillage := map[string][]integrity.Figure{}
	for _, f := range figs {
		byVillage[string(f.Village)] = append(byVillage[string(f.Village)], f)
	}
	injected := 0
	for _, v := range c.Villages() {
		fs := byVillage[string(v)]
		estimates, rates, atQuota := 0, 0, 0
		for _, f := range fs {
			if f.Estimate > 0 {
				estimates++
				// 500 residents: 0.85 × 0.188 × 500 = 79.9 hypertension, 0.85 × 0.097 × 500 = 41.2 diabetes patients.
				if f.Indicator == "ht.management" && f.Estimate != 80 || f.Indicator == "dm.management" && f.Estimate != 41 {
					t.Errorf("%s %s: estimate %d", v, f.Indicator, f.Estimate)
				}
				if f.Numerator == f.Estimate {
					atQuota++
				}
				continue
			}
			rates++
			if f.Target <= 0 || f.Target > 1 || f.Denominator <= 0 {
				t.Errorf("%s %s: target %v of %d", v, f.Indicator, f.Target, f.Denominator)
			}
		}
		if estimates != 2 || rates < 15 {
			t.Errorf("village %s: %d estimated counts and %d rates", v, estimates, rates)
		}
		if c.Injected(InjectQuota, string(v)) {
			injected++
			if atQuota != 2 {
				t.Errorf("injected village %s: %d estimated counts at the estimate, want 2", v, atQuota)
			}
		} else if atQuota == 2 {
			t.Errorf("clean village %s: both counts at their estimates", v)
		}
	}
	if injected == 0 || injected == len(c.Villages()) {
		t.Errorf("%d of %d villages injected", injected, len(c.Villages()))
	}
}
