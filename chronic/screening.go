package chronic

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// Screening is the outcome of one blood-pressure screening reading (nbphs-spec §7.1).
type Screening int

// The screening outcomes.
const (
	// ScreenNormal: below the high-normal range.
	ScreenNormal Screening = 1
	// ScreenHighNormal: SBP 130–139 and/or DBP 85–89 mmHg (血压高值), high-risk factor 1:
	// re-measure at least every 6 months, lifestyle guidance.
	ScreenHighNormal Screening = 2
	// ScreenSuspected: SBP ≥140 and/or DBP ≥90 mmHg: remove transient causes and book a
	// re-check on another day; three such readings on different days give a provisional
	// diagnosis (ConfirmHypertension).
	ScreenSuspected Screening = 3
)

// ScreenBloodPressure classifies one screening reading by nbphs-spec §7.1 item 2 and the
// high-risk table: ≥140 and/or ≥90 is suspected; 130–139 and/or 85–89 is high-normal;
// lower is normal.
func ScreenBloodPressure(sbp, dbp int) Screening {
	switch {
	case BPAboveNormal(sbp, dbp):
		return ScreenSuspected
	case sbp >= htRules.HighNormalSBP || dbp >= htRules.HighNormalDBP:
		return ScreenHighNormal
	}
	return ScreenNormal
}

// Reading is one dated blood-pressure reading.
type Reading struct {
	Date                gongwei.Date
	Systolic, Diastolic int
}

// ConfirmHypertension reports whether readings give a provisional diagnosis of
// hypertension: readings above normal (SBP ≥140 and/or DBP ≥90) on at least three
// different days (nbphs-spec §7.1 item 2, "三次测量均高于正常", "非同日"). Several
// readings on one day count once. The patient is then referred for confirmation and the
// referral followed up within 2 weeks.
func ConfirmHypertension(readings []Reading) bool {
	var days []gongwei.Date
	for _, r := range readings {
		if r.Date.IsZero() || !BPAboveNormal(r.Systolic, r.Diastolic) || slices.Contains(days, r.Date) {
			continue
		}
		days = append(days, r.Date)
	}
	return len(days) >= htRules.ConfirmReadings
}

// RiskFactor is one of the six hypertension high-risk factors of nbphs-spec §7.1.
type RiskFactor int

// The six high-risk factors, numbered as in nbphs-spec §7.1.
const (
	RiskHighNormalBP  RiskFactor = 1 // 血压高值: SBP 130–139 and/or DBP 85–89
	RiskOverweight    RiskFactor = 2 // BMI ≥24 and/or central obesity
	RiskFamilyHistory RiskFactor = 3 // first- or second-degree relatives
	RiskHighSalt      RiskFactor = 4 // long-term high-salt diet
	RiskHeavyDrinking RiskFactor = 5 // baijiu ≥100 ml a day
	RiskAge           RiskFactor = 6 // age ≥55
)

// RiskProfile is what the high-risk screening of nbphs-spec §7.1 looks at. Zero numbers
// mean not measured.
type RiskProfile struct {
	// Birth and Sex are the resident's (the waist limit differs by sex).
	Birth gongwei.Date
	Sex   gongwei.Sex
	// Systolic and Diastolic are the blood pressure measured, mmHg.
	Systolic, Diastolic int
	// BMI (kg/m²) and Waist (cm).
	BMI, Waist float64
	// FamilyHistory of hypertension in first- or second-degree relatives.
	FamilyHistory bool
	// HighSalt: long-term high-salt diet.
	HighSalt bool
	// DrinkingML: baijiu drunk a day, ml.
	DrinkingML int
}

// HypertensionRiskFactors returns the high-risk factors of a resident on date on, in
// the order of nbphs-spec §7.1's table: high-normal BP (SBP 130–139 and/or DBP 85–89,
// not above normal), overweight or obesity (BMI ≥24) or central obesity (waist ≥90 cm
// for men, ≥85 cm for women), family history, high-salt diet, heavy drinking (≥100 ml
// baijiu a day), age ≥55. Any one makes the resident high-risk: a BP check at least
// every 6 months (NextBPScreening).
func HypertensionRiskFactors(r RiskProfile, on gongwei.Date) []RiskFactor {
	var out []RiskFactor
	if (r.Systolic > 0 || r.Diastolic > 0) && ScreenBloodPressure(r.Systolic, r.Diastolic) == ScreenHighNormal {
		out = append(out, RiskHighNormalBP)
	}
	central := (r.Sex == gongwei.Male && r.Waist >= htRules.WaistMen) || (r.Sex == gongwei.Female && r.Waist >= htRules.WaistWomen)
	if r.BMI >= htRules.OverweightBMI || central {
		out = append(out, RiskOverweight)
	}
	if r.FamilyHistory {
		out = append(out, RiskFamilyHistory)
	}
	if r.HighSalt {
		out = append(out, RiskHighSalt)
	}
	if r.DrinkingML >= htRules.HeavyDrinkingML {
		out = append(out, RiskHeavyDrinking)
	}
	if !r.Birth.IsZero() && r.Birth.AgeYears(on) >= htRules.RiskAge {
		out = append(out, RiskAge)
	}
	return out
}

// BMIClass is the weight class of the hypertension high-risk table.
type BMIClass int

// The weight classes of nbphs-spec §7.1: overweight 24 ≤ BMI < 28, obese BMI ≥ 28.
const (
	BMIBelowOverweight BMIClass = 0
	BMIOverweight      BMIClass = 1
	BMIObese           BMIClass = 2
)

// ClassifyBMI returns the weight class of bmi (nbphs-spec §7.1).
func ClassifyBMI(bmi float64) BMIClass {
	switch {
	case bmi >= htRules.ObeseBMI:
		return BMIObese
	case bmi >= htRules.OverweightBMI:
		return BMIOverweight
	}
	return BMIBelowOverweight
}

// ScreeningEligible reports whether a resident born on birth is covered by the yearly
// blood-pressure measurement on date on: aged 35 or over (nbphs-spec §7.1 item 1).
func ScreeningEligible(birth, on gongwei.Date) bool {
	return !birth.IsZero() && birth.AgeYears(on) >= htRules.MinAge
}

// NextBPScreening returns when a resident's next blood-pressure measurement is due after
// the one on last: 6 months for a high-risk resident, a year otherwise (nbphs-spec §7.1
// items 1 and 3).
func NextBPScreening(last gongwei.Date, highRisk bool) gongwei.Date {
	if highRisk {
		return htRules.HighRiskInterval.After(last)
	}
	return htRules.ScreeningInterval.After(last)
}

// NextGlucoseScreening returns when a high-risk resident's next fasting-glucose test is
// due after the one on last: at least once a year (nbphs-spec §8 Screening).
func NextGlucoseScreening(last gongwei.Date) gongwei.Date {
	return dmRules.ScreeningInterval.After(last)
}

// TBSuspect reports suspect TB symptoms at a visit (nbphs-spec §10.1 Screening and
// referral): cough or sputum for 2 weeks or more, haemoptysis or blood-stained sputum, or
// fever, night sweats, chest pain or unexplained weight loss (others). The suspect is
// referred to the designated TB facility and phoned within 1 week (TBReferralCheck).
func TBSuspect(coughDays int, haemoptysis, others bool) bool {
	return coughDays >= tbRule.SuspectCoughDays || haemoptysis || others
}

// TBReferralCheck returns the date by which a referred TB suspect is phoned to check
// attendance: 1 week after the referral (nbphs-spec §10.1).
func TBReferralCheck(referred gongwei.Date) gongwei.Date {
	return tbRule.ReferralCheck.After(referred)
}
