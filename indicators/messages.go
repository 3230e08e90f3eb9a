package indicators

import "github.com/gongwei-lib/gongwei"

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
)

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
	}
	for i := range catalogue {
		ind := &catalogue[i]
		ms = append(ms, gongwei.Message{Key: ind.Key(), ZhHans: ind.Name.ZhHans, ZhHant: ind.Name.ZhHant, En: ind.Name.En})
	}
	gongwei.RegisterMessages(ms...)
}
