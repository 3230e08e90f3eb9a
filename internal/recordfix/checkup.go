package recordfix

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Checkup builds the fixture recordtest.Checkup documents.
func Checkup(r *healthrecord.Resident, on gongwei.Date) *healthrecord.Checkup {
	c := checkup(r, on)
	c.Derived = c.DeriveOutcome(r.BirthDate)
	return c
}

// checkup is Checkup without the derived outcome.
func checkup(r *healthrecord.Resident, on gongwei.Date) *healthrecord.Checkup {
	m := healthrecord.Measured[float64]
	n := healthrecord.Measured[int]
	yes, no := healthrecord.Measured(true), healthrecord.Measured(false)
	age := r.BirthDate.AgeYears(on)
	normal := func(note string) healthrecord.Finding {
		return healthrecord.Finding{Result: healthrecord.FindingNormal, Note: note}
	}
	c := &healthrecord.Checkup{
		ID:           healthrecord.CheckupID(string(r.ID) + "-" + on.String()),
		Resident:     r.ID,
		Date:         on,
		Physician:    "王医生",
		Symptoms:     []healthrecord.Symptom{healthrecord.SymptomDizziness, healthrecord.SymptomOther},
		SymptomOther: "夜间口干",
		General: healthrecord.GeneralStatus{
			Temperature: m(36.5),
			Pulse:       n(72),
			Respiration: n(18),
			BPLeft:      healthrecord.BloodPressure{Systolic: n(128), Diastolic: n(78)},
			BPRight:     healthrecord.BloodPressure{Systolic: n(126), Diastolic: n(76)},
			Height:      m(165),
			Weight:      m(62),
			Waist:       m(82),
		},
		Lifestyle: healthrecord.Lifestyle{
			Exercise: healthrecord.Exercise{
				Frequency:         healthrecord.ExerciseDaily,
				MinutesPerSession: n(30),
				Years:             m(5),
				Kind:              "散步",
			},
			Diet: []healthrecord.DietHabit{healthrecord.DietBalanced, healthrecord.DietSalt},
			Occupational: healthrecord.OccupationalExposure{
				Status: healthrecord.OccupationalExposed,
				Job:    "木工",
				Years:  m(10),
				Factors: []healthrecord.HazardFactor{
					{Kind: healthrecord.HazardDust, Substance: "木屑粉尘", Protected: yes, Measures: "口罩"},
					{Kind: healthrecord.HazardPhysical, Substance: "噪声", Protected: yes, Measures: "耳塞"},
				},
			},
		},
		Organs: healthrecord.OrganFunction{
			Lips:           normal("红润"),
			Dentition:      healthrecord.Finding{Result: healthrecord.FindingAbnormal, Note: "缺齿"},
			Pharynx:        normal("无充血"),
			VisionLeft:     m(0.8),
			VisionRight:    m(0.6),
			CorrectedLeft:  m(1.0),
			CorrectedRight: m(1.0),
			Hearing:        normal("听见"),
			Motor:          normal("可顺利完成"),
		},
		Exam: healthrecord.PhysicalExam{
			Fundus:          normal("未见异常"),
			Skin:            normal("正常"),
			Sclera:          normal("正常"),
			LymphNodes:      normal("未触及"),
			Lungs:           normal("呼吸音正常"),
			HeartRate:       n(72),
			HeartRhythm:     normal("齐"),
			HeartMurmur:     normal("无"),
			Abdomen:         normal("无压痛"),
			LowerLimbOedema: normal("无"),
			DorsalisPedis:   normal("触及双侧对称"),
			DRE:             normal("未及异常"),
			Breast:          normal("未见异常"),
			Gynaecology:     normal("未见异常"),
			Other:           normal("无"),
		},
		Tests: healthrecord.AuxiliaryTests{
			BloodRoutine: healthrecord.BloodRoutine{Haemoglobin: m(135), WBC: m(6.2), Platelets: m(220), Other: "无"},
			UrineRoutine: healthrecord.UrineRoutine{
				Protein:     healthrecord.DipstickNegative,
				Glucose:     healthrecord.DipstickNegative,
				Ketone:      healthrecord.DipstickNegative,
				OccultBlood: healthrecord.DipstickTrace,
				Other:       "无",
			},
			FastingGlucose:      m(5.4),
			ECG:                 normal("窦性心律"),
			UrineMicroalbumin:   m(1.2),
			FaecalOccultBlood:   healthrecord.Negative,
			HbA1c:               m(5.6),
			HBsAg:               healthrecord.Negative,
			Liver:               healthrecord.LiverFunction{ALT: m(22), AST: m(25), Albumin: m(42), TotalBilirubin: m(12.5)},
			Kidney:              healthrecord.KidneyFunction{Creatinine: m(78), Urea: m(5.1)},
			Lipids:              healthrecord.Lipids{TC: m(4.8), TG: m(1.3), LDL: m(2.9), HDL: m(1.3)},
			ChestXRay:           normal("未见异常"),
			AbdominalUltrasound: normal("肝胆胰脾未见异常"),
			OtherUltrasound:     normal("甲状腺未见异常"),
			CervicalSmear:       normal("未见异常"),
			Other:               "无",
		},
		Problems: []healthrecord.HealthProblem{{System: healthrecord.ProblemEye, Description: "白内障"}},
		Stays: []healthrecord.HospitalStay{{
			Kind:        healthrecord.StayHospital,
			Start:       on.AddDays(-200),
			End:         on.AddDays(-190),
			Reason:      "肺炎",
			Institution: "县人民医院",
			CaseNumber:  "A0001",
		}},
		Medications: []healthrecord.Medication{{
			Name: "维生素D", Usage: "口服", Dose: "每日一次，每次1粒", Duration: "1年",
			Adherence: healthrecord.AdherenceRegular,
		}},
		Vaccinations: []healthrecord.NonNIPVaccination{{Name: "流感疫苗", Date: on.AddDays(-60), Institution: "乡镇卫生院"}},
		Evaluation: healthrecord.HealthEvaluation{
			Result:        healthrecord.EvaluationAbnormal,
			Abnormalities: []string{"缺齿", "白内障"},
		},
		Guidance: healthrecord.HealthGuidance{
			Items:        []healthrecord.GuidanceCode{healthrecord.GuidanceRecheck},
			RiskControl:  []healthrecord.RiskControl{healthrecord.RiskDiet, healthrecord.RiskLoseWeight, healthrecord.RiskVaccination, healthrecord.RiskOther},
			TargetWeight: m(60),
			Vaccines:     "肺炎球菌疫苗",
			Other:        "低盐饮食",
		},
	}
	if age >= 18 {
		c.Lifestyle.Smoking = healthrecord.Smoking{
			Status:   healthrecord.SmokingQuit,
			PerDay:   n(10),
			StartAge: n(18),
			QuitAge:  n((18 + age) / 2),
		}
		c.Lifestyle.Drinking = healthrecord.Drinking{
			Frequency:     healthrecord.DrinkingOccasionally,
			DailyLiang:    m(1.5),
			Quit:          yes,
			QuitAge:       n((18 + age) / 2),
			StartAge:      n(18),
			DrunkPastYear: no,
			Kinds:         []healthrecord.AlcoholKind{healthrecord.AlcoholBeer, healthrecord.AlcoholOther},
			KindOther:     "米酒",
		}
	} else {
		c.Lifestyle.Smoking = healthrecord.Smoking{Status: healthrecord.SmokingNever}
		c.Lifestyle.Drinking = healthrecord.Drinking{Frequency: healthrecord.DrinkingNever}
	}
	if !healthrecord.IsElderlyOn(r.BirthDate, on) {
		return c
	}

	g := &c.General
	g.HealthSelfAssessment = healthrecord.HealthFairlySatisfied
	g.SelfCareSelfAssessment = healthrecord.SelfCareIndependent
	g.Cognitive = healthrecord.Screening{Result: healthrecord.Positive, Score: n(26)}
	g.Mood = healthrecord.Screening{Result: healthrecord.Positive, Score: n(8)}
	c.Evaluation.Abnormalities = append(c.Evaluation.Abnormalities, "认知功能粗筛阳性", "情感状态粗筛阳性")
	c.Elderly = &healthrecord.ElderlyAssessment{
		// Total 0+1+0+1+1 = 3: 可自理 (nbphs-spec §6.1).
		SelfCare: healthrecord.SelfCareAssessment{
			Eating:    healthrecord.LevelIndependent,
			Grooming:  healthrecord.LevelMild,
			Dressing:  healthrecord.LevelIndependent,
			Toileting: healthrecord.LevelMild,
			Activity:  healthrecord.LevelMild,
		},
		Guidance: []healthrecord.ElderlyGuidance{
			healthrecord.ElderlyGuidanceLifestyle, healthrecord.ElderlyGuidanceVaccination,
			healthrecord.ElderlyGuidanceOsteoporosis, healthrecord.ElderlyGuidanceFalls,
			healthrecord.ElderlyGuidanceInjury, healthrecord.ElderlyGuidanceCognition,
		},
		NextService: on.AddYears(1),
	}
	// Qi deficiency: items 2, 3, 4, 14 answered 3 → 12 → 是, the main constitution; item 9
	// is 1 because the BMI is 22.8 (< 24); every other item 1.
	t := &healthrecord.TCMAssessment{
		Main: healthrecord.QiDeficiency,
		Guidance: []healthrecord.TCMGuidance{
			healthrecord.TCMGuidanceEmotion, healthrecord.TCMGuidanceDiet, healthrecord.TCMGuidanceRoutine,
			healthrecord.TCMGuidanceExercise, healthrecord.TCMGuidanceAcupoint, healthrecord.TCMGuidanceOther,
		},
		GuidanceOther: "八段锦",
	}
	for i := range t.Answers {
		t.Answers[i] = healthrecord.AnswerNever
	}
	for _, item := range []int{2, 3, 4, 14} {
		t.Answers[item-1] = healthrecord.AnswerSometimes
	}
	c.TCM = t
	return c
}
