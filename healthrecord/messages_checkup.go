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
	{codeKey("checkup.symptom", SymptomNone), "无症状", "無症狀", "no symptoms"},
	{codeKey("checkup.symptom", SymptomHeadache), "头痛", "頭痛", "headache"},
	{codeKey("checkup.symptom", SymptomDizziness), "头晕", "頭暈", "dizziness"},
	{codeKey("checkup.symptom", SymptomPalpitations), "心悸", "心悸", "palpitations"},
	{codeKey("checkup.symptom", SymptomChestTightness), "胸闷", "胸悶", "chest tightness"},
	{codeKey("checkup.symptom", SymptomChestPain), "胸痛", "胸痛", "chest pain"},
	{codeKey("checkup.symptom", SymptomChronicCough), "慢性咳嗽", "慢性咳嗽", "chronic cough"},
	{codeKey("checkup.symptom", SymptomSputum), "咳痰", "咳痰", "sputum"},
	{codeKey("checkup.symptom", SymptomDyspnoea), "呼吸困难", "呼吸困難", "breathing difficulty"},
	{codeKey("checkup.symptom", SymptomPolydipsia), "多饮", "多飲", "excessive thirst"},
	{codeKey("checkup.symptom", SymptomPolyuria), "多尿", "多尿", "frequent urination"},
	{codeKey("checkup.symptom", SymptomWeightLoss), "体重下降", "體重下降", "weight loss"},
	{codeKey("checkup.symptom", SymptomFatigue), "乏力", "乏力", "fatigue"},
	{codeKey("checkup.symptom", SymptomJointPain), "关节肿痛", "關節腫痛", "joint swelling and pain"},
	{codeKey("checkup.symptom", SymptomBlurredVision), "视力模糊", "視力模糊", "blurred vision"},
	{codeKey("checkup.symptom", SymptomNumbness), "手脚麻木", "手腳麻木", "numb hands or feet"},
	{codeKey("checkup.symptom", SymptomUrgency), "尿急", "尿急", "urinary urgency"},
	{codeKey("checkup.symptom", SymptomDysuria), "尿痛", "尿痛", "painful urination"},
	{codeKey("checkup.symptom", SymptomConstipation), "便秘", "便秘", "constipation"},
	{codeKey("checkup.symptom", SymptomDiarrhoea), "腹泻", "腹瀉", "diarrhoea"},
	{codeKey("checkup.symptom", SymptomNauseaVomiting), "恶心呕吐", "噁心嘔吐", "nausea and vomiting"},
	{codeKey("checkup.symptom", SymptomDimVision), "眼花", "眼花", "dim vision"},
	{codeKey("checkup.symptom", SymptomTinnitus), "耳鸣", "耳鳴", "tinnitus"},
	{codeKey("checkup.symptom", SymptomBreastDistension), "乳房胀痛", "乳房脹痛", "breast distension and pain"},
	{codeKey("checkup.symptom", SymptomOther), "其他", "其他", "other"},

	// Health self-assessment (2-4 UNCONFIRMED labels).
	{codeKey("checkup.health_self", HealthSatisfied), "满意", "滿意", "satisfied"},
	{codeKey("checkup.health_self", HealthFairlySatisfied), "基本满意", "基本滿意", "fairly satisfied"},
	{codeKey("checkup.health_self", HealthUnsure), "说不清楚", "說不清楚", "unsure"},
	{codeKey("checkup.health_self", HealthNotQuiteSatisfied), "不太满意", "不太滿意", "not quite satisfied"},
	{codeKey("checkup.health_self", HealthDissatisfied), "不满意", "不滿意", "dissatisfied"},

	{codeKey("checkup.posneg", Negative), "阴性", "陰性", "negative"},
	{codeKey("checkup.posneg", Positive), "阳性", "陽性", "positive"},

	{codeKey("checkup.exercise", ExerciseDaily), "每天", "每天", "daily"},
	{codeKey("checkup.exercise", ExerciseWeekly), "每周一次以上", "每週一次以上", "more than once a week"},
	{codeKey("checkup.exercise", ExerciseOccasional), "偶尔", "偶爾", "occasionally"},
	{codeKey("checkup.exercise", ExerciseNone), "不锻炼", "不鍛鍊", "no exercise"},

	{codeKey("checkup.diet", DietBalanced), "荤素均衡", "葷素均衡", "balanced meat and vegetables"},
	{codeKey("checkup.diet", DietMeat), "荤食为主", "葷食為主", "mainly meat"},
	{codeKey("checkup.diet", DietVegetarian), "素食为主", "素食為主", "mainly vegetarian"},
	{codeKey("checkup.diet", DietSalt), "嗜盐", "嗜鹽", "salty food"},
	{codeKey("checkup.diet", DietOil), "嗜油", "嗜油", "oily food"},
	{codeKey("checkup.diet", DietSugar), "嗜糖", "嗜糖", "sweet food"},

	{codeKey("checkup.smoking", SmokingNever), "从不吸烟", "從不吸菸", "never smoked"},
	{codeKey("checkup.smoking", SmokingQuit), "已戒烟", "已戒菸", "quit smoking"},
	{codeKey("checkup.smoking", SmokingCurrent), "吸烟", "吸菸", "smokes"},

	{codeKey("checkup.drinking", DrinkingNever), "从不", "從不", "never"},
	{codeKey("checkup.drinking", DrinkingOccasionally), "偶尔", "偶爾", "occasionally"},
	{codeKey("checkup.drinking", DrinkingOften), "经常", "經常", "often"},
	{codeKey("checkup.drinking", DrinkingDaily), "每天", "每天", "daily"},

	{codeKey("checkup.alcohol", AlcoholBaijiu), "白酒", "白酒", "baijiu"},
	{codeKey("checkup.alcohol", AlcoholBeer), "啤酒", "啤酒", "beer"},
	{codeKey("checkup.alcohol", AlcoholWine), "红酒", "紅酒", "wine"},
	{codeKey("checkup.alcohol", AlcoholYellow), "黄酒", "黃酒", "yellow wine"},
	{codeKey("checkup.alcohol", AlcoholOther), "其他", "其他", "other"},

	{codeKey("checkup.occupational", OccupationalNone), "无", "無", "none"},
	{codeKey("checkup.occupational", OccupationalExposed), "有", "有", "exposed"},

	{codeKey("checkup.hazard", HazardDust), "粉尘", "粉塵", "dust"},
	{codeKey("checkup.hazard", HazardRadiation), "放射物质", "放射物質", "radioactive substances"},
	{codeKey("checkup.hazard", HazardPhysical), "物理因素", "物理因素", "physical factors"},
	{codeKey("checkup.hazard", HazardChemical), "化学物质", "化學物質", "chemicals"},
	{codeKey("checkup.hazard", HazardOther), "其他", "其他", "other"},

	{codeKey("checkup.finding", FindingNormal), "正常", "正常", "normal"},
	{codeKey("checkup.finding", FindingAbnormal), "异常", "異常", "abnormal"},

	{codeKey("checkup.dipstick", DipstickNegative), "−", "−", "−"},
	{codeKey("checkup.dipstick", DipstickTrace), "±", "±", "±"},
	{codeKey("checkup.dipstick", Dipstick1Plus), "+", "+", "+"},
	{codeKey("checkup.dipstick", Dipstick2Plus), "++", "++", "++"},
	{codeKey("checkup.dipstick", Dipstick3Plus), "+++", "+++", "+++"},
	{codeKey("checkup.dipstick", Dipstick4Plus), "++++", "++++", "++++"},

	{codeKey("checkup.problem", ProblemCerebrovascular), "脑血管疾病", "腦血管疾病", "cerebrovascular disease"},
	{codeKey("checkup.problem", ProblemKidney), "肾脏疾病", "腎臟疾病", "kidney disease"},
	{codeKey("checkup.problem", ProblemHeart), "心脏疾病", "心臟疾病", "heart disease"},
	{codeKey("checkup.problem", ProblemVascular), "血管疾病", "血管疾病", "vascular disease"},
	{codeKey("checkup.problem", ProblemEye), "眼部疾病", "眼部疾病", "eye disease"},
	{codeKey("checkup.problem", ProblemNervous), "神经系统疾病", "神經系統疾病", "nervous system disease"},
	{codeKey("checkup.problem", ProblemOther), "其他系统疾病", "其他系統疾病", "disease of another system"},

	{codeKey("checkup.stay", StayHospital), "住院", "住院", "hospitalisation"},
	{codeKey("checkup.stay", StayHomeBed), "家庭病床", "家庭病床", "home sickbed"},

	{codeKey("checkup.adherence", AdherenceRegular), "规律", "規律", "regular"},
	{codeKey("checkup.adherence", AdherenceIntermittent), "间断", "間斷", "intermittent"},
	{codeKey("checkup.adherence", AdherenceNotTaking), "不服药", "不服藥", "not taking"},

	{codeKey("checkup.evaluation", EvaluationNormal), "体检无异常", "體檢無異常", "no abnormality"},
	{codeKey("checkup.evaluation", EvaluationAbnormal), "有异常", "有異常", "abnormal findings"},

	{codeKey("checkup.guidance", GuidanceChronicProgramme), "纳入慢性病患者健康管理", "納入慢性病患者健康管理", "enrol in chronic disease management"},
	{codeKey("checkup.guidance", GuidanceRecheck), "建议复查", "建議複查", "re-check advised"},
	{codeKey("checkup.guidance", GuidanceReferral), "建议转诊", "建議轉診", "referral advised"},

	{codeKey("checkup.risk", RiskQuitSmoking), "戒烟", "戒菸", "quit smoking"},
	{codeKey("checkup.risk", RiskHealthyDrink), "健康饮酒", "健康飲酒", "drink sensibly"},
	{codeKey("checkup.risk", RiskDiet), "饮食", "飲食", "diet"},
	{codeKey("checkup.risk", RiskExercise), "锻炼", "鍛鍊", "exercise"},
	{codeKey("checkup.risk", RiskLoseWeight), "减体重", "減體重", "lose weight"},
	{codeKey("checkup.risk", RiskVaccination), "建议接种疫苗", "建議接種疫苗", "vaccination advised"},
	{codeKey("checkup.risk", RiskOther), "其他", "其他", "other"},

	// Self-care assessment (nbphs-spec §6.1).
	{codeKey("selfcare.domain", SelfCareEating), "进餐", "進餐", "eating"},
	{codeKey("selfcare.domain", SelfCareGrooming), "梳洗", "梳洗", "grooming"},
	{codeKey("selfcare.domain", SelfCareDressing), "穿衣", "穿衣", "dressing"},
	{codeKey("selfcare.domain", SelfCareToileting), "如厕", "如廁", "toileting"},
	{codeKey("selfcare.domain", SelfCareActivity), "活动", "活動", "activity"},
	{codeKey("selfcare.level", LevelIndependent), "可自理", "可自理", "independent"},
	{codeKey("selfcare.level", LevelMild), "轻度依赖", "輕度依賴", "mildly dependent"},
	{codeKey("selfcare.level", LevelModerate), "中度依赖", "中度依賴", "moderately dependent"},
	{codeKey("selfcare.level", LevelDependent), "不能自理", "不能自理", "dependent"},
	{codeKey("selfcare.band", SelfCareIndependent), "可自理（0～3分）", "可自理（0～3分）", "independent (0-3)"},
	{codeKey("selfcare.band", SelfCareMild), "轻度依赖（4～8分）", "輕度依賴（4～8分）", "mildly dependent (4-8)"},
	{codeKey("selfcare.band", SelfCareModerate), "中度依赖（9～18分）", "中度依賴（9～18分）", "moderately dependent (9-18)"},
	{codeKey("selfcare.band", SelfCareDependent), "不能自理（≥19分）", "不能自理（≥19分）", "dependent (19 or more)"},

	// Elderly guidance (nbphs-spec §6).
	{codeKey("elderly.guidance", ElderlyGuidanceLifestyle), "健康生活方式", "健康生活方式", "healthy lifestyle"},
	{codeKey("elderly.guidance", ElderlyGuidanceVaccination), "疫苗接种", "疫苗接種", "vaccination"},
	{codeKey("elderly.guidance", ElderlyGuidanceOsteoporosis), "骨质疏松预防", "骨質疏鬆預防", "osteoporosis prevention"},
	{codeKey("elderly.guidance", ElderlyGuidanceFalls), "防跌倒", "防跌倒", "fall prevention"},
	{codeKey("elderly.guidance", ElderlyGuidanceInjury), "意外伤害预防和自救", "意外傷害預防和自救", "injury prevention and first aid"},
	{codeKey("elderly.guidance", ElderlyGuidanceCognition), "认知和情感", "認知和情感", "cognition and emotion"},

	// TCM (nbphs-spec §11.1).
	{codeKey("tcm.constitution", QiDeficiency), "气虚质", "氣虛質", "qi deficiency"},
	{codeKey("tcm.constitution", YangDeficiency), "阳虚质", "陽虛質", "yang deficiency"},
	{codeKey("tcm.constitution", YinDeficiency), "阴虚质", "陰虛質", "yin deficiency"},
	{codeKey("tcm.constitution", PhlegmDamp), "痰湿质", "痰濕質", "phlegm-dampness"},
	{codeKey("tcm.constitution", DampHeat), "湿热质", "濕熱質", "damp-heat"},
	{codeKey("tcm.constitution", BloodStasis), "血瘀质", "血瘀質", "blood stasis"},
	{codeKey("tcm.constitution", QiStagnation), "气郁质", "氣鬱質", "qi stagnation"},
	{codeKey("tcm.constitution", Allergic), "特禀质", "特稟質", "special (allergic)"},
	{codeKey("tcm.constitution", Balanced), "平和质", "平和質", "balanced"},
	{codeKey("tcm.verdict", VerdictNo), "否", "否", "no"},
	{codeKey("tcm.verdict", VerdictTending), "倾向是", "傾向是", "tending"},
	{codeKey("tcm.verdict", VerdictBasically), "基本是", "基本是", "basically yes"},
	{codeKey("tcm.verdict", VerdictYes), "是", "是", "yes"},
	{codeKey("tcm.answer", AnswerNever), "没有", "沒有", "never"},
	{codeKey("tcm.answer", AnswerRarely), "很少", "很少", "rarely"},
	{codeKey("tcm.answer", AnswerSometimes), "有时", "有時", "sometimes"},
	{codeKey("tcm.answer", AnswerOften), "经常", "經常", "often"},
	{codeKey("tcm.answer", AnswerAlways), "总是", "總是", "always"},
	{codeKey("tcm.guidance", TCMGuidanceEmotion), "情志调摄", "情志調攝", "emotional regulation"},
	{codeKey("tcm.guidance", TCMGuidanceDiet), "饮食调养", "飲食調養", "diet"},
	{codeKey("tcm.guidance", TCMGuidanceRoutine), "起居调摄", "起居調攝", "daily routine"},
	{codeKey("tcm.guidance", TCMGuidanceExercise), "运动保健", "運動保健", "exercise"},
	{codeKey("tcm.guidance", TCMGuidanceAcupoint), "穴位保健", "穴位保健", "acupoint care"},
	{codeKey("tcm.guidance", TCMGuidanceOther), "其他", "其他", "other"},
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
