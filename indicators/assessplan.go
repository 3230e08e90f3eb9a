package indicators

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/immunization"
)

// References of the targets of [AssessmentPlan].
const (
	// refNational2023 is the 2023 performance-target list of the basic public health
	// services subsidy (基本公共卫生服务补助资金绩效目标, reposted by 基层医声公社:
	// https://ewitkey.cn/cms/show-31843.html, 2023-09-22; not the official text).
	refNational2023 = "2023年基本公共卫生服务绩效目标 (repost: ewitkey.cn/cms/show-31843.html)"
	// refFamilyDoctor2016 is the 2016 national guidance on family-doctor contracting:
	// coverage ≥30% by 2017 (plan-services.md §2.5).
	refFamilyDoctor2016 = "关于推进家庭医生签约服务的指导意见 (2016), plan-services.md §2.5"
	// refChildTCM is 健康儿童行动提升计划 (2021–2025): ≥85% by 2025 (nbphs-spec §11.3 [R46]).
	refChildTCM = "健康儿童行动提升计划 2021–2025, nbphs-spec §11.3 [R46]"
	refPlans    = "plan-targets.md"
)

// AssessmentPlan returns the example township's plan for year: every indicator of the
// national assessment set — the specification's annual indicators (nbphs-spec §14), the
// indicators the national performance targets name, and the ones real local plans
// assess (plan-targets.md) — with the target set for unit and where each target comes
// from (PlanRow.Source):
//
//   - a local plan's target where a plan in plan-targets.md states one (SourcePlan);
//   - otherwise a national target where a national document gives one (SourceNational:
//     the 2023 performance-target list, the 2016 family-doctor guidance, the 2021–2025
//     child-health plan);
//   - otherwise an example value (SourceExample), labelled as such: the host sets its own.
//
// Single vaccines are one row per milestone of the programme (imm.coverage/<milestone>,
// named 卡介苗接种率, 乙肝疫苗第3剂接种率 … by immunization's catalog). Health education
// minimums are per institution (nbphs-spec §2.1), so their rows are meant for the
// township centre's own counts, not the township's total with its villages.
//
// Milestones and estimates are those of [ExamplePlan]. It is an example, not national
// constants: a host replaces it with its plan.
func AssessmentPlan(year int, unit Unit) *Plan {
	base := ExamplePlan(year, unit)
	plan := func(note string) TargetSource { return TargetSource{Kind: SourcePlan, Ref: refPlans + ": " + note} }
	national := func(ref string) TargetSource { return TargetSource{Kind: SourceNational, Ref: ref} }
	example := func(why string) TargetSource { return TargetSource{Kind: SourceExample, Ref: why} }
	row := func(code Code, t Target, src TargetSource, note string) PlanRow {
		return PlanRow{Code: code, Unit: unit, Target: t, Source: src, Note: note}
	}
	rows := []PlanRow{
		// 居民健康档案管理
		row("record.coverage", AtLeast("62"), national(refNational2023),
			"the list gives ≥62% for 规范化电子健康档案覆盖率; every electronic record is a record, so 建档率 cannot be lower (the plan's ≥50% was a first-year target)"),
		row("record.electronic", AtLeast("62"), national(refNational2023), "居民规范化电子健康档案覆盖率 ≥62%"),
		row("record.usage", AtLeast("60"), example("nbphs-spec §1.6 [R4]: an example local target"), ""),
		row("record.household", AtLeast("90"), plan("家庭健康档案建档率 ≥90%"), ""),
		row("record.qualified", AtLeast("90"), plan("建档合格率 ≥90%"), ""),
		row("record.contract", AtLeast("30"), national(refFamilyDoctor2016), "签约服务覆盖率 ≥30% (by 2017)"),
		row("record.key_contract", AtLeast("60"), national(refFamilyDoctor2016), "重点人群签约服务覆盖率 ≥60% (by 2017)"),
		row("record.key_coverage", AtLeast("90"), plan("60岁以上老人、特困残疾人、低保户 建档率 ≥90%"), "the plan's groups differ from the guidance's"),
		row(codeAwareness.With(string(education.TopicBasicKnowledge)), AtLeast("80"), plan("基本卫生知识知晓率 ≥80% (rural ≥85%)"), "the awareness cut-off is the round's"),
		row(codeAwareness.With(string(education.TopicHypertension)), AtLeast("60"), plan("hypertension-prevention awareness ≥60%"), "the awareness cut-off is the round's"),
		row(codeAwareness.With(string(education.TopicMaternalInfant)), AtLeast("80"), plan("母婴健康素养知晓率 ≥80%"), "the awareness cut-off is the round's"),
		row(codeAwareness.With(string(education.TopicAIDS)), AtLeast("80"), plan("艾滋病成人防治知识知晓率 ≥80%"), "the awareness cut-off is the round's"),
		row("edu.literacy", AtLeast("20"), national("Healthy China 2030 outline (plan-services.md §3): 20% by 2020"), "the national level is weighted; this is the sample's share"),
		row("wh.cancer_screening", AtLeast("50"), example("the county's screening quota is the host's; no plan target found"), ""),
		row("wh.cancer_referral", AtLeast("100"), example("no plan target found; the programme refers every abnormal screen"), ""),
		row("wh.premarital_check", AtLeast("90"), plan("婚检率 ≥90%"), ""),
		row("wh.report_timely", AtLeast("100"), plan("围产儿、0～5岁儿童死亡、孕产妇死亡报告率 100%"), "the deadlines are the host's"),
		row("village.supervision", AtLeast("100"), example("no plan target found; the visits per village are the host's plan"), ""),
		row("village.training_pass", AtLeast("90"), plan("公卫人员规范培训合格率: staff under 55 ≥90%"), "responsible doctors aged 55+: ≥70%"),
		row("village.share", AtLeast("40"), example("the national notices' village share of the basic public health services' work, about 40% (villageclinic.ExampleDivision): quoted, text not seen (UNCONFIRMED)"), ""),
		row("village.division", AtLeast("90"), example("no target found; the division of labour is the host's"), ""),
		row("referral.followup", AtLeast("100"), example("no plan target found; nbphs-spec §0 asks the 2-week follow-up of every referral"), ""),
		// 健康教育: per-institution minimums
		row("edu.lectures", AtLeast("12"), plan("≥1 a month (≥12 a year)"), "the centre's own lectures"),
		row("edu.consultations", AtLeast("9"), plan("≥9 a year"), "the centre's own events"),
		row("edu.board_updates", AtLeast("12"), plan("≥12 changes a year"), "the centre's own boards"),
		// 预防接种
		row("imm.certificate", AtLeast("99"), plan("儿童免疫建卡发证率 ≥99% (a rural plan)"), ""),
		row("imm.card", AtLeast("99"), plan("儿童免疫建卡发证率 ≥99% (a rural plan)"), "the plan's one target for the card and the certificate"),
		row("imm.aefi_handled", AtLeast("100"), example("no plan target found; the national AEFI scheme asks every case reported and classified (plan-services.md §4)"), ""),
		row("imm.aefi_timely", AtLeast("100"), example("no plan target found; every case card is due within its deadline (plan-services.md §4: 2 hours urgent, 48 hours routine)"), ""),
		row("imm.five_vaccines", AtLeast("95"), plan("五苗全程接种率 ≥95%"), ""),
		row("imm.hepb_birth_timely", AtLeast("90"), plan("乙肝首针及时率 ≥90%"), ""),
		row("imm.school_entry_check", AtLeast("95"), plan("入托入学验证率 ≥95%"), ""),
		row("imm.full_series", AtLeast("90"), national(refNational2023), "适龄儿童国家免疫规划疫苗接种率 ≥90% (township as the unit), applied to the full series at the entry check"),
	}
	for _, m := range immunization.Milestones {
		rows = append(rows, row(codeImmCoverage.With(m.Name), AtLeast("95"), plan("单苗接种率 ≥95%"), ""))
	}
	rows = append(rows,
		// 0～6岁儿童健康管理
		row("child.newborn_visit", AtLeast("90"), plan("新生儿访视率 ≥90%"), ""),
		row("child.health_management", AtLeast("90"), national(refNational2023), "7岁以下儿童健康服务率 ≥90%"),
		row("child.under3_system_management", AtLeast("70"), plan("≥70% (others ≥80%, ≥90%, ≥99%)"), "the 2023 national list: 3岁以下儿童系统服务率 ≥90%"),
		row("child.u5_mortality", Below("7"), plan("<7‰"), ""),
		row("child.newborn_screening", AtLeast("96"), plan("≥96% (another plan: ≥95%)"), ""),
		row("child.hearing_screening", AtLeast("85"), plan("≥85% (another plan: ≥95%)"), ""),
		row("child.hb_test", AtLeast("70"), plan("≥70%"), ""),
		// 孕产妇健康管理
		row("maternal.early_booking", AtLeast("85"), example("no target found in the references or by search"), ""),
		row("maternal.postpartum_visit", AtLeast("100"), plan("产后访视率 100%"), ""),
		row("maternal.system_management", AtLeast("95"), plan("≥95% (others: ≥98%, ≥75%)"), "the 2023 national list: 孕产妇系统服务率 ≥90%"),
		row("maternal.mortality", Below("14"), plan("<14/10万"), ""),
		row("maternal.hospital_delivery", AtLeast("100"), plan("100% (one plan: ≥90%)"), ""),
		row("maternal.high_risk_hospital_delivery", AtLeast("100"), plan("100%"), ""),
		row("maternal.prenatal_screening", AtLeast("95"), plan("≥95% (another plan: ≥80%)"), ""),
		row("maternal.infection_testing", AtLeast("90"), plan("≥90%"), ""),
		row(codePrePregnancyCheck, AtLeast("80"), example("no plan target found for 孕前优生健康检查率"), ""),
		row(codeFolicAcid, AtLeast("90"), plan("叶酸增补 (planning pregnancy or first 3 months) ≥90%"), ""),
		row(codePMTCTIntervention, AtLeast("80"), plan("艾滋病感染孕产妇及所生儿童用药干预率 ≥80%"), "the plans' target for HIV, applied to the three infections together (/hiv alone has few cases in a township)"),
		row(codeDeliverySubsidy, AtLeast("95"), plan("农村孕产妇住院分娩补助率 ≥95%"), ""),
		// 老年人健康管理 (65+: the plans' 60+ figure does not apply)
		row("elderly.management", AtLeast("62"), national(refNational2023), "65岁及以上老年人城乡社区规范健康管理服务率 ≥62%"),
		// 高血压, 2型糖尿病
		row("ht.management", AtLeast("30"), example("nbphs-spec §7.5 [R34]: an old local example"), ""),
		row("ht.standard_management", AtLeast("76"), national(refNational2023), "高血压患者基层规范管理服务率 ≥76%"),
		row("ht.bp_control", AtLeast("60"), plan("血压控制率 ≥60%"), ""),
		row("dm.management", AtLeast("30"), example("nbphs-spec §8.3 [R34]: an old local example"), ""),
		row("dm.standard_management", AtLeast("76"), national(refNational2023), "2型糖尿病患者基层规范管理服务率 ≥76%"),
		row("dm.glucose_control", AtLeast("60"), plan("血糖控制率 ≥60%"), ""),
		// 严重精神障碍
		row("smi.management", AtLeast("80"), plan("精神病综合管理率 ≥80%"), "the 2023 national list: 在册居家患者健康管理率 ≥95%"),
		row("smi.standard_management", AtLeast("80"), example("plan-services.md §2.1: one local sheet's 80%"), ""),
		// 肺结核
		row("tb.management", AtLeast("90"), national(refNational2023), "肺结核患者管理率 ≥90%"),
		row("tb.regular_medication", AtLeast("90"), example("no target found in the references or by search"), ""),
		row("tb.referral", AtLeast("100"), plan("结核病人转诊率 100%"), ""),
		row("tb.suspect_attendance", AtLeast("100"), example("no plan target found; nbphs-spec §10 asks the check of every suspect referred"), ""),
		// 中医药健康管理
		row("tcm.elderly", AtLeast("70"), national(refNational2023), "65岁及以上老年人中医药健康管理率 ≥70%"),
		row("tcm.child", AtLeast("85"), national(refChildTCM), "≥85% by 2025 (the 2023 list: ≥77%)"),
		// 传染病及突发公共卫生事件
		row("inf.report", AtLeast("95"), national(refNational2023), "传染病和突发公共卫生事件报告率 ≥95%"),
		row("inf.report_timely", AtLeast("100"), plan("传染病登记报告及时、准确率 100%"), ""),
		row("inf.emergency_report", AtLeast("95"), national(refNational2023), "传染病和突发公共卫生事件报告率 ≥95%"),
		// 卫生计生监督协管
		row("sup.coverage", AtLeast("100"), plan("协管覆盖率 100%"), ""),
		row("sup.frequency", AtLeast("90"), national(refNational2023), "卫生监督协管各专业年巡查（访）2次完成率 ≥90%"),
		row("sup.info_report", AtLeast("95"), example("no target found in the references or by search"), ""),
	)
	return &Plan{
		Name:       "example township plan: the national assessment set",
		Period:     gongwei.Year(year),
		Rows:       rows,
		Milestones: base.Milestones,
		Estimates:  base.Estimates,
	}
}
