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
)

// WomensHealthCodes lists the indicators [WomensHealthIndicators] fills, in catalogue
// order.
var WomensHealthCodes = []Code{codeCancerScreened, codeCancerReferral, codeReportTimely}

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
	return ctx.Err()
}

// womensHealthCatalogue are the catalogue entries of the women's health projects.
var womensHealthCatalogue = []Indicator{
	implementedCount(codeCancerScreened, ServiceMaternal, Names{"农村妇女两癌检查人数", "農村婦女兩癌檢查人數", "Women given the breast and cervical cancer check"},
		Text{"年内接受两癌检查的35～64岁妇女人数", "women aged 35-64 checked in the year"},
		"plan-services.md §8 (NHC 2022 宫颈癌/乳腺癌筛查工作方案: women aged 35-64)", issueMaternal,
		Text{"为35～64岁妇女两癌检查%v人", "%v women aged 35-64 checked"}),
	{
		Code: codeCancerReferral, Implemented: true, Service: ServiceMaternal,
		Name:            Names{"两癌检查阳性转诊率", "兩癌檢查陽性轉診率", "Abnormal cancer screens referred"},
		Numerator:       Text{"转诊进一步诊断的两癌检查异常人数", "abnormal screens referred for diagnosis"},
		Denominator:     Text{"两癌检查结果异常人数", "checks with an abnormal screen"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-services.md §8 (cervical and breast pathways)", Note: "formula UNCONFIRMED",
		Issue: issueMaternal, Did: Text{"两癌检查异常转诊%v人", "%v abnormal screens referred"},
	},
	{
		Code: codeReportTimely, Implemented: true, Service: ServiceMaternal,
		Name:            Names{"妇幼死亡及出生缺陷报告及时率", "婦幼死亡及出生缺陷報告及時率", "Timely maternal, under-5 death and birth-defect reports"},
		Numerator:       Text{"在时限内报告的孕产妇死亡、5岁以下儿童死亡和出生缺陷例数", "reports made within their deadline"},
		Denominator:     Text{"报告的孕产妇死亡、5岁以下儿童死亡和出生缺陷例数", "maternal deaths, under-5 deaths and birth defects reported"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-services.md §8 (MCH surveillance; 围产儿、0～5岁儿童死亡、孕产妇死亡报告率 in plan-targets.md)",
		Note:   "deadlines are the host's (no national deadline found, UNCONFIRMED)",
		Issue:  issueMaternal, Did: Text{"及时报告妇幼死亡及出生缺陷%v例", "%v reports made on time"},
	},
}
