package chronic

import "github.com/gongwei-lib/gongwei"

// Validation codes of this package.
const (
	// CodeUnderAge: the patient is younger than the service's minimum age on
	// registration (35 for hypertension and diabetes, nbphs-spec §7, §8); args: the age.
	CodeUnderAge gongwei.Code = "chronic.under_age"
	// CodeUnknownPatient: the follow-up's patient is not stored.
	CodeUnknownPatient gongwei.Code = "chronic.unknown_patient"
	// CodeConditionMismatch: the follow-up's kind does not match its patient's condition,
	// or a visit holds no follow-up or more than one.
	CodeConditionMismatch gongwei.Code = "chronic.condition_mismatch"
)

func init() {
	m := func(key, hans, hant, en string) gongwei.Message {
		return gongwei.Message{Key: key, ZhHans: hans, ZhHant: hant, En: en}
	}
	gongwei.RegisterMessages(
		m(string(CodeUnderAge), "未达到服务对象年龄（%v岁及以上）", "未達到服務對象年齡（%v歲及以上）", "is below the service's minimum age of %v"),
		m(string(CodeUnknownPatient), "患者管理记录不存在", "患者管理記錄不存在", "is not a registered patient"),
		m(string(CodeConditionMismatch), "随访类型与患者管理类别不一致", "隨訪類型與患者管理類別不一致", "does not match the patient's condition"),

		m("chronic.class.satisfied", "控制满意", "控制滿意", "controlled"),
		m("chronic.class.unsatisfied", "控制不满意", "控制不滿意", "not controlled"),
		m("chronic.class.adverse_reaction", "不良反应", "不良反應", "adverse reaction"),
		m("chronic.class.complication", "并发症", "併發症", "complication"),
		m("chronic.class.emergency", "紧急转诊", "緊急轉診", "urgent referral"),
		m("chronic.class.unstable", "病情不稳定", "病情不穩定", "unstable"),
		m("chronic.class.basically_stable", "病情基本稳定", "病情基本穩定", "basically stable"),
		m("chronic.class.stable", "病情稳定", "病情穩定", "stable"),
		m("chronic.class.not_reached", "未访到", "未訪到", "not reached"),
		m("chronic.class.adherent", "规律服药", "規律服藥", "taking medicine as prescribed"),
		m("chronic.class.not_adherent", "未按医嘱服药", "未按醫囑服藥", "not taking medicine as prescribed"),

		m("chronic.finding.bp_emergency", "收缩压≥180mmHg和（或）舒张压≥110mmHg", "收縮壓≥180mmHg和（或）舒張壓≥110mmHg", "systolic ≥180 and/or diastolic ≥110 mmHg"),
		m("chronic.finding.glucose_high", "血糖≥16.7mmol/L", "血糖≥16.7mmol/L", "glucose ≥16.7 mmol/L"),
		m("chronic.finding.glucose_low", "血糖≤3.9mmol/L", "血糖≤3.9mmol/L", "glucose ≤3.9 mmol/L"),
		m("chronic.finding.tachycardia", "持续性心动过速（心率超过100次/分钟）", "持續性心動過速（心率超過100次/分鐘）", "persistent tachycardia (heart rate over 100/min)"),
		m("chronic.finding.fever", "体温超过39℃", "體溫超過39℃", "temperature over 39 °C"),
		m("chronic.finding.emergency_sign", "有需紧急转诊的症状", "有需緊急轉診的症狀", "a symptom requiring urgent referral"),
		m("chronic.finding.pregnancy", "妊娠期或哺乳期血压高于正常", "妊娠期或哺乳期血壓高於正常", "pregnant or lactating with blood pressure above normal"),
		m("chronic.finding.other_emergency", "存在不能处理的其他疾病", "存在不能處理的其他疾病", "another condition the institution cannot handle"),
		m("chronic.finding.not_at_target", "未达到控制目标", "未達到控制目標", "not at target"),
		m("chronic.finding.two_unsatisfied", "连续两次控制不满意", "連續兩次控制不滿意", "not controlled twice in a row"),
		m("chronic.finding.adverse_reaction", "药物不良反应", "藥物不良反應", "adverse drug reaction"),
		m("chronic.finding.reaction_persists", "药物不良反应难以控制或未改善", "藥物不良反應難以控制或未改善", "adverse reaction hard to control or not improved"),
		m("chronic.finding.complication", "出现新的并发症或原有并发症加重", "出現新的併發症或原有併發症加重", "new or worsened complication"),
		m("chronic.finding.risk", "危险性评估", "危險性評估", "risk level"),
		m("chronic.finding.symptoms", "精神症状", "精神症狀", "psychiatric symptoms"),
		m("chronic.finding.insight", "自知力", "自知力", "insight"),
		m("chronic.finding.social_function", "社会功能较差", "社會功能較差", "poor social function"),
		m("chronic.finding.somatic", "严重躯体疾病", "嚴重軀體疾病", "serious somatic disease"),
		m("chronic.finding.missed_doses", "漏服药物1周及以上", "漏服藥物1週及以上", "doses missed for a week or more"),
		m("chronic.finding.not_reached", "未访到", "未訪到", "not reached"),
		m("chronic.finding.still_not_stable", "两周后病情仍未稳定", "兩週後病情仍未穩定", "still not stable after two weeks"),
		m("chronic.finding.tb_referral_reasons", "药物不良反应、并发症或合并症", "藥物不良反應、併發症或合併症", "adverse reaction, complication or comorbidity"),
	)
}
