package indicators

import (
	"context"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// The indicator codes filled by [VillageClinicIndicators].
const (
	codeVillageSupervised Code = "village.supervision"
	codeVillageTraining   Code = "village.training_pass"
)

// VillageClinicCodes lists the indicators [VillageClinicIndicators] fills, in catalogue
// order.
var VillageClinicCodes = []Code{codeVillageSupervised, codeVillageTraining}

// VillageClinicIndicators reads the township centre's supervision visits and training
// sessions of the jurisdiction prefix in period p once and adds to sink, counted under
// each village:
//
//   - village.supervision (督导完成率: villages supervised as planned): denominator each
//     village of plan under prefix, numerator those with at least plan.VisitsPerVillage
//     visits dated in p. The plan is the host's data (no national count of visits,
//     plan-services.md §9); p is the plan's year. A nil plan adds no cell.
//   - village.training_pass (规范培训合格率): denominator the attendees of the sessions
//     dated in p who were assessed, numerator those who scored the session's pass mark
//     (villageclinic.Training.Passed; the pass mark is the host's, per session). The
//     formula is the plan's name with the conventional reading, UNCONFIRMED
//     (plan-targets.md names the target only).
//
// The error is the first the store yields, one wrapping gongwei.ErrInvalid when p or
// plan is not valid, or ctx's error. [BasisService]
func VillageClinicIndicators(ctx context.Context, s villageclinic.Store, plan *villageclinic.Plan, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	if plan != nil {
		if err := plan.Validate(); err != nil {
			return err
		}
	}
	b := newBatch(sink)
	defer b.flush()
	f := villageclinic.Filter{Prefix: prefix, Period: p}
	if plan != nil {
		visits := map[Unit]int{}
		for v, err := range s.Visits(ctx, f) {
			if err != nil {
				return err
			}
			visits[Unit(v.Village)]++
		}
		for _, v := range plan.Villages {
			if strings.HasPrefix(string(v), prefix) {
				b.Add(codeVillageSupervised, Unit(v), p, b2i(visits[Unit(v)] >= plan.VisitsPerVillage), 1)
			}
		}
	}
	for t, err := range s.Trainings(ctx, villageclinic.Filter{Prefix: prefix[:min(len(prefix), 9)], Period: p}) {
		if err != nil {
			return err
		}
		for _, a := range t.Attendees {
			if a.Score != nil && strings.HasPrefix(string(a.Village), prefix) {
				b.Add(codeVillageTraining, Unit(a.Village), p, b2i(t.Passed(a)), 1)
			}
		}
	}
	return ctx.Err()
}
