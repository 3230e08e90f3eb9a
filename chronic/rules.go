package chronic

import "github.com/gongwei-lib/gongwei"

// Interval is a span of calendar time: months are added first (gongwei.Date.AddMonths,
// clamping to the month's last day), then days. It is gongwei.Interval.
type Interval = gongwei.Interval

// MinFollowUps is the number of face-to-face follow-ups a year that hypertension,
// type 2 diabetes and severe mental disorder management each ask of a patient: "at
// least 4" (nbphs-spec §7.2, §8 Follow-up, §9 Follow-up). It is the usual reading of
// 规范管理 (managed per protocol, §7.5, §8.3, §9.4), whose operational definition is
// UNCONFIRMED in the reference: the indicators count it by default and let a host
// configure it (indicators.ChronicOptions.MinFollowUps). The routine follow-up
// intervals below are quarterly so that it is met.
const MinFollowUps = 4

// BPTarget is a blood-pressure target: a reading is at target when Systolic < SBP and
// Diastolic < DBP (both must be met).
type BPTarget struct {
	// MinAge is the age in completed years from which the target applies.
	MinAge int
	// SBP and DBP are the exclusive upper limits, mmHg.
	SBP, DBP int
}

// hypertensionRules is every numeric rule of hypertension management, nbphs-spec §7.
type hypertensionRules struct {
	// MinAge: the service covers residents aged 35 and over (§7 Target, §7.1 item 1).
	MinAge int
	// ScreeningInterval: residents 35+ get a free BP measurement once a year (§7.1 item 1).
	ScreeningInterval Interval
	// HighRiskInterval: high-risk people get a BP check at least every 6 months (§7.1 item 3).
	HighRiskInterval Interval
	// AboveNormalSBP, AboveNormalDBP: a first finding of SBP ≥140 and/or DBP ≥90 mmHg is
	// above normal: book a re-check (§7.1 item 2). The same limits are "BP above normal"
	// in the pregnancy/lactation emergency condition (§7.2).
	AboveNormalSBP, AboveNormalDBP int
	// ConfirmReadings: three readings on different days all above normal give a
	// provisional diagnosis (§7.1 item 2).
	ConfirmReadings int
	// HighNormal: SBP 130–139 and/or DBP 85–89 mmHg is high-normal BP, high-risk factor 1
	// (§7.1 table).
	HighNormalSBP, HighNormalDBP int
	// Overweight 24 ≤ BMI < 28, obese BMI ≥ 28 (§7.1 table, factor 2).
	OverweightBMI, ObeseBMI float64
	// Central obesity: waist ≥90 cm for men, ≥85 cm for women (§7.1 table, factor 2).
	WaistMen, WaistWomen float64
	// HeavyDrinkingML: long-term heavy drinking, baijiu ≥100 ml a day (§7.1 table, factor 5).
	HeavyDrinkingML int
	// RiskAge: age ≥55 years is high-risk factor 6 (§7.1 table).
	RiskAge int
	// EmergencySBP, EmergencyDBP: SBP ≥180 and/or DBP ≥110 mmHg require urgent referral
	// (§7.2 urgent referral list).
	EmergencySBP, EmergencyDBP int
	// Targets: 控制满意 when BP is below the target of the patient's age: <140/90; for
	// patients ≥65 <150/90 (§7.3; the age-specific target is UNCONFIRMED in reference;
	// implemented as given). Ordered by MinAge; the last one that applies wins.
	Targets []BPTarget
	// Routine: the next routine follow-up of a satisfactory visit, quarterly so that at
	// least 4 face-to-face follow-ups a year are met (§7.2, §7.3).
	Routine Interval
	// Recheck: first 控制不满意 or an adverse reaction: follow up within 2 weeks (§7.3).
	Recheck Interval
	// ReferralFollowUp: after any referral, urgent or not, actively follow it up within
	// 2 weeks (§0 "Recurring rule", §7.2, §7.3).
	ReferralFollowUp Interval
}

// HypertensionRules is the table of hypertension management, nbphs-spec §7. Each figure
// is cited on its field.
var htRules = hypertensionRules{
	MinAge:            35,
	ScreeningInterval: Interval{Months: 12},
	HighRiskInterval:  Interval{Months: 6},
	AboveNormalSBP:    140, AboveNormalDBP: 90,
	ConfirmReadings: 3,
	HighNormalSBP:   130, HighNormalDBP: 85,
	OverweightBMI: 24, ObeseBMI: 28,
	WaistMen: 90, WaistWomen: 85,
	HeavyDrinkingML: 100,
	RiskAge:         55,
	EmergencySBP:    180, EmergencyDBP: 110,
	Targets: []BPTarget{
		{MinAge: 0, SBP: 140, DBP: 90},
		{MinAge: 65, SBP: 150, DBP: 90},
	},
	Routine:          Interval{Months: 3},
	Recheck:          Interval{Days: 14},
	ReferralFollowUp: Interval{Days: 14},
}

