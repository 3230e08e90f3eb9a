package healthrecord

import "github.com/gongwei-lib/gongwei"

// checkupMessages are the catalog entries of the checkup form, the self-care and TCM
// assessments and the elderly service: key, zh-Hans, zh-Hant, en. The labels of the
// numbered code sets of the checkup form are generated from codesets.tsv
// (numberedCodeMessages).
var checkupMessages = [][4]string{
	// Validation codes.
	{string(CodeCheckupExclusive), "与同组其他选项互斥", "與同組其他選項互斥", "excludes the other options chosen with it"},
	{string(CodeCheckupSelfCareMismatch), "与生活自理能力评估表的结果不一致", "與生活自理能力評估表的結果不一致", "does not match the band of the self-care assessment"},
	{string(CodeCheckupElderlyOnly), "仅适用于65岁及以上老年人", "僅適用於65歲及以上老年人", "applies only to residents aged 65 and over"},
	{string(CodeSelfCareNoLevel), "该项目无此等级（表中为“—”）", "該項目無此等級（表中為「—」）", "has no such level for this item (\"—\" on the form)"},
	{string(CodeTCMMain), "主要体质与判定结果不符", "主要體質與判定結果不符", "is not the main constitution the answers give"},
	{string(CodeTCMItem9), "第9项应按体质指数（BMI）评分", "第9項應按體質指數（BMI）評分", "must be scored from the BMI"},

	// Self-care assessment (nbphs-spec §6.1).

	// Elderly guidance (nbphs-spec §6).

	// TCM (nbphs-spec §11.1).
	{"tcm.item.1", "精力充沛", "精力充沛", "energy"},
	{"tcm.item.2", "容易疲乏", "容易疲乏", "fatigue"},
	{"tcm.item.3", "气短", "氣短", "shortness of breath"},
	{"tcm.item.4", "说话无力", "說話無力", "weak voice"},
	{"tcm.item.5", "闷闷不乐", "悶悶不樂", "low mood"},
	{"tcm.item.6", "紧张焦虑", "緊張焦慮", "anxiety"},
	{"tcm.item.7", "孤独失落", "孤獨失落", "loneliness"},
	{"tcm.item.8", "容易害怕", "容易害怕", "fearfulness"},
	{"tcm.item.9", "身体沉重（按BMI）", "身體沉重（按BMI）", "body heaviness (from BMI)"},
	{"tcm.item.10", "眼睛干涩", "眼睛乾澀", "dry eyes"},
	{"tcm.item.11", "手脚发凉", "手腳發涼", "cold hands and feet"},
	{"tcm.item.12", "胃脘、背部或腰膝怕冷", "胃脘、背部或腰膝怕冷", "cold stomach, back or knees"},
	{"tcm.item.13", "怕冷", "怕冷", "cold intolerance"},
	{"tcm.item.14", "容易感冒", "容易感冒", "catches colds"},
	{"tcm.item.15", "鼻塞、打喷嚏", "鼻塞、打噴嚏", "nasal symptoms"},
	{"tcm.item.16", "口黏、打鼾", "口黏、打鼾", "sticky mouth, snoring"},
	{"tcm.item.17", "容易过敏", "容易過敏", "allergies"},
	{"tcm.item.18", "皮肤荨麻疹", "皮膚蕁麻疹", "urticaria"},
	{"tcm.item.19", "皮肤出现青紫瘀斑", "皮膚出現青紫瘀斑", "bruising"},
	{"tcm.item.20", "皮肤一抓就红", "皮膚一抓就紅", "dermatographism"},
	{"tcm.item.21", "皮肤或口唇干", "皮膚或口唇乾", "dry skin or lips"},
	{"tcm.item.22", "肢体麻木或固定部位疼痛", "肢體麻木或固定部位疼痛", "numbness or fixed pain"},
	{"tcm.item.23", "面部或鼻部油腻", "面部或鼻部油膩", "oily face"},
	{"tcm.item.24", "面色晦暗或有色斑", "面色晦暗或有色斑", "dark complexion or spots"},
	{"tcm.item.25", "湿疹、疮疖", "濕疹、瘡癤", "eczema or sores"},
	{"tcm.item.26", "口干咽燥", "口乾咽燥", "dry mouth and thirst"},
	{"tcm.item.27", "口苦或口中异味", "口苦或口中異味", "bitter mouth or odour"},
	{"tcm.item.28", "腹部肥满松软", "腹部肥滿鬆軟", "abdominal fat"},
	{"tcm.item.29", "吃凉东西不舒服", "吃涼東西不舒服", "discomfort with cold food"},
	{"tcm.item.30", "大便黏滞", "大便黏滯", "sticky stool"},
	{"tcm.item.31", "大便干燥", "大便乾燥", "dry stool"},
	{"tcm.item.32", "舌苔厚腻", "舌苔厚膩", "thick greasy tongue coating"},
	{"tcm.item.33", "舌下静脉瘀紫或增粗", "舌下靜脈瘀紫或增粗", "sublingual veins"},
}

func init() {
	ms := make([]gongwei.Message, 0, len(checkupMessages)+len(numberedCodeMessages))
	for _, m := range append(checkupMessages, numberedCodeMessages...) {
		ms = append(ms, gongwei.Message{Key: m[0], ZhHans: m[1], ZhHant: m[2], En: m[3]})
	}
	gongwei.RegisterMessages(ms...)
}
