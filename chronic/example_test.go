package chronic_test

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
)

// A hypertension patient aged 70 is at target below 150/90 (nbphs-spec §7.3); 152/88
// twice in a row is a referral, followed up within 2 weeks.
func ExampleClassifyHypertension() {
	p := chronic.Patient{Condition: chronic.Hypertension, Birth: gongwei.MustDate(1954, 3, 1)}
	first := chronic.HypertensionFollowUp{Date: gongwei.MustDate(2024, 3, 5), Mode: chronic.Clinic, Systolic: 148, Diastolic: 86}
	a := chronic.ClassifyHypertension(p, first, nil)
	fmt.Println(a.Class, a.Referral, a.NextDue)

	second := chronic.HypertensionFollowUp{Date: gongwei.MustDate(2024, 6, 5), Mode: chronic.Clinic, Systolic: 152, Diastolic: 88}
	a = chronic.ClassifyHypertension(p, second, []chronic.HypertensionFollowUp{first})
	fmt.Println(a.Class, a.Referral, a.NextDue)

	third := chronic.HypertensionFollowUp{Date: gongwei.MustDate(2024, 6, 19), Mode: chronic.Clinic, Systolic: 155, Diastolic: 88}
	a = chronic.ClassifyHypertension(p, third, []chronic.HypertensionFollowUp{first, second})
	fmt.Println(a.Class, a.Referral, a.NextDue)
	// Output:
	// 控制满意 false 2024-06-05
	// 控制不满意 false 2024-06-19
	// 控制不满意 true 2024-07-03
}

// Fasting glucose 16.7 mmol/L is an emergency (nbphs-spec §8.1).
func ExampleClassifyDiabetes() {
	p := chronic.Patient{Condition: chronic.Diabetes, Birth: gongwei.MustDate(1960, 1, 1)}
	a := chronic.ClassifyDiabetes(p, chronic.DiabetesFollowUp{Date: gongwei.MustDate(2024, 3, 5), FastingGlucose: 16.7}, nil)
	fmt.Println(a.Class, a.Urgent, a.NextDue)
	// Output: 紧急转诊 true 2024-03-19
}
