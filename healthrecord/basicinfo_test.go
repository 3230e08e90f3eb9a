package healthrecord_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// TestBasicInfoValidateFor checks the form rules of data-standards §3.1: closed code
// sets, multi-select with 无 alone, 其他 named, diagnosis and event dates between birth
// and the form date.
func TestBasicInfoValidateFor(t *testing.T) {
	birth := gongwei.MustDate(1960, 5, 1)
	form := gongwei.MustDate(2024, 3, 1)
	tests := []struct {
		name   string
		mutate func(b *healthrecord.BasicInfo)
		want   []string
	}{
		{"fixture form is valid", func(b *healthrecord.BasicInfo) {}, nil},
		{"unknown single codes", func(b *healthrecord.BasicInfo) {
			b.Residence, b.Ethnicity, b.ABO, b.Rh = "3", "99", "6", "4"
			b.Education, b.Occupation, b.Marital = "0", "9", "6"
			b.Living = healthrecord.LivingEnvironment{Kitchen: "5", Fuel: "7", Water: "7", Toilet: "6", Livestock: "5"}
		}, []string{"Residence unknown_code", "Ethnicity unknown_code", "ABO unknown_code", "Rh unknown_code",
			"Education unknown_code", "Occupation unknown_code", "Marital unknown_code", "Living.Kitchen unknown_code",
			"Living.Fuel unknown_code", "Living.Water unknown_code", "Living.Toilet unknown_code", "Living.Livestock unknown_code"}},
		{"无 with another drug allergy", func(b *healthrecord.BasicInfo) {
			b.DrugAllergies = []healthrecord.DrugAllergy{healthrecord.AllergyPenicillin, healthrecord.AllergyNone}
			b.DrugAllergyOther = ""
		}, []string{"DrugAllergies[1] not_allowed"}},
		{"无 alone is fine", func(b *healthrecord.BasicInfo) {
			b.DrugAllergies = []healthrecord.DrugAllergy{healthrecord.AllergyNone}
			b.DrugAllergyOther = ""
			b.Exposures = []healthrecord.Exposure{healthrecord.ExposureNone}
			b.Disabilities = []healthrecord.Disability{healthrecord.DisabilityNone}
			b.DisabilityOther = ""
			b.Illnesses = []healthrecord.PastIllness{{Disease: healthrecord.DiseaseNone}}
			b.Family = healthrecord.FamilyHistory{Father: []healthrecord.FamilyDisease{healthrecord.FamilyNone},
				Mother: []healthrecord.FamilyDisease{healthrecord.FamilyNone}, Siblings: []healthrecord.FamilyDisease{healthrecord.FamilyNone},
				Children: []healthrecord.FamilyDisease{healthrecord.FamilyNone}}
			b.Operations = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone}
			b.Hereditary = healthrecord.HereditaryHistory{Flag: healthrecord.HistoryNone}
		}, nil},
		{"无 combined in exposures, disabilities, illnesses, family", func(b *healthrecord.BasicInfo) {
			b.Exposures = []healthrecord.Exposure{healthrecord.ExposureNone, healthrecord.ExposureRadiation}
			b.Disabilities = []healthrecord.Disability{healthrecord.DisabilityVisual, healthrecord.DisabilityNone}
			b.DisabilityOther = ""
			b.Illnesses = append(b.Illnesses, healthrecord.PastIllness{Disease: healthrecord.DiseaseNone})
			b.Family.Mother = []healthrecord.FamilyDisease{healthrecord.FamilyNone, healthrecord.FamilyDiabetes}
		}, []string{"Exposures[0] not_allowed", "Disabilities[1] not_allowed", "Illnesses[2] not_allowed", "Family.Mother[0] not_allowed"}},
		{"duplicates and unknown in lists", func(b *healthrecord.BasicInfo) {
			b.Payments = []healthrecord.PaymentMethod{"1", "1", "9"}
			b.PaymentOther = ""
			b.Family.Father = []healthrecord.FamilyDisease{"13"}
		}, []string{"Payments[1] duplicate", "Payments[2] unknown_code", "Family.Father[0] unknown_code"}},
		{"其他 needs a name, a name needs 其他", func(b *healthrecord.BasicInfo) {
			b.DrugAllergyOther = ""
			b.PaymentOther = "  "
			b.Disabilities = []healthrecord.Disability{healthrecord.DisabilityHearing}
			b.Family.Children = []healthrecord.FamilyDisease{healthrecord.FamilyNone}
		}, []string{"DrugAllergyOther required", "PaymentOther required", "DisabilityOther not_allowed", "Family.Other not_allowed"}},
		{"past illness detail and date", func(b *healthrecord.BasicInfo) {
			b.Illnesses = []healthrecord.PastIllness{
				{Disease: healthrecord.DiseaseCancer},
				{Disease: healthrecord.DiseaseOccupational, Diagnosed: birth.AddYears(30)},
				{Disease: healthrecord.DiseaseDiabetes, Diagnosed: birth.AddDays(-1), Detail: "x"},
				{Disease: healthrecord.DiseaseStroke, Diagnosed: form.AddDays(1)},
			}
		}, []string{"Illnesses[0].Diagnosed required", "Illnesses[0].Detail required", "Illnesses[1].Detail required",
			"Illnesses[2].Diagnosed before_birth", "Illnesses[2].Detail not_allowed", "Illnesses[3].Diagnosed in_future"}},
		{"无 illness with a date", func(b *healthrecord.BasicInfo) {
			b.Illnesses = []healthrecord.PastIllness{{Disease: healthrecord.DiseaseNone, Diagnosed: birth, Detail: "x"}}
		}, []string{"Illnesses[0].Diagnosed not_allowed", "Illnesses[0].Detail not_allowed"}},
		{"procedures", func(b *healthrecord.BasicInfo) {
			b.Operations = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryPresent}
			b.Injuries = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryNone, Events: []healthrecord.HistoryEvent{{Name: "x", Date: birth}}}
			b.Transfusions = healthrecord.ProcedureHistory{Flag: healthrecord.HistoryPresent, Events: []healthrecord.HistoryEvent{
				{}, {Name: "失血", Date: birth.AddDays(-1)}, {Name: "失血", Date: form.AddDays(1)}}}
		}, []string{"Operations.Events required", "Injuries.Events not_allowed", "Transfusions.Events[0].Name required",
			"Transfusions.Events[0].Date required", "Transfusions.Events[1].Date before_birth", "Transfusions.Events[2].Date in_future"}},
		{"procedure flag", func(b *healthrecord.BasicInfo) { b.Operations.Flag = "3" }, []string{"Operations.Flag unknown_code"}},
		{"events without a flag", func(b *healthrecord.BasicInfo) { b.Operations.Flag = "" }, []string{"Operations.Events not_allowed"}},
		{"hereditary", func(b *healthrecord.BasicInfo) { b.Hereditary.Disease = "" }, []string{"Hereditary.Disease required"}},
		{"hereditary name without 有", func(b *healthrecord.BasicInfo) { b.Hereditary.Flag = healthrecord.HistoryNone }, []string{"Hereditary.Disease not_allowed"}},
		{"hereditary flag", func(b *healthrecord.BasicInfo) { b.Hereditary.Flag = "0" }, []string{"Hereditary.Flag unknown_code"}},
		{"living since in future", func(b *healthrecord.BasicInfo) { b.LivingSince = form.AddDays(1) }, []string{"LivingSince in_future"}},
		{"updated before birth", func(b *healthrecord.BasicInfo) { b.Updated = birth.AddDays(-1) }, []string{"Updated before_birth"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := recordtest.Resident(1).Info
			b.LivingSince = birth.AddYears(20)
			for i := range b.Illnesses {
				b.Illnesses[i].Diagnosed = birth.AddYears(40 + i)
			}
			for _, h := range []*healthrecord.ProcedureHistory{&b.Operations, &b.Injuries, &b.Transfusions} {
				for i := range h.Events {
					h.Events[i].Date = birth.AddYears(30)
				}
			}
			tt.mutate(&b)
			err := b.ValidateFor(birth, form)
			wantProblems(t, err, tt.want...)
			if len(tt.want) > 0 && len(problems(t, err)) != len(tt.want) {
				t.Errorf("got %v, want exactly %v", problems(t, err), tt.want)
			}
		})
	}
}

func TestBasicInfoZeroDatesSkipChecks(t *testing.T) {
	b := recordtest.Resident(1).Info
	if err := b.ValidateFor(gongwei.Date{}, gongwei.Date{}); err != nil {
		t.Errorf("zero dates: %v", err)
	}
	var empty healthrecord.BasicInfo
	if err := empty.ValidateFor(gongwei.MustDate(2000, 1, 1), gongwei.MustDate(2024, 1, 1)); err != nil {
		t.Errorf("empty form: %v", err)
	}
}
