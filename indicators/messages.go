package indicators

import (
	"strconv"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// Catalog keys of the labels this package introduces (all prefixed "ind."). Indicator
// names are registered as "ind." + code from the catalogue table.
const (
	keyColService     = "ind.col.service"
	keyColIndicator   = "ind.col.indicator"
	keyColUnit        = "ind.col.unit"
	keyColNumerator   = "ind.col.numerator"
	keyColDenominator = "ind.col.denominator"
	keyColActual      = "ind.col.actual"
	keyColTarget      = "ind.col.target"
	keyColStatus      = "ind.col.status"
	keyColDue         = "ind.col.due"
	keyColProgress    = "ind.col.progress"
	keyColSource      = "ind.col.source"

	// The pieces of the year-end summary (Summarize).
	keySumSentence  = "ind.sum.sentence"  // the date phrase, then the clauses
	keySumSep       = "ind.sum.sep"       // between clauses
	keySumFirst     = "ind.sum.first"     // the first count of a service (共…)
	keySumPartOf    = "ind.sum.part_of"   // a count or rate that is part of another (其中…)
	keySumDidRate   = "ind.sum.did_rate"  // a count phrase, then its rate
	keySumValue     = "ind.sum.value"     // a rate's name, then its value
	keySumTarget    = "ind.sum.target"    // the target and the status of a row
	keySumMonthEnd  = "ind.sum.month_end" // month number, English month name
	keySumYearEnd   = "ind.sum.year_end"
	keySumDay       = "ind.sum.day" // month number, day, English month name
	keyQualifiedImm = "ind.qualified.imm.coverage"
)

// didKey returns the catalog key of a national indicator's summary phrase (Did).
func didKey(c Code) string { return "ind.did." + string(c) }

// scaleKeys are the catalog keys of the scales' suffixes (Count has none).
var scaleKeys = [...]string{Percent: "ind.scale.percent", PerMille: "ind.scale.per_mille", Per10k: "ind.scale.per_10k", Per100k: "ind.scale.per_100k"}

// national names and phrases as registered in the catalog, so that Label and the summary
// take a national entry's texts from the catalog and a host's own entry (not in the
// library's catalog) from its fields.
var (
	catalogNames = map[Code]Names{}
	catalogDid   = map[Code]Text{}
)

// qualifier gives the label of a qualified code's qualifier, by family: the owner of the
// qualifiers registers their names in the catalog (immunization registers its
// milestones' names); format is the catalog key of the qualified label, with one %s for
// the qualifier's name.
type qualifier struct {
	format string
	name   func(q string, tag language.Tag) (string, bool)
}

// qualifiers are the families whose qualifiers have names.
var qualifiers = map[Code]qualifier{}

// in returns the indicator's name in tag from its fields, for an entry the catalog
// does not hold.
func (n Names) in(tag language.Tag) string {
	switch gongwei.MatchLanguage(tag) {
	case language.TraditionalChinese:
		return n.ZhHant
	case language.English:
		return n.En
	}
	return n.ZhHans
}

// count formats a count for a summary phrase: plain digits, as the Chinese reports write
// them (the printer's own %v of an integer would group the digits).
func count(n int64) string { return strconv.FormatInt(n, 10) }

func init() {
	ms := []gongwei.Message{
		{Key: serviceKeys[ServiceRecords], ZhHans: "居民健康档案管理", ZhHant: "居民健康檔案管理", En: "Resident health records"},
		{Key: serviceKeys[ServiceEducation], ZhHans: "健康教育", ZhHant: "健康教育", En: "Health education"},
		{Key: serviceKeys[ServiceImmunization], ZhHans: "预防接种", ZhHant: "預防接種", En: "Immunization"},
		{Key: serviceKeys[ServiceChild], ZhHans: "0～6岁儿童健康管理", ZhHant: "0～6歲兒童健康管理", En: "Child health 0–6"},
		{Key: serviceKeys[ServiceMaternal], ZhHans: "孕产妇健康管理", ZhHant: "孕產婦健康管理", En: "Maternal health"},
		{Key: serviceKeys[ServiceElderly], ZhHans: "老年人健康管理", ZhHant: "老年人健康管理", En: "Elderly health"},
		{Key: serviceKeys[ServiceHypertension], ZhHans: "高血压患者健康管理", ZhHant: "高血壓患者健康管理", En: "Hypertension"},
		{Key: serviceKeys[ServiceDiabetes], ZhHans: "2型糖尿病患者健康管理", ZhHant: "2型糖尿病患者健康管理", En: "Type 2 diabetes"},
		{Key: serviceKeys[ServiceMental], ZhHans: "严重精神障碍患者管理", ZhHant: "嚴重精神障礙患者管理", En: "Severe mental disorders"},
		{Key: serviceKeys[ServiceTB], ZhHans: "肺结核患者健康管理", ZhHant: "肺結核患者健康管理", En: "Tuberculosis"},
		{Key: serviceKeys[ServiceTCM], ZhHans: "中医药健康管理", ZhHant: "中醫藥健康管理", En: "Traditional Chinese medicine"},
		{Key: serviceKeys[ServiceInfectious], ZhHans: "传染病及突发公共卫生事件报告和处理", ZhHant: "傳染病及突發公共衛生事件報告和處理", En: "Infectious disease and emergency reporting"},
		{Key: serviceKeys[ServiceSupervision], ZhHans: "卫生计生监督协管", ZhHant: "衛生計生監督協管", En: "Health supervision assistance"},

		{Key: statusKeys[StatusNoData], ZhHans: "无数据", ZhHant: "無數據", En: "no data"},
		{Key: statusKeys[StatusMet], ZhHans: "达标", ZhHant: "達標", En: "met"},
		{Key: statusKeys[StatusNotMet], ZhHans: "未达标", ZhHant: "未達標", En: "not met"},
		{Key: progressKeys[ProgressNotDue], ZhHans: "未到节点", ZhHant: "未到節點", En: "no milestone due"},
		{Key: progressKeys[ProgressOnTrack], ZhHans: "按进度", ZhHant: "按進度", En: "on track"},
		{Key: progressKeys[ProgressBehind], ZhHans: "滞后", ZhHant: "滯後", En: "behind"},
		{Key: progressKeys[ProgressNotApplicable], ZhHans: "不适用", ZhHant: "不適用", En: "n/a"},

		{Key: keyColService, ZhHans: "服务项目", ZhHant: "服務項目", En: "Service"},
		{Key: keyColIndicator, ZhHans: "指标", ZhHant: "指標", En: "Indicator"},
		{Key: keyColUnit, ZhHans: "单位", ZhHant: "單位", En: "Unit"},
		{Key: keyColNumerator, ZhHans: "分子", ZhHant: "分子", En: "Numerator"},
		{Key: keyColDenominator, ZhHans: "分母", ZhHant: "分母", En: "Denominator"},
		{Key: keyColActual, ZhHans: "实际", ZhHant: "實際", En: "Actual"},
		{Key: keyColTarget, ZhHans: "目标", ZhHant: "目標", En: "Target"},
		{Key: keyColStatus, ZhHans: "状态", ZhHant: "狀態", En: "Status"},
		{Key: keyColDue, ZhHans: "应完成", ZhHant: "應完成", En: "Due"},
		{Key: keyColProgress, ZhHans: "进度", ZhHant: "進度", En: "Progress"},
		{Key: keyColSource, ZhHans: "来源", ZhHant: "來源", En: "Source"},

		{Key: keySumSentence, ZhHans: "%s，%s。", ZhHant: "%s，%s。", En: "%s, %s."},
		{Key: keySumSep, ZhHans: "，", ZhHant: "，", En: "; "},
		{Key: keySumFirst, ZhHans: "共%s", ZhHant: "共%s", En: "%s"},
		{Key: keySumPartOf, ZhHans: "其中%s", ZhHant: "其中%s", En: "%s"},
		{Key: keySumDidRate, ZhHans: "%s，%s", ZhHant: "%s，%s", En: "%s, %s"},
		{Key: keySumValue, ZhHans: "%s%s", ZhHant: "%s%s", En: "%s %s"},
		{Key: keySumTarget, ZhHans: "（目标%s，%s）", ZhHant: "（目標%s，%s）", En: " (target %s, %s)"},
		{Key: keySumMonthEnd, ZhHans: "截至%[1]d月底", ZhHant: "截至%[1]d月底", En: "By the end of %[2]s"},
		{Key: keySumYearEnd, ZhHans: "截至年底", ZhHant: "截至年底", En: "By the end of December"},
		{Key: keySumDay, ZhHans: "截至%[1]d月%[2]d日", ZhHant: "截至%[1]d月%[2]d日", En: "As of %[2]d %[3]s"},
		{Key: keyQualifiedImm, ZhHans: "%s接种率", ZhHant: "%s接種率", En: "%s coverage"},

		{Key: scaleKeys[Percent], ZhHans: "%%", ZhHant: "%%", En: "%%"},
		{Key: scaleKeys[PerMille], ZhHans: "‰", ZhHant: "‰", En: "‰"},
		{Key: scaleKeys[Per10k], ZhHans: "/万", ZhHant: "/萬", En: " per 10,000"},
		{Key: scaleKeys[Per100k], ZhHans: "/10万", ZhHant: "/10萬", En: " per 100,000"},
	}
	for i := range catalogue {
		ind := &catalogue[i]
		ms = append(ms, gongwei.Message{Key: ind.Key(), ZhHans: ind.Name.ZhHans, ZhHant: ind.Name.ZhHant, En: ind.Name.En})
		catalogNames[ind.Code] = ind.Name
		if ind.Did.Zh != "" {
			ms = append(ms, gongwei.Message{Key: didKey(ind.Code), ZhHans: ind.Did.Zh, ZhHant: didHant[ind.Code], En: ind.Did.En})
			catalogDid[ind.Code] = ind.Did
		}
	}
	gongwei.RegisterMessages(ms...)
}
