package child

// HighRiskReason is why a child is a high-risk child (体弱儿) under special management
// (专案管理). Its values are stable codes.
type HighRiskReason string

// The criteria. No national definition was found; these are the criteria commonly cited
// in provincial lists (growth.md §6 [S28][S29]). UNCONFIRMED in reference; implemented as
// given. A host with a different provincial list adds its own reasons to a [HighRisk].
const (
	// ReasonPreterm: born before 37 completed weeks of gestation (早产).
	ReasonPreterm HighRiskReason = "preterm"
	// ReasonLowBirthWeight: birth weight below 2500 g (低出生体重).
	ReasonLowBirthWeight HighRiskReason = "low_birth_weight"
	// ReasonMalnutrition: moderate or severe malnutrition, any indicator below M−2SD
	// (中重度营养不良).
	ReasonMalnutrition HighRiskReason = "malnutrition"
	// ReasonAnaemia: moderate or severe anaemia, Hb below 90 g/L (中重度贫血).
	ReasonAnaemia HighRiskReason = "anaemia"
	// ReasonRickets: active rickets (活动期佝偻病).
	ReasonRickets HighRiskReason = "rickets"
	// ReasonChronicDisease: congenital heart disease or another chronic disease.
	ReasonChronicDisease HighRiskReason = "chronic_disease"
	// ReasonObesity: obesity.
	ReasonObesity HighRiskReason = "obesity"
	// ReasonRecurrentInfection: recurrent infections (反复感染).
	ReasonRecurrentInfection HighRiskReason = "recurrent_infection"
)

// The thresholds of the criteria (growth.md §6, UNCONFIRMED in reference; implemented as
// given).
const (
	// PretermWeeks: born before this many completed weeks is preterm.
	PretermWeeks = 37
	// LowBirthWeightG: a birth weight below this many grams is low.
	LowBirthWeightG = 2500
	// HighRiskHbGL: a haemoglobin below this (g/L) is moderate or severe anaemia.
	HighRiskHbGL = 90.0
)

// HighRiskInput is what the criteria look at.
type HighRiskInput struct {
	// GestationWeeks is the gestational age at birth in completed weeks; 0 = unknown.
	GestationWeeks int
	// BirthWeightG is the birth weight in grams; 0 = unknown.
	BirthWeightG int
	// Nutrition is the latest nutritional classification.
	Nutrition Nutrition
	// HbGL is the latest haemoglobin (g/L); 0 = not tested.
	HbGL float64
	// ActiveRickets, ChronicDisease and RecurrentInfections are clinical findings.
	ActiveRickets, ChronicDisease, RecurrentInfections bool
}

// HighRisk is the result of [AssessHighRisk]: the reasons and the management they need.
type HighRisk struct {
	// Reasons lists the criteria met, in the order of the constants above.
	Reasons []HighRiskReason
	// Refer: refer at once to the county level or above (severe malnutrition, growth.md
	// §4.3 [S26]).
	Refer bool
	// FollowUpMonths is the interval of the special-management follow-ups: monthly under
	// 3 years, every 3 months from 3 years (growth.md §4.3 [S26], given there for
	// malnutrition and applied here to every reason; UNCONFIRMED as national text). 0 when
	// the child is not high-risk.
	FollowUpMonths int
}

// Is reports whether the child meets any criterion.
func (h HighRisk) Is() bool { return len(h.Reasons) > 0 }

// Has reports whether reason r is among the reasons.
func (h HighRisk) Has(r HighRiskReason) bool {
	for _, x := range h.Reasons {
		if x == r {
			return true
		}
	}
	return false
}

// AssessHighRisk applies the 体弱儿 criteria to a child of ageMonths completed months.
func AssessHighRisk(in HighRiskInput, ageMonths int) HighRisk {
	var h HighRisk
	add := func(ok bool, r HighRiskReason) {
		if ok {
			h.Reasons = append(h.Reasons, r)
		}
	}
	add(in.GestationWeeks > 0 && in.GestationWeeks < PretermWeeks, ReasonPreterm)
	add(in.BirthWeightG > 0 && in.BirthWeightG < LowBirthWeightG, ReasonLowBirthWeight)
	add(in.Nutrition.Malnourished(), ReasonMalnutrition)
	add(in.HbGL > 0 && in.HbGL < HighRiskHbGL, ReasonAnaemia)
	add(in.ActiveRickets, ReasonRickets)
	add(in.ChronicDisease, ReasonChronicDisease)
	add(in.Nutrition.Obese, ReasonObesity)
	add(in.RecurrentInfections, ReasonRecurrentInfection)
	h.Refer = in.Nutrition.Worst() == Severe
	if h.Is() {
		h.FollowUpMonths = 3
		if ageMonths < 36 {
			h.FollowUpMonths = 1
		}
	}
	return h
}

// CaseStep is what the special management of a malnourished child does next.
type CaseStep uint8

// The steps (growth.md §4.3 [S26], a local implementation of the 2012 norm; UNCONFIRMED
// as national text, implemented as given).
const (
	// Continue: keep following up at the interval.
	Continue CaseStep = iota
	// ReferNow: refer (severe malnutrition at once; moderate not normal after 3
	// follow-ups).
	ReferNow
	// CloseCase: close the case (结案) after 3 normal follow-ups in a row.
	CloseCase
)

// CaseFollowUps is how many follow-ups the case rules count (growth.md §4.3 [S26]).
const CaseFollowUps = 3

// NextCaseStep decides the next step of a malnutrition case from the grades found at its
// follow-ups, oldest first: refer at once when the latest is severe; close when the last
// 3 were all normal; refer when the last 3 were all still malnourished; else continue.
func NextCaseStep(grades []Severity) CaseStep {
	n := len(grades)
	if n == 0 {
		return Continue
	}
	if grades[n-1] == Severe {
		return ReferNow
	}
	if n < CaseFollowUps {
		return Continue
	}
	normal, abnormal := 0, 0
	for _, g := range grades[n-CaseFollowUps:] {
		if g == SeverityNone {
			normal++
		} else {
			abnormal++
		}
	}
	switch {
	case normal == CaseFollowUps:
		return CloseCase
	case abnormal == CaseFollowUps:
		return ReferNow
	}
	return Continue
}
