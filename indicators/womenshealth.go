package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
)

// The indicator codes filled by [WomensHealthIndicators].
const (
	codeCancerScreened Code = "wh.cancer_screening"
	codeCancerReferral Code = "wh.cancer_referral"
	codeReportTimely   Code = "wh.report_timely"
	codePremarital     Code = "wh.premarital_check"
)

// WomensHealthCodes lists the indicators [WomensHealthIndicators] fills, in catalogue
// order.
var WomensHealthCodes = []Code{codeCancerScreened, codeCancerReferral, codeReportTimely, codePremarital}

// WomensHealthIndicators streams the women's health records of the jurisdiction prefix
// dated in p once and adds to sink, counted under each village:
//
//   - wh.cancer_screening (两癌检查人数, a count): the checks dated in p of women in the
//     target group on the day (womenshealth.InTargetAge, 35-64, plan-services.md §8).
//   - wh.cancer_referral (两癌检查阳性转诊率): denominator the checks dated in p with an
//     abnormal screen, numerator those referred for diagnosis (the programme's pathway:
//     colposcopy or mammography after an abnormal screen, plan-services.md §8). The
//     formula is UNCONFIRMED (the plans name the service, not the rate).
//   - wh.report_timely (妇幼死亡及出生缺陷报告及时率): denominator the reports whose event
//     is dated in p and whose kind has a deadline in deadlines, numerator those made
//     within it. The deadlines are the host's (no national one found); nil adds no cell.
//   - wh.premarital_check (婚检率), when s is also a womenshealth.PremaritalStore:
//     denominator the people whose marriage registration is dated in p, numerator those
//     given the premarital medical check (womenshealth.Premarital: men and women
//     together, the MCH annual report's formula).
//
// The error is the first the store yields, one wrapping gongwei.ErrInvalid when p is
// not valid, or ctx's error. [BasisService]
func WomensHealthIndicators(ctx context.Context, s womenshealth.Store, deadlines womenshealth.Deadlines, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	f := womenshealth.Filter{Prefix: prefix, Period: p}
	for x, err := range s.Screenings(ctx, f) {
		if err != nil {
			return err
		}
		unit := Unit(x.Village)
		if womenshealth.InTargetAge(x.Birth, x.Date) {
			b.Add(codeCancerScreened, unit, p, 1, 0)
		}
		if x.Positive() {
			b.Add(codeCancerReferral, unit, p, b2i(!x.Referred.IsZero()), 1)
		}
	}
	if deadlines != nil {
		for r, err := range s.Reports(ctx, f) {
			if err != nil {
				return err
			}
			if timely, ok := deadlines.Timely(r); ok {
				b.Add(codeReportTimely, Unit(r.Village), p, b2i(timely), 1)
			}
		}
	}
	if ps, ok := s.(womenshealth.PremaritalStore); ok {
		for m, err := range ps.Premaritals(ctx, f) {
			if err != nil {
				return err
			}
			b.Add(codePremarital, Unit(m.Village), p, b2i(!m.Checked.IsZero()), 1)
		}
	}
	return ctx.Err()
}
