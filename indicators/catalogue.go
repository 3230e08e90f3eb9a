package indicators

import (
	"fmt"
	"slices"
	"sort"

	"github.com/gongwei-lib/gongwei"
)

// The values of the deprecated Indicator.Issue, one per group of computations, kept
// as they were so that results stay the same.
const (
	issueRecords      = "[2/9]" // health records
	issueChronic      = "[3/9]"
	issueMaternal     = "[4/9]"
	issueChild        = "[5/9]"
	issueImmunization = "[6/9]"
	issueSupervision  = "[7/9]" // supervision, education, infectious-disease reporting
)

// catalogue is the national indicator catalogue: the core entries below, then those of
// the programmes beside the core services (planCatalogue).
var catalogue = slices.Concat(coreCatalogue, planCatalogue)

// coreCatalogue is the national indicator catalogue's core: every indicator named in the references,
// with its formula in words and its source. The formulas are nbphs-spec's (§1.6, §2.2,
// §3, §4.5, §5.4, §6.2, §7.5, §8.3, §9.4, §10.2, §11.3, §12.2, §13, master list §14),
// immunization.md §1.7's, and, for indicators that only real work plans name, the plan's
// name with the conventional formula, marked UNCONFIRMED in Note (plan-targets.md gives
// targets, not formulas).
//
// Not catalogued: plan lines that measure administration rather than a service
// (satisfaction rates, medical-insurance enrolment, staff training pass rates,
// sanitation-toilet coverage); a host adds them with [NewCatalogue].
var coreCatalogue = []Indicator{
	// ---- §1 居民健康档案 ----
	{
		Code: "record.coverage", Implemented: true, Service: ServiceRecords,
		Name:            Names{"健康档案建档率", "健康檔案建檔率", "Health record coverage"},
		Numerator:       Text{"建档人数（封面和个人基本信息表填写完整）", "residents with a record (cover and personal basic information form complete)"},
		Denominator:     Text{"辖区内常住居民数", "resident population of the catchment area"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "nbphs-spec §1.6, §14", Note: "0–6-year-olds need no 个人基本信息表 (UNCONFIRMED wording)",
		Issue: issueRecords, Did: Text{"建立居民健康档案%v人", "%v residents have a health record"},
	},
	{
		Code: "record.electronic", Implemented: true, Service: ServiceRecords,
		Name:            Names{"电子健康档案建档率", "電子健康檔案建檔率", "Electronic health record coverage"},
		Numerator:       Text{"建立电子健康档案人数", "residents with an electronic health record"},
		Denominator:     Text{"辖区内常住居民数", "resident population of the catchment area"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "nbphs-spec §1.6, §14", Issue: issueRecords,
		Did: Text{"电子档案%v人", "%v of them electronic"}, PartOf: "record.coverage",
	},
	{
		Code: "record.usage", Implemented: true, Service: ServiceRecords,
		Name:            Names{"健康档案使用率", "健康檔案使用率", "Health record usage rate"},
		Numerator:       Text{"档案中有动态记录的档案份数（1年内与就诊记录相关联或有符合规范的服务记录）", "records with a dynamic entry (linked to a medical visit or holding a service record within 1 year)"},
		Denominator:     Text{"档案总份数", "records held"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "nbphs-spec §1.6 [R4], §14", Note: "also called 动态使用率; the 1-year window is UNCONFIRMED; some systems divide by electronic records [R64]",
		Issue: issueRecords, Did: Text{"有动态记录的档案%v份", "%v records in active use"},
	},
	{
		Code: "record.qualified", Implemented: true, Service: ServiceRecords,
		Name:            Names{"健康档案合格率", "健康檔案合格率", "Health record quality rate"},
		Numerator:       Text{"内容完整、填写规范的档案份数", "records complete and correctly filled in"},
		Denominator:     Text{"检查的档案份数", "records checked"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "plan-targets.md (建档合格率 ≥90%)", Note: "formula UNCONFIRMED in reference; plans name the target only",
		Issue: issueRecords, Did: Text{"合格档案%v份", "%v records up to standard"},
	},
	{
		Code: "record.household", Implemented: true, Service: ServiceRecords,
		Name:            Names{"家庭健康档案建档率", "家庭健康檔案建檔率", "Household record coverage"},
		Numerator:       Text{"建立家庭健康档案户数", "households with a household record"},
		Denominator:     Text{"辖区内常住户数", "resident households of the catchment area"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "plan-targets.md (家庭健康档案建档率 ≥90%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueRecords, Did: Text{"建立家庭健康档案%v户", "%v households have a household record"},
	},
	{
		Code: "record.contract", Implemented: true, Service: ServiceRecords,
		Name:            Names{"家庭医生签约率", "家庭醫生簽約率", "Family doctor contract rate"},
		Numerator:       Text{"签订家庭医生服务协议的常住居民数", "residents with a family-doctor contract in force"},
		Denominator:     Text{"辖区内常住居民数", "resident population of the catchment area"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "peers.md (Chinese 公卫 systems: 签约率)", Note: "formula UNCONFIRMED in reference",
		Issue: issueRecords, Did: Text{"签约居民%v人", "%v residents under a family-doctor contract"},
	},
	// ---- §2 健康教育 (counts, §2.2) ----
	implementedCount("edu.print_kinds", ServiceEducation, Names{"发放印刷资料种类", "發放印刷資料種類", "Kinds of printed material"},
		Text{"发放的印刷资料种类数", "kinds of printed material distributed"}, "nbphs-spec §2.1, §2.2", issueSupervision,
		Text{"发放印刷资料%v种", "%v kinds of printed material distributed"}),
	implementedCount("edu.av_kinds", ServiceEducation, Names{"播放音像资料种类", "播放音像資料種類", "Kinds of audio-visual material"},
		Text{"播放的音像资料种类数", "kinds of audio-visual material played"}, "nbphs-spec §2.1, §2.2", issueSupervision,
		Text{"播放音像资料%v种", "%v kinds of audio-visual material played"}),
	implementedCount("edu.boards", ServiceEducation, Names{"健康教育宣传栏数", "健康教育宣傳欄數", "Bulletin boards"},
		Text{"设置的宣传栏个数", "bulletin boards kept"}, "nbphs-spec §2.1, §2.2", issueSupervision,
		Text{"设置宣传栏%v个", "%v bulletin boards kept"}),
	implementedCount("edu.board_updates", ServiceEducation, Names{"宣传栏更换次数", "宣傳欄更換次數", "Bulletin board updates"},
		Text{"宣传栏内容更换次数", "times board content was changed"}, "nbphs-spec §2.1, §2.2", issueSupervision,
		Text{"更换宣传栏内容%v次", "board content changed %v times"}),
	implementedCount("edu.lectures", ServiceEducation, Names{"健康知识讲座次数", "健康知識講座次數", "Health lectures"},
		Text{"举办的健康知识讲座次数", "health lectures held"}, "nbphs-spec §2.1, §2.2", issueSupervision,
		Text{"举办健康知识讲座%v次", "%v health lectures held"}),
	implementedCount("edu.consultations", ServiceEducation, Names{"公众健康咨询活动次数", "公眾健康諮詢活動次數", "Public health consultation events"},
		Text{"开展的公众健康咨询活动次数", "public consultation events held"}, "nbphs-spec §2.1, §2.2", issueSupervision,
		Text{"开展公众健康咨询活动%v次", "%v public consultation events held"}),
	implementedCount("edu.attendance", ServiceEducation, Names{"讲座和咨询活动参加人次", "講座和諮詢活動參加人次", "Attendance at lectures and consultations"},
		Text{"讲座和咨询活动的参加人次", "attendances at lectures and consultation events"}, "nbphs-spec §2.2", issueSupervision,
		Text{"参加%v人次", "%v attendances"}),
	// ---- §3 预防接种 ----
	{
		Code: "imm.certificate", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"预防接种建证率", "預防接種建證率", "Vaccination certificate rate"},
		Numerator:       Text{"年度辖区内建立预防接种证人数", "children issued a vaccination certificate in the year"},
		Denominator:     Text{"年度辖区内应建立预防接种证人数", "children who should have had a certificate in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisDue,
		Source: "nbphs-spec §3, §14; immunization.md §1.7", Issue: issueImmunization,
		Did: Text{"建立预防接种证%v人", "%v children issued a vaccination certificate"},
	},
	{
		Code: "imm.coverage", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"某种疫苗接种率", "某種疫苗接種率", "Single-vaccine coverage"},
		Numerator:       Text{"年度辖区内某种疫苗年度实际接种人数", "people actually given the vaccine in the year"},
		Denominator:     Text{"某种疫苗年度应接种人数", "people due the vaccine in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisDue,
		Source: "nbphs-spec §3, §14; immunization.md §1.7", Note: "one family: qualify the code by vaccine dose, e.g. imm.coverage/HepB1",
		Issue: issueImmunization, Did: Text{"实际接种%v人", "%v people vaccinated"},
	},
	{
		Code: "imm.full_series", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"全程接种率", "全程接種率", "Full-series coverage"},
		Numerator:       Text{"查验时已完成其年龄应种的全部国家免疫规划疫苗剂次的儿童数", "children checked who had every programme dose due for their age"},
		Denominator:     Text{"入托入学查验的儿童数", "children whose certificate was checked at nursery or school entry"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-services.md §2.4 (China CDC school-entry analysis, 中国疫苗和免疫 2024); immunization.md §1.7",
		Note:   "no official formula found (searched); the proposed school-entry formula of plan-services.md §2.4",
		Issue:  issueImmunization, Did: Text{"全程接种%v人", "%v children fully vaccinated"},
	},
	{
		Code: "imm.five_vaccines", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"五苗全程接种率", "五苗全程接種率", "Five-vaccine full-series coverage"},
		Numerator:       Text{"完成五种疫苗全部剂次的儿童数", "children who finished every dose of the five vaccines"},
		Denominator:     Text{"目标年龄儿童数", "children of the target age"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisDue,
		Source: "plan-targets.md (五苗全程接种率 ≥95%); immunization.md §1.7", Note: "which five vaccines and the formula are UNCONFIRMED in reference",
		Issue: issueImmunization, Did: Text{"五苗全程接种%v人", "%v children fully vaccinated with the five vaccines"},
	},
	{
		Code: "imm.timely", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"及时接种率", "及時接種率", "Timely vaccination rate"},
		Numerator:       Text{"在规定时限前接种的剂次数", "doses given before the schedule's limit"},
		Denominator:     Text{"期内达到时限的儿童剂次数", "doses whose limit was reached in the period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisDue,
		Source: "immunization.md §1.7", Note: "proposed formula, UNCONFIRMED in reference; implemented as given",
		Issue: issueImmunization, Did: Text{"及时接种%v剂次", "%v doses given on time"},
	},
	{
		Code: "imm.hepb_birth_timely", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"乙肝疫苗首针及时接种率", "乙肝疫苗首針及時接種率", "Hepatitis B birth dose within 24 hours"},
		Numerator:       Text{"出生24小时内接种乙肝疫苗第1剂的新生儿数", "newborns given HepB dose 1 within 24 hours of birth"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "immunization.md §1.7; plan-targets.md (乙肝首针及时率 ≥90%)", Note: "proposed formula, UNCONFIRMED national formula",
		Issue: issueImmunization, Did: Text{"乙肝首针及时接种%v人", "%v newborns given the HepB birth dose in time"},
	},
	{
		Code: "imm.school_entry_check", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"入托入学预防接种证查验率", "入托入學預防接種證查驗率", "School-entry certificate check rate"},
		Numerator:       Text{"查验预防接种证的新入托、入学儿童数", "new nursery and school entrants whose certificate was checked"},
		Denominator:     Text{"新入托、入学儿童数", "new nursery and school entrants"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (入托入学验证率 ≥95%); immunization.md §1.7; plan-services.md §2.4", Note: "no official formula found (searched); the proposed formula of plan-services.md §2.4",
		Issue: issueImmunization, Did: Text{"查验入托入学儿童%v人", "%v school entrants checked"},
	},
	{
		Code: "imm.card", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"预防接种建卡率", "預防接種建卡率", "Vaccination card rate"},
		Numerator:       Text{"建立预防接种卡的儿童数", "children with a vaccination card"},
		Denominator:     Text{"应建立预防接种卡的儿童数", "children who should have a vaccination card"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisDue,
		Source: "nbphs-spec §3; immunization.md §1.7; plan-services.md §2.6",
		Note:   "no national formula of 建卡率 (UNCONFIRMED in reference); counted as 建证率 is, with the card in the numerator, as local systems do (plan-services.md §2.6)",
		Issue:  issueImmunization, Did: Text{"建立预防接种卡%v人", "%v children given a vaccination card"},
	},
	{
		Code: "imm.aefi_handled", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"疑似预防接种异常反应规范处置率", "疑似預防接種異常反應規範處置率", "AEFI handled per the norms"},
		Numerator:       Text{"按时报告并完成分类的疑似预防接种异常反应例数", "AEFI reported by their deadline and classified by cause"},
		Denominator:     Text{"期内发现的疑似预防接种异常反应例数", "AEFI found in the period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "immunization.md §1.8; plan-services.md §2.6, §4",
		Note:   "only the name is known (UNCONFIRMED formula); our definition: reported within the 2-hour or 48-hour deadline (immunization.DefaultAEFIRules) and classified",
		Issue:  issueImmunization, Did: Text{"规范处置疑似预防接种异常反应%v例", "%v AEFI handled per the norms"},
	},
	{
		Code: "imm.aefi_timely", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"疑似预防接种异常反应报告及时率", "疑似預防接種異常反應報告及時率", "AEFI reported in time"},
		Numerator:       Text{"在时限内报告的疑似预防接种异常反应例数", "AEFI reported within their deadline"},
		Denominator:     Text{"期内发现的疑似预防接种异常反应例数", "AEFI found in the period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "immunization.md §1.8; plan-services.md §2.6, §4",
		Note:   "formula UNCONFIRMED in reference; conventional formula over the deadlines of immunization.DefaultAEFIRules",
		Issue:  issueImmunization, Did: Text{"及时报告疑似预防接种异常反应%v例", "%v AEFI reported in time"},
	},
	{
		Code: "imm.campaign", Implemented: true, Service: ServiceImmunization,
		Name:            Names{"查漏补种、强化免疫活动接种率", "查漏補種、強化免疫活動接種率", "Campaign coverage"},
		Numerator:       Text{"活动中接种的目标儿童数", "target children vaccinated in the campaign"},
		Denominator:     Text{"活动目标儿童数", "the campaign's target children"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "immunization.md §1.3, §1.4", Note: "one family: qualify the code by campaign ID; counted apart from routine coverage; formula UNCONFIRMED in reference, conventional formula",
		Issue: issueImmunization, Did: Text{"活动接种目标儿童%v人", "%v target children vaccinated in campaigns"},
	},
	// ---- §4 0～6岁儿童 ----
	{
		Code: "child.newborn_visit", Implemented: true, Service: ServiceChild,
		Name:            Names{"新生儿访视率", "新生兒訪視率", "Newborn visit rate"},
		Numerator:       Text{"年度辖区内按照规范要求接受1次及以上访视的新生儿人数", "newborns visited at least once as the specification requires"},
		Denominator:     Text{"年度辖区内活产数", "live births in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "nbphs-spec §4.5 [R16], §14", Issue: issueChild,
		Did: Text{"访视新生儿%v人", "%v newborns visited"},
	},
	{
		Code: "child.health_management", Implemented: true, Service: ServiceChild,
		Name:            Names{"儿童健康管理率", "兒童健康管理率", "Child health management rate"},
		Numerator:       Text{"年度辖区内接受1次及以上随访的0～6岁儿童数", "children aged 0–6 followed up at least once in the year"},
		Denominator:     Text{"年度辖区内0～6岁儿童数", "children aged 0–6 in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §4.5 [R16], §14", Issue: issueChild,
		Did: Text{"管理0～6岁儿童%v人", "%v children aged 0–6 managed"},
	},
	{
		Code: "child.system_management", Implemented: true, Service: ServiceChild,
		Name:            Names{"儿童系统管理率", "兒童系統管理率", "Child systematic management rate"},
		Numerator:       Text{"年度辖区中按相应频次要求管理的0～6岁儿童数", "children aged 0–6 managed at the required frequency"},
		Denominator:     Text{"年度辖区内应管理的0～6岁儿童数", "children aged 0–6 who should be managed"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §4.5 [R17]", Note: "2011-edition indicator; not in the 3rd-edition list as far as the sources show",
		Issue: issueChild, Did: Text{"系统管理0～6岁儿童%v人", "%v children aged 0–6 under systematic management"},
	},
	{
		Code: "child.under3_system_management", Implemented: true, Service: ServiceChild,
		Name:            Names{"3岁以下儿童系统管理率", "3歲以下兒童系統管理率", "Under-3 systematic management rate"},
		Numerator:       Text{"按规定频次（4-2-1）接受生长监测或体格检查的3岁以下儿童数", "under-3s given growth monitoring or checks at the required frequency (4-2-1)"},
		Denominator:     Text{"3岁以下儿童数", "children under 3"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §4.5 [R73]; plan-targets.md", Note: "maternal and child health statistics, not the BPHS spec; formula wording UNCONFIRMED",
		Issue: issueChild, Did: Text{"系统管理3岁以下儿童%v人", "%v under-3s under systematic management"},
	},
	{
		Code: "child.u5_mortality", Implemented: true, Service: ServiceChild,
		Name:            Names{"5岁以下儿童死亡率", "5歲以下兒童死亡率", "Under-5 mortality rate"},
		Numerator:       Text{"5岁以下儿童死亡数", "deaths of children under 5"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: PerMille, Direction: LowerIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-targets.md (5岁以下儿童死亡率 <7‰)", Note: "formula is the WS/T 598.5 statistical one, UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"5岁以下儿童死亡%v人", "%v deaths under age 5"},
	},
	{
		Code: "child.newborn_screening", Implemented: true, Service: ServiceChild,
		Name:            Names{"新生儿疾病筛查率", "新生兒疾病篩查率", "Newborn disease screening rate"},
		Numerator:       Text{"接受新生儿疾病筛查的新生儿数", "newborns screened for congenital disorders"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (新生儿疾病筛查率 ≥96%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"新生儿疾病筛查%v人", "%v newborns screened"},
	},
	{
		Code: "child.hearing_screening", Implemented: true, Service: ServiceChild,
		Name:            Names{"新生儿听力筛查率", "新生兒聽力篩查率", "Newborn hearing screening rate"},
		Numerator:       Text{"接受听力筛查的新生儿数", "newborns given a hearing screen"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (新生儿听力筛查率 ≥85%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"新生儿听力筛查%v人", "%v newborns given a hearing screen"},
	},
	{
		Code: "child.hb_test", Implemented: true, Service: ServiceChild,
		Name:            Names{"0～6岁儿童血红蛋白检测率", "0～6歲兒童血紅蛋白檢測率", "Haemoglobin test rate, children 0–6"},
		Numerator:       Text{"年内接受血红蛋白检测的0～6岁儿童数", "children aged 0–6 given a haemoglobin test in the year"},
		Denominator:     Text{"0～6岁儿童数", "children aged 0–6"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (0-6岁儿童血红蛋白检测率 ≥70%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"血红蛋白检测%v人", "%v children given a haemoglobin test"},
	},
	{
		Code: "child.growth_monitoring", Implemented: true, Service: ServiceChild,
		Name:            Names{"儿童生长发育监测率", "兒童生長發育監測率", "Child growth monitoring rate"},
		Numerator:       Text{"年内测量体重和身长（身高）的0～6岁儿童数", "children aged 0–6 weighed and measured in the year"},
		Denominator:     Text{"0～6岁儿童数", "children aged 0–6"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (儿童生长发育监测率 ≥98%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"生长发育监测%v人", "%v children weighed and measured"},
	},
	{
		Code: "child.malnutrition", Implemented: true, Service: ServiceChild,
		Name:            Names{"5岁以下儿童营养不良患病率", "5歲以下兒童營養不良患病率", "Malnutrition prevalence, children under 5"},
		Numerator:       Text{"低体重、生长迟缓或消瘦（<M−2SD）的5岁以下儿童数", "under-5s underweight, stunted or wasted (z < −2)"},
		Denominator:     Text{"年内测量的5岁以下儿童数", "under-5s measured in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: LowerIsBetter, Places: 1, Basis: BasisService,
		Source: "growth.md §1.10, §4.3", Note: "WHO 2006 standards and cut-offs on the last measurement of the year",
		Issue: issueChild, Did: Text{"营养不良%v人", "%v children malnourished"},
	},
	{
		Code: "child.anaemia", Implemented: true, Service: ServiceChild,
		Name:            Names{"儿童贫血患病率", "兒童貧血患病率", "Anaemia prevalence, children"},
		Numerator:       Text{"血红蛋白低于界值的受检儿童数", "children tested with haemoglobin below the cut-off"},
		Denominator:     Text{"年内血红蛋白检测的6月龄及以上儿童数", "children aged 6 months or more tested in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: LowerIsBetter, Places: 1, Basis: BasisService,
		Source: "growth.md §5", Note: "WHO 2011 cut-offs on the last test of the year",
		Issue: issueChild, Did: Text{"贫血%v人", "%v children anaemic"},
	},
	{
		Code: "child.neonatal_mortality", Implemented: true, Service: ServiceChild,
		Name:            Names{"新生儿死亡率", "新生兒死亡率", "Neonatal mortality rate"},
		Numerator:       Text{"出生28天内死亡的新生儿数", "deaths in the first 28 days of life"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: PerMille, Direction: LowerIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-targets.md (围产儿、0～5岁儿童死亡报告)", Note: "formula is the WS/T 598.5 statistical one, UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"新生儿死亡%v人", "%v neonatal deaths"},
	},
	{
		Code: "child.infant_mortality", Implemented: true, Service: ServiceChild,
		Name:            Names{"婴儿死亡率", "嬰兒死亡率", "Infant mortality rate"},
		Numerator:       Text{"1岁以内死亡的婴儿数", "deaths under age 1"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: PerMille, Direction: LowerIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-targets.md (围产儿、0～5岁儿童死亡报告)", Note: "formula is the WS/T 598.5 statistical one, UNCONFIRMED in reference",
		Issue: issueChild, Did: Text{"婴儿死亡%v人", "%v infant deaths"},
	},
	// ---- §5 孕产妇 ----
	{
		Code: "maternal.early_booking", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"早孕建册率", "早孕建冊率", "Early pregnancy booking rate"},
		Numerator:       Text{"辖区内孕13周之前建册并进行第1次产前检查的产妇人数", "women booked and given the first prenatal check before 13 weeks"},
		Denominator:     Text{"该地该时间段内活产数", "live births in the area and period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "nbphs-spec §5.4 [R23] [R64], §14", Note: "the denominator is live births, not women",
		Issue: issueMaternal, Did: Text{"孕13周前建册%v人", "%v women booked before 13 weeks"},
	},
	{
		Code: "maternal.postpartum_visit", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"产后访视率", "產後訪視率", "Postpartum visit rate"},
		Numerator:       Text{"辖区内产妇出院后28天内接受过产后访视的产妇人数", "women visited within 28 days of discharge after delivery"},
		Denominator:     Text{"该地该时间段内活产数", "live births in the area and period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "nbphs-spec §5.4 [R23], §14", Note: "the denominator is live births, not women",
		Issue: issueMaternal, Did: Text{"产后访视%v人", "%v women visited after delivery"},
	},
	{
		Code: "maternal.mortality", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"孕产妇死亡率", "孕產婦死亡率", "Maternal mortality ratio"},
		Numerator:       Text{"孕产妇死亡数", "maternal deaths"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Per100k, Direction: LowerIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-targets.md (孕产妇死亡率 <14/10万); peers.md §2.1 (per 100 000 live births)", Note: "formula UNCONFIRMED in reference beyond the DHIS2 example",
		Issue: issueMaternal, Did: Text{"孕产妇死亡%v人", "%v maternal deaths"},
	},
	{
		Code: "maternal.hospital_delivery", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"住院分娩率", "住院分娩率", "Hospital delivery rate"},
		Numerator:       Text{"在医疗机构住院分娩的活产数", "live births delivered in hospital"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (孕产妇住院分娩率 100%)", Note: "formula UNCONFIRMED in reference; counted in live births like the other §5.4 rates",
		Issue: issueMaternal, Did: Text{"住院分娩%v人", "%v hospital deliveries"},
	},
	{
		Code: "maternal.high_risk_hospital_delivery", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"高危孕妇住院分娩率", "高危孕婦住院分娩率", "High-risk hospital delivery rate"},
		Numerator:       Text{"住院分娩的高危孕产妇数", "high-risk women delivered in hospital"},
		Denominator:     Text{"分娩的高危孕产妇数（妊娠风险评估为黄、橙、红或紫色）", "high-risk women delivered (graded yellow, orange, red or purple)"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (高危孕妇住院分娩率 100%); nbphs-spec §5.2 [R26]", Note: "formula UNCONFIRMED in reference; high-risk = any colour but green at any assessment",
		Issue: issueMaternal, Did: Text{"高危孕妇住院分娩%v人", "%v high-risk women delivered in hospital"},
	},
	{
		Code: "maternal.system_management", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"孕产妇系统管理率", "孕產婦系統管理率", "Maternal systematic management rate"},
		Numerator:       Text{"早孕建册、孕期产前检查≥5次且产后访视的产妇数", "women booked early, given ≥5 prenatal checks and a postpartum visit"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (孕产妇系统管理率 ≥95%); nbphs-spec §5.4 (2011 孕产妇健康管理率)", Note: "formula UNCONFIRMED in reference",
		Issue: issueMaternal, Did: Text{"系统管理孕产妇%v人", "%v women under systematic management"},
	},
	{
		Code: "maternal.prenatal_screening", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"产前筛查率", "產前篩查率", "Prenatal screening rate"},
		Numerator:       Text{"接受产前筛查（血清学筛查）的孕产妇数", "women given serological prenatal screening"},
		Denominator:     Text{"产妇数", "women delivered"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-services.md §2.3 (《妇幼报表各种率的计算》); plan-targets.md (产前筛查率 ≥95%)", Note: "MCH annual-report formula (one repost); serological screening only, not ultrasound",
		Issue: issueMaternal, Did: Text{"产前筛查%v人", "%v women given prenatal screening"},
	},
	{
		Code: "maternal.infection_testing", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"孕期艾滋病、梅毒、乙肝检测率", "孕期愛滋病、梅毒、乙肝檢測率", "HIV, syphilis and hepatitis B testing in pregnancy"},
		Numerator:       Text{"孕期接受艾滋病、梅毒和乙肝检测的孕产妇数", "women tested for HIV, syphilis and hepatitis B in pregnancy"},
		Denominator:     Text{"产妇数", "women delivered"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (孕期艾滋病、梅毒、乙肝检测率 ≥90%)", Note: "formula UNCONFIRMED in reference; qualified by infection: /hiv, /syphilis, /hbsag count one test each",
		Issue: issueMaternal, Did: Text{"孕期三病检测%v人", "%v women tested for the three infections"},
	},
	{
		Code: "maternal.infection_testing_early", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"孕28周前艾滋病、梅毒、乙肝检测率", "孕28週前愛滋病、梅毒、乙肝檢測率", "HIV, syphilis and hepatitis B testing before 28 weeks"},
		Numerator:       Text{"孕28周前接受艾滋病、梅毒和乙肝检测的产妇数", "women tested for HIV, syphilis and hepatitis B before 28 weeks"},
		Denominator:     Text{"产妇数", "women delivered"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "plan-targets.md (检测率 ≥90%, with the rate before 28 weeks rising)", Note: "formula UNCONFIRMED in reference; qualified by infection: /hiv, /syphilis, /hbsag",
		Issue: issueMaternal, Did: Text{"孕28周前三病检测%v人", "%v women tested for the three infections before 28 weeks"}, PartOf: "maternal.infection_testing",
	},
	{
		Code: "maternal.health_management", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"孕产妇健康管理率（产前检查≥5次）", "孕產婦健康管理率（產前檢查≥5次）", "Maternal health management rate (≥5 prenatal checks)"},
		Numerator:       Text{"孕期接受5次及以上产前检查的产妇人数", "women given 5 or more prenatal contacts in pregnancy"},
		Denominator:     Text{"该地该时间段内活产数", "live births in the area and period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisBirth,
		Source: "nbphs-spec §5, §5.4 (2011 edition's 孕产妇健康管理率)", Note: "dropped by the 3rd edition (UNCONFIRMED); plans still count ≥5 prenatal checks",
		Issue: issueMaternal, Did: Text{"产前检查5次及以上%v人", "%v women given 5 or more prenatal checks"},
	},
	{
		Code: "maternal.caesarean", Implemented: true, Service: ServiceMaternal,
		Name:            Names{"剖宫产率", "剖宮產率", "Caesarean section rate"},
		Numerator:       Text{"剖宫产活产数", "live births by caesarean section"},
		Denominator:     Text{"活产数", "live births"},
		DenominatorKind: Counted, Scale: Percent, Direction: LowerIsBetter, Places: 1, Basis: BasisBirth,
		Source: "maternal work plans (剖宫产率); nbphs-spec §5.4 (live-birth denominators)", Note: "formula UNCONFIRMED in reference; no national target, LowerIsBetter by convention",
		Issue: issueMaternal, Did: Text{"剖宫产%v例", "%v live births by caesarean section"},
	},
	// ---- §6 老年人 ----
	{
		Code: "elderly.management", Implemented: true, Service: ServiceElderly,
		Name:            Names{"老年人健康管理率", "老年人健康管理率", "Elderly health management rate"},
		Numerator:       Text{"年内接受健康管理人数（有档案，接受体检和健康指导，健康体检表填写完整）", "residents 65+ managed in the year (record held, examined and advised, checkup form complete)"},
		Denominator:     Text{"年内辖区内65岁及以上常住居民数", "residents aged 65 and over"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §6.2 [R64], §14", Note: "the meaning of 接受健康管理 is UNCONFIRMED wording, widely used",
		Issue: issueRecords, Did: Text{"为65岁及以上老年人健康体检%v人", "%v residents aged 65+ examined"},
	},
	{
		Code: "elderly.checkup_complete", Implemented: true, Service: ServiceElderly,
		Name:            Names{"老年人体检完整率", "老年人體檢完整率", "Elderly checkup completeness"},
		Numerator:       Text{"完整体检人数", "complete checkups"},
		Denominator:     Text{"接受健康管理人数", "elderly residents managed"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §6.2 [R64]", Note: "local assessment indicator",
		Issue: issueRecords, Did: Text{"体检项目完整%v人", "%v complete checkups"}, PartOf: "elderly.management",
	},
	// ---- §7 高血压 ----
	{
		Code: "ht.management", Implemented: true, Service: ServiceHypertension,
		Name:            Names{"高血压患者管理率", "高血壓患者管理率", "Hypertension management coverage"},
		Numerator:       Text{"年内已管理的高血压患者人数", "hypertension patients managed in the year"},
		Denominator:     Text{"年内辖区内高血压患者总人数（估算：辖区常住成年人口×成年人高血压患病率）", "hypertension patients in the area (estimated: adult residents × adult prevalence)"},
		DenominatorKind: Estimated, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §7.5 [R34] [R64]; peers.md", Note: "2011-edition indicator used in performance evaluation; the estimate is UNCONFIRMED, prevalence is a plan parameter",
		Issue: issueChronic, Did: Text{"管理高血压患者%v人", "%v hypertension patients managed"},
	},
	{
		Code: "ht.standard_management", Implemented: true, Service: ServiceHypertension,
		Name:            Names{"高血压患者规范管理率", "高血壓患者規範管理率", "Hypertension standardised management rate"},
		Numerator:       Text{"按照规范要求进行高血压患者健康管理的人数", "patients managed as the specification requires"},
		Denominator:     Text{"年内已管理的高血压患者人数", "hypertension patients managed in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §7.5 [R34], §14", Note: "按照规范要求 usually read as ≥4 face-to-face follow-ups a year (UNCONFIRMED; configurable)",
		Issue: issueChronic, Did: Text{"规范管理%v人", "%v managed per protocol"}, PartOf: "ht.management",
	},
	{
		Code: "ht.bp_control", Implemented: true, Service: ServiceHypertension,
		Name:            Names{"管理人群血压控制率", "管理人群血壓控制率", "Blood pressure control rate"},
		Numerator:       Text{"年内最近一次随访血压达标人数", "patients whose latest follow-up in the year had BP at target"},
		Denominator:     Text{"年内已管理的高血压患者人数", "hypertension patients managed in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisLatest,
		Source: "nbphs-spec §7.5 [R34], §14", Note: "lost to follow-up counts as not controlled; target SBP<140 and DBP<90 (≥65: <150/90, UNCONFIRMED)",
		Issue: issueChronic, Did: Text{"血压控制达标%v人", "%v with blood pressure controlled"}, PartOf: "ht.management",
	},
	// ---- §8 2型糖尿病 ----
	{
		Code: "dm.management", Implemented: true, Service: ServiceDiabetes,
		Name:            Names{"2型糖尿病患者管理率", "2型糖尿病患者管理率", "Type 2 diabetes management coverage"},
		Numerator:       Text{"年内已管理糖尿病患者人数", "diabetes patients managed in the year"},
		Denominator:     Text{"年内辖区内糖尿病患者总人数（估算：辖区常住成年人口×成年人糖尿病患病率）", "diabetes patients in the area (estimated: adult residents × adult prevalence)"},
		DenominatorKind: Estimated, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §8.3 [R34] [R64]; peers.md", Note: "performance-evaluation indicator; prevalence is a plan parameter",
		Issue: issueChronic, Did: Text{"管理2型糖尿病患者%v人", "%v type 2 diabetes patients managed"},
	},
	{
		Code: "dm.standard_management", Implemented: true, Service: ServiceDiabetes,
		Name:            Names{"2型糖尿病患者规范管理率", "2型糖尿病患者規範管理率", "Diabetes standardised management rate"},
		Numerator:       Text{"按照规范要求进行2型糖尿病患者健康管理的人数", "patients managed as the specification requires"},
		Denominator:     Text{"年内已管理的2型糖尿病患者人数", "type 2 diabetes patients managed in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §8.3 [R34], §14", Note: "same 规范 caveat as hypertension",
		Issue: issueChronic, Did: Text{"规范管理%v人", "%v managed per protocol"}, PartOf: "dm.management",
	},
	{
		Code: "dm.glucose_control", Implemented: true, Service: ServiceDiabetes,
		Name:            Names{"管理人群血糖控制率", "管理人群血糖控制率", "Blood glucose control rate"},
		Numerator:       Text{"年内最近一次随访空腹血糖达标人数", "patients whose latest follow-up in the year had fasting glucose at target"},
		Denominator:     Text{"年内已管理的2型糖尿病患者人数", "type 2 diabetes patients managed in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisLatest,
		Source: "nbphs-spec §8.3 [R34], §14", Note: "target FBG <7 mmol/L; lost to follow-up counts as not controlled (UNCONFIRMED wording)",
		Issue: issueChronic, Did: Text{"血糖控制达标%v人", "%v with fasting glucose controlled"}, PartOf: "dm.management",
	},
	// ---- §9 严重精神障碍 ----
	{
		Code: "smi.standard_management", Implemented: true, Service: ServiceMental,
		Name:            Names{"严重精神障碍患者规范管理率", "嚴重精神障礙患者規範管理率", "Severe mental disorder standardised management rate"},
		Numerator:       Text{"年内辖区内按照规范要求进行管理的严重精神障碍患者人数", "patients managed as the specification requires"},
		Denominator:     Text{"年内辖区内登记在册的确诊严重精神障碍患者人数", "registered confirmed patients"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §9.4 [R42] [R64], §14", Issue: issueChronic,
		Did: Text{"规范管理严重精神障碍患者%v人", "%v severe mental disorder patients managed per protocol"},
	},
	{
		Code: "smi.management", Implemented: true, Service: ServiceMental,
		Name:            Names{"精神病综合管理率", "精神病綜合管理率", "Mental disorder comprehensive management rate"},
		Numerator:       Text{"年内至少随访到1次（完成危险性评估）的在册患者人数（在管患者）", "registered patients reached at one follow-up or more in the year (risk assessed)"},
		Denominator:     Text{"登记在册的确诊严重精神障碍患者人数", "registered confirmed patients"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (精神病综合管理率 ≥80%); plan-services.md §2.1 (管理率 = 在管患者 ÷ 在册患者, a local training sheet)",
		Note:   "综合管理率 itself has no definition in any source found (searched); computed as the information system's 管理率",
		Issue:  issueChronic, Did: Text{"管理严重精神障碍患者%v人", "%v severe mental disorder patients managed"},
	},
	// ---- §10 肺结核 ----
	{
		Code: "tb.management", Implemented: true, Service: ServiceTB,
		Name:            Names{"肺结核患者管理率", "肺結核患者管理率", "TB patient management rate"},
		Numerator:       Text{"已管理的肺结核患者人数", "TB patients managed"},
		Denominator:     Text{"辖区同期内经上级定点医疗机构确诊并通知基层医疗卫生机构管理的肺结核患者人数", "patients confirmed by the designated hospital and notified for management in the period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "nbphs-spec §10.2 [R42], §14", Issue: issueChronic,
		Did: Text{"管理肺结核患者%v人", "%v TB patients managed"},
	},
	{
		Code: "tb.regular_medication", Implemented: true, Service: ServiceTB,
		Name:            Names{"肺结核患者规则服药率", "肺結核患者規則服藥率", "TB regular medication rate"},
		Numerator:       Text{"按照要求规则服药的肺结核患者人数", "patients who took their medicine regularly"},
		Denominator:     Text{"同期辖区内已完成治疗的肺结核患者人数", "patients who completed treatment in the period"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisCompletion,
		Source: "nbphs-spec §10.2 [R42], §14", Note: "规则服药 = ≥90% of required doses taken (UNCONFIRMED)",
		Issue: issueChronic, Did: Text{"规则服药%v人", "%v took medicine regularly"},
	},
	{
		Code: "tb.referral", Implemented: true, Service: ServiceTB,
		Name:            Names{"结核病人转诊率", "結核病人轉診率", "TB referral rate"},
		Numerator:       Text{"本机构转诊到定点医疗机构的肺结核患者人数", "patients the unit referred to the designated TB facility"},
		Denominator:     Text{"本机构发现的肺结核患者人数（年内接到通知）", "patients the unit found, notified in the year"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-services.md §2.2 (TB glossary: 患者转诊率); plan-targets.md (结核病人转诊率 100%)", Note: "suspects never confirmed are not counted (UNCONFIRMED)",
		Issue: issueChronic, Did: Text{"转诊肺结核患者%v人", "%v TB patients referred"},
	},
	// ---- §11 中医药 ----
	{
		Code: "tcm.elderly", Implemented: true, Service: ServiceTCM,
		Name:            Names{"老年人中医药健康管理率", "老年人中醫藥健康管理率", "Elderly TCM health management rate"},
		Numerator:       Text{"年内接受中医药健康管理服务的65岁及以上居民数", "residents 65+ given TCM health management in the year"},
		Denominator:     Text{"年内辖区内65岁及以上常住居民数", "residents aged 65 and over"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §11.3 [R42], §14", Note: "one local system divides by the elderly managed instead [R64]",
		Issue: issueRecords, Did: Text{"为65岁及以上老年人提供中医药健康管理%v人", "%v residents 65+ given TCM health management"},
	},
	{
		Code: "tcm.child", Implemented: true, Service: ServiceTCM,
		Name:            Names{"0～36个月儿童中医药健康管理服务率", "0～36個月兒童中醫藥健康管理服務率", "Child TCM health management rate, 0–36 months"},
		Numerator:       Text{"年度辖区内按照月龄接受中医药健康管理服务的0～36个月儿童数", "children 0–36 months given TCM guidance at the scheduled ages"},
		Denominator:     Text{"年度辖区内应管理的0～36个月儿童数", "children 0–36 months who should be managed"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "nbphs-spec §11.3 [R46], §14", Note: "formula UNCONFIRMED; national target ≥85% by 2025",
		Issue: issueChild, Did: Text{"为0～36个月儿童提供中医药健康管理%v人", "%v children 0–36 months given TCM guidance"},
	},
	// ---- §12 传染病及突发公共卫生事件 ----
	{
		Code: "inf.report", Implemented: true, Service: ServiceInfectious,
		Name:            Names{"传染病疫情报告率", "傳染病疫情報告率", "Infectious disease reporting rate"},
		Numerator:       Text{"网络报告的传染病病例数", "cases reported online"},
		Denominator:     Text{"登记传染病病例数", "cases registered"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "nbphs-spec §12.2 [R51] [R42], §14", Issue: issueSupervision,
		Did: Text{"网络报告传染病%v例", "%v cases reported online"},
	},
	{
		Code: "inf.report_timely", Implemented: true, Service: ServiceInfectious,
		Name:            Names{"传染病疫情报告及时率", "傳染病疫情報告及時率", "Infectious disease reporting timeliness"},
		Numerator:       Text{"报告及时的病例数", "cases reported in time"},
		Denominator:     Text{"报告传染病病例数", "cases reported"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "nbphs-spec §12.2 [R51] [R42], §14", Issue: issueSupervision,
		Did: Text{"及时报告%v例", "%v cases reported in time"},
	},
	{
		Code: "inf.emergency_report", Implemented: true, Service: ServiceInfectious,
		Name:            Names{"突发公共卫生事件相关信息报告率", "突發公共衛生事件相關信息報告率", "Public health emergency information reporting rate"},
		Numerator:       Text{"及时报告的突发公共卫生事件相关信息数", "emergency reports made in time"},
		Denominator:     Text{"报告突发公共卫生事件相关信息数", "emergency reports made"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "nbphs-spec §12.2 [R51] [R42], §14", Issue: issueSupervision,
		Did: Text{"及时报告突发公共卫生事件相关信息%v起", "%v emergency reports made in time"},
	},
	// ---- §13 卫生计生监督协管 ----
	{
		Code: "sup.info_report", Implemented: true, Service: ServiceSupervision,
		Name:            Names{"卫生计生监督协管信息报告率", "衛生計生監督協管信息報告率", "Supervision assistance reporting rate"},
		Numerator:       Text{"报告的事件或线索次数", "events or clues reported"},
		Denominator:     Text{"发现的事件或线索次数", "events or clues found"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "nbphs-spec §13 [R42], §14", Issue: issueSupervision,
		Did: Text{"报告事件或线索%v次", "%v events or clues reported"},
	},
	{
		Code: "sup.coverage", Implemented: true, Service: ServiceSupervision,
		Name:            Names{"卫生监督协管覆盖率", "衛生監督協管覆蓋率", "Supervision assistance coverage"},
		Numerator:       Text{"开展协管服务的被监督单位数", "supervised units covered by assistance"},
		Denominator:     Text{"辖区内被监督单位数", "supervised units in the area"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (协管覆盖率 100%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueSupervision, Did: Text{"协管覆盖单位%v家", "%v units covered"},
	},
	implementedCount("sup.patrols", ServiceSupervision, Names{"协助开展实地巡查次数", "協助開展實地巡查次數", "Field patrols assisted"},
		Text{"协助开展的食品、饮用水、学校、非法行医和非法采供血、计划生育实地巡查次数", "field patrols of food, water, schools, illegal practice and blood, family planning"},
		"nbphs-spec §13 (count, UNCONFIRMED); plan-targets.md (≥4 inspections a unit a year)", issueSupervision,
		Text{"协助开展实地巡查%v次", "%v field patrols"}),
	{
		Code: "sup.frequency", Implemented: true, Service: ServiceSupervision,
		Name:            Names{"被监督单位巡查频次达标率", "被監督單位巡查頻次達標率", "Units inspected as often as planned"},
		Numerator:       Text{"巡查次数达到要求的被监督单位数", "units inspected as often as their kind requires"},
		Denominator:     Text{"有巡查频次要求的被监督单位数", "units whose kind has an inspection quota"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
		Source: "plan-targets.md (≥4 inspections a unit a year; water works twice, dry and wet season)",
		Note:   "national frequency UNCONFIRMED (nbphs-spec §13 \"定期\"); quota from supervision.Frequencies",
		Issue:  issueSupervision, Did: Text{"巡查频次达标单位%v家", "%v units inspected as often as planned"},
	},
	{
		Code: "sup.complaint_timely", Implemented: true, Service: ServiceSupervision,
		Name:            Names{"投诉举报及时处理率", "投訴舉報及時處理率", "Complaints handled in time"},
		Numerator:       Text{"在时限内答复或上报的投诉举报件数", "complaints answered (minor) or reported upward (serious) in time"},
		Denominator:     Text{"受理的投诉举报件数", "complaints received"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisReport,
		Source: "plan-targets.md (minor: 5 working days; serious: reported within 1 working day)",
		Note:   "formula UNCONFIRMED in reference",
		Issue:  issueSupervision, Did: Text{"及时处理投诉举报%v件", "%v complaints handled in time"},
	},
	{
		Code: "sup.health_certificate", Implemented: true, Service: ServiceSupervision,
		Name:            Names{"从业人员健康体检率", "從業人員健康體檢率", "Practitioners with a valid health certificate"},
		Numerator:       Text{"持有效健康证明的从业人员数", "practitioners with a valid health certificate"},
		Denominator:     Text{"被监督单位从业人员数", "practitioners of supervised units"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "plan-targets.md (从业人员体检率 100%)", Note: "formula UNCONFIRMED in reference",
		Issue: issueSupervision, Did: Text{"持有效健康证明从业人员%v人", "%v practitioners certified"},
	},
	{
		Code: "sup.five_disease_removal", Implemented: true, Service: ServiceSupervision,
		Name:            Names{"五病人员调离率", "五病人員調離率", "Practitioners with a disqualifying condition removed"},
		Numerator:       Text{"已调离的五病从业人员数", "practitioners with one of the five conditions removed from direct contact"},
		Denominator:     Text{"查出五病的从业人员数", "practitioners found with one of the five conditions"},
		DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisStock,
		Source: "plan-targets.md (五病人员调离率 100%)", Note: "formula UNCONFIRMED in reference; the five conditions are listed in supervision.FiveConditions",
		Issue: issueSupervision, Did: Text{"调离五病人员%v人", "%v practitioners removed"},
	},
}

// implementedCount is countEntry for a count the library computes.
func implementedCount(code Code, svc Service, name Names, num Text, source, issue string, did Text) Indicator {
	ind := countEntry(code, svc, name, num, source, issue, did)
	ind.Implemented = true
	return ind
}

// countEntry builds a workload-count entry (no denominator, shown as an integer, placed
// by service date).
func countEntry(code Code, svc Service, name Names, num Text, source, issue string, did Text) Indicator {
	return Indicator{
		Code: code, Service: svc, Name: name, Numerator: num,
		Denominator:     Text{"（计数，无分母）", "(count, no denominator)"},
		DenominatorKind: NoDenominator, Scale: Count, Direction: HigherIsBetter, Places: 0,
		Basis: BasisService, Source: source, Issue: issue, Did: did,
	}
}

// Catalogue is a set of indicator definitions looked up by code. The national catalogue
// is [National]; a host that tallies local indicators builds its own with [NewCatalogue].
// A Catalogue is immutable and safe for concurrent use.
type Catalogue struct {
	list  []Indicator
	index map[Code]int
}

var national = mustCatalogue(catalogue)

func mustCatalogue(list []Indicator) *Catalogue {
	c, err := build(list)
	if err != nil {
		panic(err)
	}
	return c
}

// National returns the national catalogue (every indicator of the references).
func National() *Catalogue { return national }

// NewCatalogue returns a catalogue of the national entries plus extra (a host's local
// indicators). It fails with an error wrapping gongwei.ErrDuplicate when a code repeats,
// and gongwei.ErrInvalid when an entry lacks a code, a name in a language, a source or a
// valid scale or service.
func NewCatalogue(extra ...Indicator) (*Catalogue, error) {
	list := make([]Indicator, 0, len(extra)+len(national.list))
	list = append(list, national.list...)
	return build(append(list, extra...))
}

func build(list []Indicator) (*Catalogue, error) {
	c := &Catalogue{list: list, index: make(map[Code]int, len(list))}
	for i := range list {
		ind := &list[i]
		if ind.Code == "" || ind.Code.Qualifier() != "" || ind.Name.ZhHans == "" || ind.Name.ZhHant == "" ||
			ind.Name.En == "" || ind.Source == "" || !ind.Scale.IsValid() || !ind.Service.IsValid() {
			return nil, fmt.Errorf("%w: indicator %q is incomplete", gongwei.ErrInvalid, ind.Code)
		}
		if _, dup := c.index[ind.Code]; dup {
			return nil, fmt.Errorf("%w: indicator %q", gongwei.ErrDuplicate, ind.Code)
		}
		c.index[ind.Code] = i
	}
	return c, nil
}

// Lookup returns the definition of code (of its family, for a qualified code).
func (c *Catalogue) Lookup(code Code) (*Indicator, bool) {
	if c == nil {
		c = national
	}
	i, ok := c.index[code.Family()]
	if !ok {
		return nil, false
	}
	return &c.list[i], true
}

// All returns the entries in catalogue order (by service, then as listed). The slice is
// a copy; the entries are values.
func (c *Catalogue) All() []Indicator {
	if c == nil {
		c = national
	}
	return append([]Indicator(nil), c.list...)
}

// Lookup returns the national definition of code.
func Lookup(code Code) (*Indicator, bool) { return national.Lookup(code) }

// Pending returns the codes of the national entries the library does not compute from
// records (Indicator.Implemented false), sorted: the indicators a host tallies itself
// with Tally.Add, or that a report lists as not computed.
func Pending() []Code {
	var out []Code
	for _, ind := range national.list {
		if !ind.Implemented {
			out = append(out, ind.Code)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
