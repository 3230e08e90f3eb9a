package healthrecord

import "github.com/gongwei-lib/gongwei"

// checkupMessages are the catalog entries of the checkup form, the self-care and TCM
// assessments and the elderly service: key, zh-Hans, zh-Hant, en.
var checkupMessages = [][4]string{
	// Validation codes.
	{string(CodeCheckupExclusive), "与同组其他选项互斥", "與同組其他選項互斥", "excludes the other options chosen with it"},
	{string(CodeCheckupSelfCareMismatch), "与生活自理能力评估表的结果不一致", "與生活自理能力評估表的結果不一致", "does not match the band of the self-care assessment"},
	{string(CodeCheckupElderlyOnly), "仅适用于65岁及以上老年人", "僅適用於65歲及以上老年人", "applies only to residents aged 65 and over"},
	{string(CodeSelfCareNoLevel), "该项目无此等级（表中为“—”）", "該項目無此等級（表中為「—」）", "has no such level for this item (\"—\" on the form)"},
	{string(CodeTCMMain), "主要体质与判定结果不符", "主要體質與判定結果不符", "is not the main constitution the answers give"},
	{string(CodeTCMItem9), "第9项应按体质指数（BMI）评分", "第9項應按體質指數（BMI）評分", "must be scored from the BMI"},

	// Symptoms (nbphs-spec §1.5).
	{"checkup.symptom.1", "无症状", "無症狀", "no symptoms"},
	{"checkup.symptom.2", "头痛", "頭痛", "headache"},
	{"checkup.symptom.3", "头晕", "頭暈", "dizziness"},
	{"checkup.symptom.4", "心悸", "心悸", "palpitations"},
	{"checkup.symptom.5", "胸闷", "胸悶", "chest tightness"},
	{"checkup.symptom.6", "胸痛", "胸痛", "chest pain"},
	{"checkup.symptom.7", "慢性咳嗽", "慢性咳嗽", "chronic cough"},
	{"checkup.symptom.8", "咳痰", "咳痰", "sputum"},
	{"checkup.symptom.9", "呼吸困难", "呼吸困難", "breathing difficulty"},
	{"checkup.symptom.10", "多饮", "多飲", "excessive thirst"},
	{"checkup.symptom.11", "多尿", "多尿", "frequent urination"},
	{"checkup.symptom.12", "体重下降", "體重下降", "weight loss"},
	{"checkup.symptom.13", "乏力", "乏力", "fatigue"},
	{"checkup.symptom.14", "关节肿痛", "關節腫痛", "joint swelling and pain"},
	{"checkup.symptom.15", "视力模糊", "視力模糊", "blurred vision"},
	{"checkup.symptom.16", "手脚麻木", "手腳麻木", "numb hands or feet"},
	{"checkup.symptom.17", "尿急", "尿急", "urinary urgency"},
	{"checkup.symptom.18", "尿痛", "尿痛", "painful urination"},
	{"checkup.symptom.19", "便秘", "便秘", "constipation"},
	{"checkup.symptom.20", "腹泻", "腹瀉", "diarrhoea"},
	{"checkup.symptom.21", "恶心呕吐", "噁心嘔吐", "nausea and vomiting"},
	{"checkup.symptom.22", "眼花", "眼花", "dim vision"},
	{"checkup.symptom.23", "耳鸣", "耳鳴", "tinnitus"},
	{"checkup.symptom.24", "乳房胀痛", "乳房脹痛", "breast distension and pain"},
	{"checkup.symptom.25", "其他", "其他", "other"},

	// Health self-assessment (2-4 UNCONFIRMED labels).
	{"checkup.health_self.1", "满意", "滿意", "satisfied"},
	{"checkup.health_self.2", "基本满意", "基本滿意", "fairly satisfied"},
	{"checkup.health_self.3", "说不清楚", "說不清楚", "unsure"},
	{"checkup.health_self.4", "不太满意", "不太滿意", "not quite satisfied"},
	{"checkup.health_self.5", "不满意", "不滿意", "dissatisfied"},

	{"checkup.posneg.1", "阴性", "陰性", "negative"},
	{"checkup.posneg.2", "阳性", "陽性", "positive"},

	{"checkup.exercise.1", "每天", "每天", "daily"},
	{"checkup.exercise.2", "每周一次以上", "每週一次以上", "more than once a week"},
	{"checkup.exercise.3", "偶尔", "偶爾", "occasionally"},
	{"checkup.exercise.4", "不锻炼", "不鍛鍊", "no exercise"},

	{"checkup.diet.1", "荤素均衡", "葷素均衡", "balanced meat and vegetables"},
	{"checkup.diet.2", "荤食为主", "葷食為主", "mainly meat"},
	{"checkup.diet.3", "素食为主", "素食為主", "mainly vegetarian"},
	{"checkup.diet.4", "嗜盐", "嗜鹽", "salty food"},
	{"checkup.diet.5", "嗜油", "嗜油", "oily food"},
	{"checkup.diet.6", "嗜糖", "嗜糖", "sweet food"},

	{"checkup.smoking.1", "从不吸烟", "從不吸菸", "never smoked"},
	{"checkup.smoking.2", "已戒烟", "已戒菸", "quit smoking"},
	{"checkup.smoking.3", "吸烟", "吸菸", "smokes"},

	{"checkup.drinking.1", "从不", "從不", "never"},
	{"checkup.drinking.2", "偶尔", "偶爾", "occasionally"},
	{"checkup.drinking.3", "经常", "經常", "often"},
	{"checkup.drinking.4", "每天", "每天", "daily"},

	{"checkup.alcohol.1", "白酒", "白酒", "baijiu"},
	{"checkup.alcohol.2", "啤酒", "啤酒", "beer"},
	{"checkup.alcohol.3", "红酒", "紅酒", "wine"},
	{"checkup.alcohol.4", "黄酒", "黃酒", "yellow wine"},
	{"checkup.alcohol.5", "其他", "其他", "other"},

	{"checkup.occupational.1", "无", "無", "none"},
	{"checkup.occupational.2", "有", "有", "exposed"},

	{"checkup.hazard.1", "粉尘", "粉塵", "dust"},
	{"checkup.hazard.2", "放射物质", "放射物質", "radioactive substances"},
	{"checkup.hazard.3", "物理因素", "物理因素", "physical factors"},
	{"checkup.hazard.4", "化学物质", "化學物質", "chemicals"},
	{"checkup.hazard.5", "其他", "其他", "other"},

	{"checkup.finding.1", "正常", "正常", "normal"},
	{"checkup.finding.2", "异常", "異常", "abnormal"},

	{"checkup.dipstick.1", "−", "−", "−"},
	{"checkup.dipstick.2", "±", "±", "±"},
	{"checkup.dipstick.3", "+", "+", "+"},
	{"checkup.dipstick.4", "++", "++", "++"},
	{"checkup.dipstick.5", "+++", "+++", "+++"},
	{"checkup.dipstick.6", "++++", "++++", "++++"},

	{"checkup.problem.1", "脑血管疾病", "腦血管疾病", "cerebrovascular disease"},
	{"checkup.problem.2", "肾脏疾病", "腎臟疾病", "kidney disease"},
	{"checkup.problem.3", "心脏疾病", "心臟疾病", "heart disease"},
	{"checkup.problem.4", "血管疾病", "血管疾病", "vascular disease"},
	{"checkup.problem.5", "眼部疾病", "眼部疾病", "eye disease"},
	{"checkup.problem.6", "神经系统疾病", "神經系統疾病", "nervous system disease"},
	{"checkup.problem.7", "其他系统疾病", "其他系統疾病", "disease of another system"},

	{"checkup.stay.1", "住院", "住院", "hospitalisation"},
	{"checkup.stay.2", "家庭病床", "家庭病床", "home sickbed"},

	{"checkup.adherence.1", "规律", "規律", "regular"},
	{"checkup.adherence.2", "间断", "間斷", "intermittent"},
	{"checkup.adherence.3", "不服药", "不服藥", "not taking"},

	{"checkup.evaluation.1", "体检无异常", "體檢無異常", "no abnormality"},
	{"checkup.evaluation.2", "有异常", "有異常", "abnormal findings"},

	{"checkup.guidance.1", "纳入慢性病患者健康管理", "納入慢性病患者健康管理", "enrol in chronic disease management"},
	{"checkup.guidance.2", "建议复查", "建議複查", "re-check advised"},
	{"checkup.guidance.3", "建议转诊", "建議轉診", "referral advised"},

	{"checkup.risk.1", "戒烟", "戒菸", "quit smoking"},
	{"checkup.risk.2", "健康饮酒", "健康飲酒", "drink sensibly"},
	{"checkup.risk.3", "饮食", "飲食", "diet"},
	{"checkup.risk.4", "锻炼", "鍛鍊", "exercise"},
	{"checkup.risk.5", "减体重", "減體重", "lose weight"},
	{"checkup.risk.6", "建议接种疫苗", "建議接種疫苗", "vaccination advised"},
	{"checkup.risk.7", "其他", "其他", "other"},

	// Self-care assessment (nbphs-spec §6.1).
	{"selfcare.domain.1", "进餐", "進餐", "eating"},
	{"selfcare.domain.2", "梳洗", "梳洗", "grooming"},
	{"selfcare.domain.3", "穿衣", "穿衣", "dressing"},
	{"selfcare.domain.4", "如厕", "如廁", "toileting"},
	{"selfcare.domain.5", "活动", "活動", "activity"},
	{"selfcare.level.1", "可自理", "可自理", "independent"},
	{"selfcare.level.2", "轻度依赖", "輕度依賴", "mildly dependent"},
	{"selfcare.level.3", "中度依赖", "中度依賴", "moderately dependent"},
	{"selfcare.level.4", "不能自理", "不能自理", "dependent"},
	{"selfcare.band.1", "可自理（0～3分）", "可自理（0～3分）", "independent (0-3)"},
	{"selfcare.band.2", "轻度依赖（4～8分）", "輕度依賴（4～8分）", "mildly dependent (4-8)"},
	{"selfcare.band.3", "中度依赖（9～18分）", "中度依賴（9～18分）", "moderately dependent (9-18)"},
	{"selfcare.band.4", "不能自理（≥19分）", "不能自理（≥19分）", "dependent (19 or more)"},

	// Elderly guidance (nbphs-spec §6).
	{"elderly.guidance.1", "健康生活方式", "健康生活方式", "healthy lifestyle"},
	{"elderly.guidance.2", "疫苗接种", "疫苗接種", "vaccination"},
	{"elderly.guidance.3", "骨质疏松预防", "骨質疏鬆預防", "osteoporosis prevention"},
	{"elderly.guidance.4", "防跌倒", "防跌倒", "fall prevention"},
	{"elderly.guidance.5", "意外伤害预防和自救", "意外傷害預防和自救", "injury prevention and first aid"},
	{"elderly.guidance.6", "认知和情感", "認知和情感", "cognition and emotion"},

	// TCM (nbphs-spec §11.1).
	{"tcm.constitution.1", "气虚质", "氣虛質", "qi deficiency"},
	{"tcm.constitution.2", "阳虚质", "陽虛質", "yang deficiency"},
	{"tcm.constitution.3", "阴虚质", "陰虛質", "yin deficiency"},
	{"tcm.constitution.4", "痰湿质", "痰濕質", "phlegm-dampness"},
	{"tcm.constitution.5", "湿热质", "濕熱質", "damp-heat"},
	{"tcm.constitution.6", "血瘀质", "血瘀質", "blood stasis"},
	{"tcm.constitution.7", "气郁质", "氣鬱質", "qi stagnation"},
	{"tcm.constitution.8", "特禀质", "特稟質", "special (allergic)"},
	{"tcm.constitution.9", "平和质", "平和質", "balanced"},
	{"tcm.verdict.1", "否", "否", "no"},
	{"tcm.verdict.2", "倾向是", "傾向是", "tending"},
	{"tcm.verdict.3", "基本是", "基本是", "basically yes"},
	{"tcm.verdict.4", "是", "是", "yes"},
	{"tcm.answer.1", "没有", "沒有", "never"},
	{"tcm.answer.2", "很少", "很少", "rarely"},
	{"tcm.answer.3", "有时", "有時", "sometimes"},
	{"tcm.answer.4", "经常", "經常", "often"},
	{"tcm.answer.5", "总是", "總是", "always"},
	{"tcm.guidance.1", "情志调摄", "情志調攝", "emotional regulation"},
	{"tcm.guidance.2", "饮食调养", "飲食調養", "diet"},
	{"tcm.guidance.3", "起居调摄", "起居調攝", "daily routine"},
	{"tcm.guidance.4", "运动保健", "運動保健", "exercise"},
	{"tcm.guidance.5", "穴位保健", "穴位保健", "acupoint care"},
	{"tcm.guidance.6", "其他", "其他", "other"},
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
	ms := make([]gongwei.Message, len(checkupMessages))
	for i, m := range checkupMessages {
		ms[i] = gongwei.Message{Key: m[0], ZhHans: m[1], ZhHant: m[2], En: m[3]}
	}
	gongwei.RegisterMessages(ms...)
}
