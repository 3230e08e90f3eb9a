package maternal

import "github.com/gongwei-lib/gongwei"

// Validation codes of this package (message keys prefixed "maternal.").
const (
	// CodeGestationTooLong: a pregnancy date more than 45 weeks after the LMP
	// ([MaxGestationWeeks]).
	CodeGestationTooLong gongwei.Code = "maternal.gestation_too_long"
	// CodeBookedAfterDelivery: the booking date is after the delivery.
	CodeBookedAfterDelivery gongwei.Code = "maternal.booked_after_delivery"
	// CodeAfterEnd: a prenatal contact or test dated after the pregnancy ended.
	CodeAfterEnd gongwei.Code = "maternal.after_end"
	// CodeAfterDeath: a contact dated after the woman's death.
	CodeAfterDeath gongwei.Code = "maternal.after_death"
	// CodeNotFemale: a pregnancy for a health record whose sex is not female.
	CodeNotFemale gongwei.Code = "maternal.not_female"
	// CodeNoDelivery: a postpartum contact without a recorded delivery.
	CodeNoDelivery gongwei.Code = "maternal.no_delivery"
	// CodeDeathWindow: a death more than 42 days after the end of pregnancy is not a
	// maternal death.
	CodeDeathWindow gongwei.Code = "maternal.death_window"
	// CodeOverlap: the pregnancy overlaps another pregnancy of the same woman.
	CodeOverlap gongwei.Code = "maternal.overlap"
)

func init() {
	ms := []gongwei.Message{
		{Key: string(CodeGestationTooLong), ZhHans: "孕周超过45周", ZhHant: "孕週超過45週", En: "is more than 45 weeks after the last menstrual period"},
		{Key: string(CodeBookedAfterDelivery), ZhHans: "建册日期晚于分娩日期", ZhHant: "建冊日期晚於分娩日期", En: "is after the delivery"},
		{Key: string(CodeAfterEnd), ZhHans: "日期晚于妊娠结束日期", ZhHant: "日期晚於妊娠結束日期", En: "is after the end of the pregnancy"},
		{Key: string(CodeAfterDeath), ZhHans: "日期晚于死亡日期", ZhHant: "日期晚於死亡日期", En: "is after the date of death"},
		{Key: string(CodeNotFemale), ZhHans: "健康档案性别不是女性", ZhHant: "健康檔案性別不是女性", En: "is a health record whose sex is not female"},
		{Key: string(CodeNoDelivery), ZhHans: "无分娩记录", ZhHant: "無分娩記錄", En: "has no delivery recorded"},
		{Key: string(CodeDeathWindow), ZhHans: "死亡日期超出妊娠结束后42天", ZhHant: "死亡日期超出妊娠結束後42天", En: "is more than 42 days after the end of the pregnancy"},
		{Key: string(CodeOverlap), ZhHans: "与该居民的另一次妊娠时间重叠", ZhHant: "與該居民的另一次妊娠時間重疊", En: "overlaps another pregnancy of the same woman"},

		{Key: "maternal.site.primary", ZhHans: "乡镇卫生院/社区卫生服务中心", ZhHant: "鄉鎮衛生院/社區衛生服務中心", En: "township or community health centre"},
		{Key: "maternal.site.midwifery", ZhHans: "有助产技术服务资质的医疗卫生机构", ZhHant: "有助產技術服務資質的醫療衛生機構", En: "facility licensed for midwifery"},
		{Key: "maternal.site.home", ZhHans: "产妇家中", ZhHant: "產婦家中", En: "the woman's home"},
		{Key: "maternal.site.delivery", ZhHans: "乡镇卫生院/社区卫生服务中心（异常分娩到原分娩机构）", ZhHant: "鄉鎮衛生院/社區衛生服務中心（異常分娩到原分娩機構）", En: "primary centre (the delivery facility after an abnormal delivery)"},

		{Key: "maternal.status.upcoming", ZhHans: "未到期", ZhHant: "未到期", En: "upcoming"},
		{Key: "maternal.status.due", ZhHans: "应做", ZhHant: "應做", En: "due"},
		{Key: "maternal.status.overdue", ZhHans: "逾期", ZhHant: "逾期", En: "overdue"},
		{Key: "maternal.status.missed", ZhHans: "错过", ZhHant: "錯過", En: "missed"},
		{Key: "maternal.status.done", ZhHans: "已完成", ZhHant: "已完成", En: "done"},
		{Key: "maternal.status.na", ZhHans: "不适用", ZhHant: "不適用", En: "not applicable"},

		{Key: "maternal.contact.1", ZhHans: "第1次产前检查", ZhHant: "第1次產前檢查", En: "1st prenatal check"},
		{Key: "maternal.contact.2", ZhHans: "第2次产前随访", ZhHant: "第2次產前隨訪", En: "2nd prenatal visit"},
		{Key: "maternal.contact.3", ZhHans: "第3次产前随访", ZhHant: "第3次產前隨訪", En: "3rd prenatal visit"},
		{Key: "maternal.contact.4", ZhHans: "第4次产前随访", ZhHant: "第4次產前隨訪", En: "4th prenatal visit"},
		{Key: "maternal.contact.5", ZhHans: "第5次产前随访", ZhHant: "第5次產前隨訪", En: "5th prenatal visit"},
		{Key: "maternal.contact.home", ZhHans: "产后访视", ZhHant: "產後訪視", En: "postpartum home visit"},
		{Key: "maternal.contact.42", ZhHans: "产后42天健康检查", ZhHant: "產後42天健康檢查", En: "42-day postpartum check"},

		{Key: "maternal.colour.green", ZhHans: "绿色", ZhHant: "綠色", En: "green"},
		{Key: "maternal.colour.yellow", ZhHans: "黄色", ZhHant: "黃色", En: "yellow"},
		{Key: "maternal.colour.orange", ZhHans: "橙色", ZhHant: "橙色", En: "orange"},
		{Key: "maternal.colour.red", ZhHans: "红色", ZhHant: "紅色", En: "red"},
		{Key: "maternal.colour.purple", ZhHans: "紫色", ZhHant: "紫色", En: "purple"},

		{Key: "maternal.infection.hiv", ZhHans: "艾滋病", ZhHant: "愛滋病", En: "HIV"},
		{Key: "maternal.infection.syphilis", ZhHans: "梅毒", ZhHant: "梅毒", En: "syphilis"},
		{Key: "maternal.infection.hbv", ZhHans: "乙肝", ZhHant: "乙肝", En: "hepatitis B"},
	}
	for _, f := range factorNames {
		ms = append(ms, gongwei.Message{Key: "maternal.factor." + string(f.f), ZhHans: f.zhHans, ZhHant: f.zhHant, En: f.en})
	}
	gongwei.RegisterMessages(ms...)
}

