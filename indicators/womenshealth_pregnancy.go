package indicators

import (
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
)

// The indicator codes of the women's health projects recorded on the pregnancy, filled
// by [MaternalIndicators] from the pregnancies delivered in the period.
const (
	codePrePregnancyCheck Code = "maternal.prepregnancy_check"
	codeFolicAcid         Code = "maternal.folic_acid"
	codePMTCTIntervention Code = "maternal.pmtct_intervention"
	codeDeliverySubsidy   Code = "maternal.delivery_subsidy"
)

// pmtctCodes are the per-infection codes of maternal.pmtct_intervention, in
// maternal.Infections order.
var pmtctCodes = func() (out []Code) {
	for _, inf := range maternal.Infections {
		out = append(out, codePMTCTIntervention.With(inf.Code()))
	}
	return out
}()

// keyQualifiedPMTCT is the catalog key of a per-infection row of
// maternal.pmtct_intervention: 艾滋病感染孕产妇及所生儿童用药干预率, the plans' name
// (plan-targets.md).
const keyQualifiedPMTCT = "ind.qualified.pmtct_intervention"

// The rows of maternal.pmtct_intervention are named by the infection, whose name
// maternal registers in the catalog.
func init() {
	gongwei.RegisterMessages(gongwei.Message{Key: keyQualifiedPMTCT,
		ZhHans: "%s感染孕产妇及所生儿童用药干预率", ZhHant: "%s感染孕產婦及所生兒童用藥干預率",
		En: "Mothers positive for %s and their infants given the intervention"})
	qualifiers[codePMTCTIntervention] = qualifier{format: keyQualifiedPMTCT, name: func(q string, tag language.Tag) (string, bool) {
		for _, inf := range maternal.Infections {
			if inf.Code() == q {
				return inf.Label(tag), true
			}
		}
		return "", false
	}}
}

// addProjects adds the projects' cells of a woman delivered in p (see
// [MaternalIndicators]); the denominators are women delivered (产妇数), as the MCH
// annual report's rates over 产妇数 are (plan-services.md §2.3):
//
//   - maternal.prepregnancy_check (孕前优生健康检查率): numerator 1 if she had the free
//     pre-pregnancy check before the LMP (maternal.Pregnancy.PrePregnancyChecked).
//   - maternal.folic_acid (叶酸服用率): numerator 1 if she took folic acid before
//     conception or in the first 3 months (maternal.FolicAcid.Taken).
//   - maternal.pmtct_intervention (用药干预率): per infection she tested positive for
//     (/hiv, /syphilis, /hbsag) denominator 1, numerator 1 if she was treated and her
//     live-born infants given prophylaxis (maternal.Pregnancy.Intervened); the
//     unqualified code counts the women positive for any, intervened for every one.
//   - maternal.delivery_subsidy (农村孕产妇住院分娩补助率): a rural woman delivered in
//     hospital (maternal.Pregnancy.SubsidyEligible) adds 1 to the denominator, and 1 to
//     the numerator if paid.
func addProjects(preg *maternal.Pregnancy, p gongwei.Period, unit Unit, sink Sink) {
	sink.Add(codePrePregnancyCheck, unit, p, b2i(preg.PrePregnancyChecked()), 1)
	sink.Add(codeFolicAcid, unit, p, b2i(preg.FolicAcid.Taken()), 1)
	pos, done := preg.Intervened()
	anyPos, all := false, true
	for i := range pos {
		if pos[i] {
			sink.Add(pmtctCodes[i], unit, p, b2i(done[i]), 1)
			anyPos, all = true, all && done[i]
		}
	}
	if anyPos {
		sink.Add(codePMTCTIntervention, unit, p, b2i(all), 1)
	}
	if preg.SubsidyEligible() {
		sink.Add(codeDeliverySubsidy, unit, p, b2i(preg.SubsidyPaidOut()), 1)
	}
}
