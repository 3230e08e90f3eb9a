package healthrecord

import (
	"math"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// PlausibleRange is the range of values a measured quantity can take on a living person
// or show on the instrument used, inclusive at both ends.
type PlausibleRange struct {
	// Quantity names the measured quantity, e.g. "systolic".
	Quantity string
	// Unit is the unit the checkup form records it in.
	Unit string
	// Min and Max are the inclusive limits.
	Min, Max float64
}

// Contains reports whether min <= x <= max.
func (r PlausibleRange) Contains(x float64) bool { return x >= r.Min && x <= r.Max }

// checkupRanges are the plausibility limits of every number on the checkup form
// (健康体检表, nbphs-spec §1.5) and its attached elderly assessments.
//
// These are plausibility limits: what a human body can show or an instrument can read,
// chosen generously so that no real reading is refused. They are NOT clinical thresholds
// (normal ranges, diagnostic cut-offs, referral criteria), which live with the rules that
// use them. A value outside its range is a data-entry error (gongwei.CodeOutOfRange with
// the min and max), not a finding. The limits are the library's own choice; the national
// specification gives none.
var checkupRanges = []PlausibleRange{
	{Quantity: "temperature", Unit: "°C", Min: 30, Max: 45},
	{Quantity: "pulse", Unit: "/min", Min: 20, Max: 250},
	{Quantity: "respiration", Unit: "/min", Min: 4, Max: 80},
	{Quantity: "systolic", Unit: "mmHg", Min: 40, Max: 300},
	{Quantity: "diastolic", Unit: "mmHg", Min: 20, Max: 200},
	{Quantity: "height", Unit: "cm", Min: 30, Max: 250},
	{Quantity: "weight", Unit: "kg", Min: 2, Max: 350},
	{Quantity: "waist", Unit: "cm", Min: 30, Max: 250},
	{Quantity: "mmse", Unit: "points", Min: 0, Max: 30},       // MMSE total
	{Quantity: "depression", Unit: "points", Min: 0, Max: 30}, // geriatric depression scale (30 items)
	{Quantity: "exercise_minutes", Unit: "min", Min: 1, Max: 1440},
	{Quantity: "years", Unit: "a", Min: 0, Max: 120}, // years of a habit or an occupation
	{Quantity: "cigarettes", Unit: "/d", Min: 1, Max: 200},
	{Quantity: "age", Unit: "a", Min: 1, Max: 130}, // start and quit ages
	{Quantity: "liang", Unit: "liang/d", Min: 0, Max: 50},
	{Quantity: "vision", Unit: "decimal", Min: 0, Max: 2.0},
	{Quantity: "haemoglobin", Unit: "g/L", Min: 20, Max: 250},
	{Quantity: "wbc", Unit: "10^9/L", Min: 0.1, Max: 500},
	{Quantity: "platelets", Unit: "10^9/L", Min: 1, Max: 2000},
	{Quantity: "glucose", Unit: "mmol/L", Min: 0.5, Max: 60},
	{Quantity: "microalbumin", Unit: "mg/dL", Min: 0, Max: 500},
	{Quantity: "hba1c", Unit: "%", Min: 3, Max: 20},
	{Quantity: "alt", Unit: "U/L", Min: 0, Max: 10000},
	{Quantity: "ast", Unit: "U/L", Min: 0, Max: 10000},
	{Quantity: "albumin", Unit: "g/L", Min: 5, Max: 70},
	{Quantity: "bilirubin", Unit: "µmol/L", Min: 0, Max: 1000},
	{Quantity: "creatinine", Unit: "µmol/L", Min: 10, Max: 3000},
	{Quantity: "urea", Unit: "mmol/L", Min: 0.5, Max: 100},
	{Quantity: "tc", Unit: "mmol/L", Min: 0.5, Max: 30},
	{Quantity: "tg", Unit: "mmol/L", Min: 0.1, Max: 100},
	{Quantity: "ldl", Unit: "mmol/L", Min: 0.1, Max: 20},
	{Quantity: "hdl", Unit: "mmol/L", Min: 0.1, Max: 6},
}

var checkupRangeIndex = func() map[string]PlausibleRange {
	m := make(map[string]PlausibleRange, len(checkupRanges))
	for _, r := range checkupRanges {
		m[r.Quantity] = r
	}
	return m
}()

// CheckupRanges returns a copy of the plausibility limits of the checkup form's numbers,
// for a host to show next to its input fields.
func CheckupRanges() []PlausibleRange { return append([]PlausibleRange(nil), checkupRanges...) }

// CheckupRange returns the plausibility limits of the named quantity.
func CheckupRange(quantity string) (PlausibleRange, bool) {
	r, ok := checkupRangeIndex[quantity]
	return r, ok
}

// measurement is one number of a checkup: where it is, which quantity it measures, and
// its value if recorded.
type measurement struct {
	field    string
	quantity string
	value    float64
	ok       bool
}

// measure returns the measurement of quantity at field, with the value *p when p is not
// nil (recorded).
func measure[T int | float64](field, quantity string, p *T) measurement {
	if p == nil {
		return measurement{field: field, quantity: quantity}
	}
	return measurement{field: field, quantity: quantity, value: float64(*p), ok: true}
}

// numMeasurements is the number of numbers on the form that measurements lists.
const numMeasurements = 43

// measurements lists every number of c with its quantity, in form order. It is the one
// map from field path to range quantity.
func (c *Checkup) measurements() [numMeasurements]measurement {
	g, l, t := &c.General, &c.Lifestyle, &c.Tests
	m := [numMeasurements]measurement{
		measure("General.Temperature", "temperature", g.Temperature),
		measure("General.Pulse", "pulse", g.Pulse),
		measure("General.Respiration", "respiration", g.Respiration),
		measure("General.BPLeft.Systolic", "systolic", g.BPLeft.Systolic),
		measure("General.BPLeft.Diastolic", "diastolic", g.BPLeft.Diastolic),
		measure("General.BPRight.Systolic", "systolic", g.BPRight.Systolic),
		measure("General.BPRight.Diastolic", "diastolic", g.BPRight.Diastolic),
		measure("General.Height", "height", g.Height),
		measure("General.Weight", "weight", g.Weight),
		measure("General.Waist", "waist", g.Waist),
		measure("General.Cognitive.Score", "mmse", g.Cognitive.Score),
		measure("General.Mood.Score", "depression", g.Mood.Score),
		measure("Lifestyle.Exercise.MinutesPerSession", "exercise_minutes", l.Exercise.MinutesPerSession),
		measure("Lifestyle.Exercise.Years", "years", l.Exercise.Years),
		measure("Lifestyle.Smoking.PerDay", "cigarettes", l.Smoking.PerDay),
		measure("Lifestyle.Smoking.StartAge", "age", l.Smoking.StartAge),
		measure("Lifestyle.Smoking.QuitAge", "age", l.Smoking.QuitAge),
		measure("Lifestyle.Drinking.DailyLiang", "liang", l.Drinking.DailyLiang),
		measure("Lifestyle.Drinking.QuitAge", "age", l.Drinking.QuitAge),
		measure("Lifestyle.Drinking.StartAge", "age", l.Drinking.StartAge),
		measure("Lifestyle.Occupational.Years", "years", l.Occupational.Years),
		measure("Organs.VisionLeft", "vision", c.Organs.VisionLeft),
		measure("Organs.VisionRight", "vision", c.Organs.VisionRight),
		measure("Organs.CorrectedLeft", "vision", c.Organs.CorrectedLeft),
		measure("Organs.CorrectedRight", "vision", c.Organs.CorrectedRight),
		measure("Exam.HeartRate", "pulse", c.Exam.HeartRate),
		measure("Tests.BloodRoutine.Haemoglobin", "haemoglobin", t.BloodRoutine.Haemoglobin),
		measure("Tests.BloodRoutine.WBC", "wbc", t.BloodRoutine.WBC),
		measure("Tests.BloodRoutine.Platelets", "platelets", t.BloodRoutine.Platelets),
		measure("Tests.FastingGlucose", "glucose", t.FastingGlucose),
		measure("Tests.UrineMicroalbumin", "microalbumin", t.UrineMicroalbumin),
		measure("Tests.HbA1c", "hba1c", t.HbA1c),
		measure("Tests.Liver.ALT", "alt", t.Liver.ALT),
		measure("Tests.Liver.AST", "ast", t.Liver.AST),
		measure("Tests.Liver.Albumin", "albumin", t.Liver.Albumin),
		measure("Tests.Liver.TotalBilirubin", "bilirubin", t.Liver.TotalBilirubin),
		measure("Tests.Kidney.Creatinine", "creatinine", t.Kidney.Creatinine),
		measure("Tests.Kidney.Urea", "urea", t.Kidney.Urea),
		measure("Tests.Lipids.TC", "tc", t.Lipids.TC),
		measure("Tests.Lipids.TG", "tg", t.Lipids.TG),
		measure("Tests.Lipids.LDL", "ldl", t.Lipids.LDL),
		measure("Tests.Lipids.HDL", "hdl", t.Lipids.HDL),
		measure("Guidance.TargetWeight", "weight", c.Guidance.TargetWeight),
	}
	return m
}

// measurementRanges holds the range of each entry of measurements, in the same order,
// resolved once: validating a form then needs no lookup by name. It panics at start-up
// if measurements names a quantity the range table lacks.
var measurementRanges = func() (out [numMeasurements]PlausibleRange) {
	for i, m := range (&Checkup{}).measurements() {
		r, ok := checkupRangeIndex[m.quantity]
		if !ok {
			panic("healthrecord: no plausible range for " + m.quantity)
		}
		out[i] = r
	}
	if out[bpSystolicIndex].Quantity != "systolic" || out[bpDiastolicIndex].Quantity != "diastolic" {
		panic("healthrecord: the blood-pressure indexes do not name the blood pressure")
	}
	return out
}()

// checkRanges records CodeOutOfRange for every recorded number outside its range. NaN
// and infinities are out of every range.
func checkRanges(ve *gongwei.ValidationError, ms *[numMeasurements]measurement) {
	for i := range ms {
		m := &ms[i]
		if !m.ok {
			continue
		}
		r := &measurementRanges[i]
		if math.IsNaN(m.value) || !r.Contains(m.value) {
			ve.Add(m.field, gongwei.CodeOutOfRange, r.Min, r.Max)
		}
	}
}

// BMIDecimals is the number of decimals BMI is shown and compared with on the form: one,
// rounded half up (as Chinese statistical reporting rounds). RoundBMI applies it.
const BMIDecimals = 1

// BMI returns the body mass index in kg/m² (体质指数 = weight / height², nbphs-spec §1.5)
// for a weight in kg and a height in cm, unrounded. It returns 0 when either is not
// positive or not finite.
func BMI(weightKg, heightCm float64) float64 {
	if !(weightKg > 0) || !(heightCm > 0) || math.IsInf(weightKg, 0) || math.IsInf(heightCm, 0) {
		return 0
	}
	m := heightCm / 100
	return weightKg / (m * m)
}

// RoundBMI rounds a BMI to BMIDecimals decimals, half up, as it is written on the form.
// It is the one place the display rounding of BMI is defined. The rounding is done in
// decimal on the shortest decimal form of b, so 23.45 gives 23.5.
func RoundBMI(b float64) float64 {
	if math.IsNaN(b) || math.IsInf(b, 0) {
		return 0
	}
	// Fast path: away from a tie the float rounding is the decimal one; a value whose
	// scaled fraction is near .5 is settled in decimal.
	scale := math.Pow10(BMIDecimals)
	x := b * scale
	if frac := x - math.Floor(x); math.Abs(frac-0.5) > 1e-6 {
		return math.Round(x) / scale
	}
	f, _ := decimal.NewFromFloat(b).Round(BMIDecimals).Float64()
	return f
}

// BMI returns the checkup's BMI as written on the form (rounded by RoundBMI) and whether
// height and weight are both recorded and plausible.
func (c *Checkup) BMI() (float64, bool) {
	w, h := c.General.Weight, c.General.Height
	if w == nil || h == nil {
		return 0, false
	}
	wr, hr := checkupRangeIndex["weight"], checkupRangeIndex["height"]
	if !wr.Contains(*w) || !hr.Contains(*h) {
		return 0, false
	}
	return RoundBMI(BMI(*w, *h)), true
}

// CheckBloodPressure checks one blood-pressure reading (mmHg) of a form that writes 0 for
// "not recorded" (the follow-up and maternal forms), by the rule of the checkup form: the
// systolic and diastolic values within the checkup's plausibility ranges ("systolic",
// "diastolic" in CheckupRanges; CodeOutOfRange, so a reading with one value 0 is refused)
// and the diastolic below the systolic (CodeOrder on the diastolic). A reading of 0/0 is
// not recorded: CodeRequired on both when required, nothing otherwise. The fields are
// prefix+"Systolic" and prefix+"Diastolic". It is the one definition of a plausible
// blood pressure that every form uses.
func CheckBloodPressure(ve *gongwei.ValidationError, prefix string, systolic, diastolic int, required bool) {
	if systolic == 0 && diastolic == 0 {
		if required {
			ve.Add(prefix+"Systolic", gongwei.CodeRequired)
			ve.Add(prefix+"Diastolic", gongwei.CodeRequired)
		}
		return
	}
	sr, dr := &measurementRanges[bpSystolicIndex], &measurementRanges[bpDiastolicIndex]
	if !sr.Contains(float64(systolic)) {
		ve.Add(prefix+"Systolic", gongwei.CodeOutOfRange, sr.Min, sr.Max)
	}
	if !dr.Contains(float64(diastolic)) {
		ve.Add(prefix+"Diastolic", gongwei.CodeOutOfRange, dr.Min, dr.Max)
	}
	if diastolic >= systolic {
		ve.Add(prefix+"Diastolic", gongwei.CodeOrder)
	}
}

// bpSystolicIndex and bpDiastolicIndex are the places of the left-arm reading in
// measurements, whose ranges CheckBloodPressure applies.
const bpSystolicIndex, bpDiastolicIndex = 3, 4

// BirthWeightRange is the plausibility range of a birth weight in grams, the one range
// every record holding a birth weight uses (the child health record, the immunization
// registration). A plausibility limit of the library's own, not a clinical threshold
// (low birth weight and the HepB weight rule live with their rules).
var BirthWeightRange = PlausibleRange{Quantity: "birth_weight", Unit: "g", Min: 300, Max: 7000}