// factorNames are the names of the grading table's conditions.
var factorNames = []struct {
	f                  Factor
	zhHans, zhHant, en string
}{
	{FactorAge35, "年龄≥35岁", "年齡≥35歲", "age 35 or over"},
	{FactorAge18, "年龄≤18岁", "年齡≤18歲", "age 18 or under"},
	{FactorBMIHigh, "BMI>25", "BMI>25", "BMI over 25"},
	{FactorBMILow, "BMI<18.5", "BMI<18.5", "BMI under 18.5"},
	{FactorScarredUterus, "瘢痕子宫", "瘢痕子宮", "scarred uterus"},
	{FactorMultiple, "双胎/多胎妊娠", "雙胎/多胎妊娠", "multiple pregnancy"},
	{FactorART, "辅助生殖妊娠", "輔助生殖妊娠", "pregnancy by assisted reproduction"},
	{FactorMildAnaemia, "轻度贫血", "輕度貧血", "mild anaemia"},
	{FactorGDM, "妊娠期糖尿病", "妊娠期糖尿病", "gestational diabetes"},
	{FactorMildCondition, "病情轻且稳定的合并症或并发症", "病情輕且穩定的合併症或併發症", "mild and stable complication or comorbidity"},
	{FactorAge40, "年龄≥40岁", "年齡≥40歲", "age 40 or over"},
	{FactorBMIObese, "BMI≥28", "BMI≥28", "BMI 28 or over"},
	{FactorSeriousCondition, "较严重的合并症或并发症", "較嚴重的合併症或併發症", "fairly serious complication threatening mother and baby"},
	{FactorSevereCondition, "严重合并症或并发症，继续妊娠可能危及孕妇生命", "嚴重合併症或併發症，繼續妊娠可能危及孕婦生命", "serious complication; continuing the pregnancy may endanger the mother's life"},
	{FactorHepatitis, "病毒性肝炎", "病毒性肝炎", "viral hepatitis"},
	{FactorSyphilis, "梅毒", "梅毒", "syphilis"},
	{FactorHIV, "HIV感染及艾滋病", "HIV感染及愛滋病", "HIV infection"},
	{FactorTuberculosis, "结核病", "結核病", "tuberculosis"},
	{FactorSeverePneumonia, "重症感染性肺炎", "重症感染性肺炎", "severe infectious pneumonia"},
	{FactorSpecialViral, "特殊病毒感染", "特殊病毒感染", "special viral infection"},
}