// diabetesRules is every numeric rule of type 2 diabetes management, nbphs-spec §8.
type diabetesRules struct {
	// MinAge: residents aged 35 and over with type 2 diabetes (§8 Target).
	MinAge int
	// ScreeningInterval: high-risk people get at least 1 fasting glucose test a year
	// (§8 Screening).
	ScreeningInterval Interval
	// EmergencyHighGlucose, EmergencyLowGlucose: glucose ≥16.7 or ≤3.9 mmol/L requires
	// urgent referral (§8.1).
	EmergencyHighGlucose, EmergencyLowGlucose float64
	// EmergencySBP, EmergencyDBP: SBP ≥180 and/or DBP ≥110 mmHg (§8.1).
	EmergencySBP, EmergencyDBP int
	// EmergencyHeartRate: persistent tachycardia, heart rate >100 /min (§8.1).
	EmergencyHeartRate int
	// EmergencyTemperature: body temperature >39 °C (§8.1).
	EmergencyTemperature float64
	// TargetFBG: 控制满意 when fasting glucose <7.0 mmol/L (§8.2, §8.3).
	TargetFBG float64
	// Routine: next routine follow-up, quarterly (at least 4 follow-ups a year, §8
	// Follow-up).
	Routine Interval
	// Recheck: first 控制不满意 or an adverse reaction: within 2 weeks (§8.2).
	Recheck Interval
	// ReferralFollowUp: active referral follow-up within 2 weeks (§8.1, §8.2).
	ReferralFollowUp Interval
}

// dmRules is the table of type 2 diabetes management, nbphs-spec §8.
var dmRules = diabetesRules{
	MinAge:               35,
	ScreeningInterval:    Interval{Months: 12},
	EmergencyHighGlucose: 16.7, EmergencyLowGlucose: 3.9,
	EmergencySBP: 180, EmergencyDBP: 110,
	EmergencyHeartRate:   100,
	EmergencyTemperature: 39,
	TargetFBG:            7.0,
	Routine:              Interval{Months: 3},
	Recheck:              Interval{Days: 14},
	ReferralFollowUp:     Interval{Days: 14},
}

// mentalRules is every numeric rule of severe mental disorder management, nbphs-spec §9.
type mentalRules struct {
	// UnstableRisk: risk level 3–5 makes a patient 病情不稳定 (§9.2).
	UnstableRisk RiskLevel
	// Unstable: follow up within 2 weeks (§9.2).
	Unstable Interval
	// BasicallyStable: follow up at 2 weeks (§9.2; the basically-stable branch is
	// UNCONFIRMED in reference, implemented as given).
	BasicallyStable Interval
	// StillBasicallyStable: still not stable at the 2-week check: ask a psychiatrist for
	// guidance and follow up at 1 month (§9.2, UNCONFIRMED, implemented as given).
	StillBasicallyStable Interval
	// Stable: follow up at 3 months (§9.2).
	Stable Interval
	// ReferralFollowUp: learn the treatment status within 2 weeks of a referral (§9.2).
	ReferralFollowUp Interval
}

// smiRules is the table of severe mental disorder management, nbphs-spec §9.
var smiRules = mentalRules{
	UnstableRisk:         3,
	Unstable:             Interval{Days: 14},
	BasicallyStable:      Interval{Days: 14},
	StillBasicallyStable: Interval{Months: 1},
	Stable:               Interval{Months: 3},
	ReferralFollowUp:     Interval{Days: 14},
}

// tbRules is every numeric rule of pulmonary TB patient management, nbphs-spec §10.
type tbRules struct {
	// FirstVisitHours: the first home visit within 72 hours of receiving the notice
	// (§10.1 第一次入户随访).
	FirstVisitHours int
	// FirstVisitFailures: 2 failed visits within the 72 hours are reported to the
	// higher-level institution (§10.1).
	FirstVisitFailures int
	// StaffSupervised: medical-staff-supervised patients are assessed at least monthly
	// (§10.1 Follow-up assessment).
	StaffSupervised Interval
	// FamilyIntensive: family-supervised patients, every 10 days in the intensive or
	// injection phase (§10.1).
	FamilyIntensive Interval
	// FamilyContinuation: family-supervised patients, monthly in the continuation or
	// non-injection phase (§10.1).
	FamilyContinuation Interval
	// MissedDaysReport: missed doses for ≥1 week are reported to the higher-level
	// institution (§10.1 Classified handling; UNCONFIRMED in reference, implemented as
	// given).
	MissedDaysReport int
	// ReferralFollowUp: adverse reaction, complication or comorbidity: refer at once and
	// follow up within 2 weeks (§10.1; UNCONFIRMED in reference, implemented as given).
	ReferralFollowUp Interval
	// ClosurePhoneFollowUp: at case closure, a phone follow-up within 2 weeks (§10.1 结案评估;
	// UNCONFIRMED in reference, implemented as given).
	ClosurePhoneFollowUp Interval
	// RegularPercent: 规则服药 means doses taken at the prescribed times are ≥90% of the
	// doses required over the whole course (§10.2; the threshold is UNCONFIRMED in
	// reference, implemented as given).
	RegularPercent int
	// SuspectCoughDays: cough or sputum for ≥2 weeks is a suspect symptom (§10.1
	// Screening and referral).
	SuspectCoughDays int
	// ReferralCheck: phone follow-up within 1 week of referring a suspect (§10.1).
	ReferralCheck Interval
}

// tbRule is the table of pulmonary TB patient management, nbphs-spec §10.
var tbRule = tbRules{
	FirstVisitHours:      72,
	FirstVisitFailures:   2,
	StaffSupervised:      Interval{Months: 1},
	FamilyIntensive:      Interval{Days: 10},
	FamilyContinuation:   Interval{Months: 1},
	MissedDaysReport:     7,
	ReferralFollowUp:     Interval{Days: 14},
	ClosurePhoneFollowUp: Interval{Days: 14},
	RegularPercent:       90,
	SuspectCoughDays:     14,
	ReferralCheck:        Interval{Days: 7},
}
