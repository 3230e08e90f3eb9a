package healthrecord

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// TestCatalogComplete renders every key this part of the package registers in every
// language: a missing translation or an unregistered key shows as the key itself.
func TestCatalogComplete(t *testing.T) {
	prefixes := []string{"id.", "archive.", "resident.", "phone.", "basic."}
	n := 0
	for _, k := range gongwei.MessageKeys() {
		mine := false
		for _, p := range prefixes {
			mine = mine || strings.HasPrefix(k, p)
		}
		if !mine {
			continue
		}
		n++
		for _, tag := range gongwei.Languages {
			if got := gongwei.NewPrinter(tag).Sprintf(k); got == "" || got == k {
				t.Errorf("%s in %v renders %q", k, tag, got)
			}
		}
	}
	// 4 id + 3 archive + 5 phone + 3 resident codes + every table entry.
	want := 15
	for _, s := range biCodeSets {
		want += len(s.codes)
	}
	if n != want {
		t.Errorf("%d keys registered, want %d", n, want)
	}
}

// TestCodeTables checks sizes and sample labels of the tables against data-standards
// §3.1 and §3.3.
func TestCodeTables(t *testing.T) {
	zh, hant, en := language.SimplifiedChinese, language.TraditionalChinese, language.English
	sizes := []struct {
		name      string
		got, want int
	}{
		{"ResidenceTypes", len(ResidenceTypes()), 2},
		{"ABOBloodTypes", len(ABOBloodTypes()), 5},
		{"RhBloodTypes", len(RhBloodTypes()), 3},
		{"Educations", len(Educations()), 10},
		{"Occupations", len(Occupations()), 9},
		{"MaritalStatuses", len(MaritalStatuses()), 5},
		{"PaymentMethods", len(PaymentMethods()), 8},
		{"DrugAllergies", len(DrugAllergies()), 5},
		{"Exposures", len(Exposures()), 4},
		{"Diseases", len(Diseases()), 13},
		{"FamilyDiseases", len(FamilyDiseases()), 12},
		{"Disabilities", len(Disabilities()), 8},
		{"Ethnicities", len(Ethnicities()), 58}, // 56 groups + 97 + 98
		{"Relations", len(Relations()), 14},
	}
	for _, s := range sizes {
		if s.got != s.want {
			t.Errorf("%s has %d codes, want %d", s.name, s.got, s.want)
		}
	}
	labels := []struct{ got, want string }{
		{ResidenceNonRegistered.Label(zh), "非户籍"},
		{BloodAB.Label(zh), "AB型"},
		{BloodUnknown.Label(hant), "不詳"},
		{RhNegative.Label(zh), "阴性"},
		{RhPositive.Label(en), "Rh positive"},
		{EducationUnknown.Label(zh), "不详"},
		{EducationIlliterate.Label(zh), "文盲或半文盲"},
		{OccupationLeader.Label(zh), "国家机关、党群组织、企业、事业单位负责人"},
		{OccupationNone.Label(zh), "无职业"},
		{MaritalNotStated.Label(zh), "未说明的婚姻状况"},
		{PaymentNewRuralCoop.Label(zh), "新型农村合作医疗"},
		{AllergyStreptomycin.Label(zh), "链霉素"},
		{ExposureRadiation.Label(zh), "射线"},
		{DiseaseSevereMental.Label(zh), "严重精神障碍"},
		{DiseaseOccupational.Label(zh), "职业病"},
		{FamilyCongenital.Label(zh), "先天畸形"},
		{DisabilitySpeech.Label(zh), "言语残疾"},
		{KitchenChimney.Label(zh), "烟囱"},
		{FuelFirewood.Label(zh), "柴火"},
		{WaterPond.Label(zh), "塘水"},
		{ToiletCesspit.Label(zh), "一格或二格粪池式"},
		{LivestockSeparate.Label(zh), "单设"},
		{HistoryPresent.Label(zh), "有"},
		{Ethnicity("04").Label(zh), "藏族"},
		{Ethnicity("36").Label(zh), "毛南族"},
		{Ethnicity("46").Label(zh), "德昂族"},
		{Ethnicity("56").Label(zh), "基诺族"},
		{Ethnicity("98").Label(zh), "外国血统中国籍人士"},
		{Ethnicity("05").Label(hant), "維吾爾族"},
		{Ethnicity("05").Label(en), "Uyghur"},
		{RelationHead.Label(zh), "户主"},
		{Education("11").Label(zh), "代码不在代码表中"},
	}
	for _, l := range labels {
		if l.got != l.want {
			t.Errorf("label %q, want %q", l.got, l.want)
		}
	}
	// The zero value of each code set is "not recorded", never a code; Occupation's
	// code "0" is a real occupation, so the type is a string.
	if Occupation("").IsValid() || !OccupationLeader.IsValid() || Education("").IsValid() {
		t.Error("zero values must not be valid codes")
	}
	for _, c := range []string{"0", "11", "x"} {
		if Education(c).IsValid() || ABOBloodType(c).IsValid() {
			t.Errorf("%q accepted", c)
		}
	}
}

// TestDecodeRh2011 checks the inversion between the 2011 question "RH阴性: 1否 2是 3不详"
// and the 2017 codes 1 阴性 2 阳性 3 不详 (data-standards §3.1, §7.3).
func TestDecodeRh2011(t *testing.T) {
	tests := []struct {
		in   string
		want RhBloodType
	}{
		{"1", RhPositive}, // 否: not negative
		{"2", RhNegative}, // 是: negative
		{"3", RhUnknown},
		{"２", RhNegative},
	}
	for _, tt := range tests {
		got, err := DecodeRh2011(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("DecodeRh2011(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	if RhNegative != "1" || RhPositive != "2" {
		t.Error("2017 Rh codes changed")
	}
	for _, bad := range []string{"", "0", "4", "是"} {
		if _, err := DecodeRh2011(bad); !errors.Is(err, gongwei.ErrInvalid) {
			t.Errorf("DecodeRh2011(%q) err = %v", bad, err)
		}
	}
}

// TestMaritalGB checks the GB/T 2261.2 mapping of data-standards §3.2 both ways.
func TestMaritalGB(t *testing.T) {
	to := map[MaritalStatus]string{"1": "10", "2": "20", "3": "30", "4": "40", "5": "90"}
	for m, gb := range to {
		if m.GBCode() != gb {
			t.Errorf("%s.GBCode() = %q, want %q", m, m.GBCode(), gb)
		}
		back, err := MaritalStatusFromGB(gb)
		if err != nil || back != m {
			t.Errorf("MaritalStatusFromGB(%q) = %q, %v", gb, back, err)
		}
	}
	for _, gb := range []string{"21", "22", "23"} { // 初婚, 再婚, 复婚
		if m, err := MaritalStatusFromGB(gb); err != nil || m != MaritalMarried {
			t.Errorf("MaritalStatusFromGB(%q) = %q, %v; want 已婚", gb, m, err)
		}
	}
	if _, err := MaritalStatusFromGB("50"); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("50 err = %v", err)
	}
	if MaritalStatus("9").GBCode() != "" {
		t.Error("invalid status has a GB code")
	}
}

// TestParseEthnicity checks the legacy forms of data-standards §3.3.
func TestParseEthnicity(t *testing.T) {
	tests := []struct {
		in   string
		want Ethnicity
		form string
	}{
		{"01", "01", "01"},
		{"1", "01", "01"},
		{"汉族", "01", "01"},
		{"漢族", "01", "01"},
		{"04", "04", "99"},
		{"4", "04", "99"}, // leading zero dropped
		{"藏族", "04", "99"},
		{"藏", "04", "99"},
		{"彝族", "07", "99"},
		{"毛难族", "36", "99"}, // old name
		{"毛南族", "36", "99"},
		{"崩龙族", "46", "99"}, // old name
		{"德昂族", "46", "99"},
		{"维吾尔族", "05", "99"},
		{"維吾爾族", "05", "99"},
		{"５６", "56", "99"},
		{"97", "97", "99"},
		{"其他", "97", "99"},
		{"57", "97", "99"}, // legacy renumbering of 其他
		{"58", "98", "99"}, // legacy renumbering of 外国血统
		{"外国血统中国籍人士", "98", "99"},
	}
	for _, tt := range tests {
		got, err := ParseEthnicity(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseEthnicity(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			continue
		}
		if got.FormCode() != tt.form {
			t.Errorf("FormCode(%q) = %q, want %q", got, got.FormCode(), tt.form)
		}
	}
	for _, bad := range []string{"", "00", "57x", "59", "96", "99", "少数民族", "火星族", "100"} {
		if e, err := ParseEthnicity(bad); !errors.Is(err, ErrUnknownCode) {
			t.Errorf("ParseEthnicity(%q) = %q, %v; want ErrUnknownCode", bad, e, err)
		}
	}
	if Ethnicity("99").FormCode() != "" {
		t.Error("invalid code has a form code")
	}
}

// TestPermanentResident checks 常住居民 = 户籍, or 非户籍 living here 半年以上
// (nbphs-spec §0).
func TestPermanentResident(t *testing.T) {
	tests := []struct {
		t      ResidenceType
		months int
		want   bool
	}{
		{ResidenceRegistered, 0, true},
		{ResidenceRegistered, -1, true},
		{ResidenceNonRegistered, 5, false},
		{ResidenceNonRegistered, 6, true}, // 半年以上 includes half a year
		{ResidenceNonRegistered, 120, true},
		{ResidenceNonRegistered, -1, false},
		{"", 120, false},
		{"3", 120, false},
	}
	for _, tt := range tests {
		if got := IsPermanentResident(tt.t, tt.months); got != tt.want {
			t.Errorf("IsPermanentResident(%q, %d) = %v, want %v", tt.t, tt.months, got, tt.want)
		}
	}
	b := BasicInfo{Residence: ResidenceNonRegistered, LivingSince: gongwei.MustDate(2024, 1, 15)}
	if b.PermanentOn(gongwei.MustDate(2024, 7, 14)) {
		t.Error("5 months 29 days counted as half a year")
	}
	if !b.PermanentOn(gongwei.MustDate(2024, 7, 15)) {
		t.Error("6 months not counted")
	}
	if b.PermanentOn(gongwei.MustDate(2023, 7, 15)) {
		t.Error("before moving in counted")
	}
	b.LivingSince = gongwei.Date{}
	if b.PermanentOn(gongwei.MustDate(2030, 1, 1)) {
		t.Error("non-registered without LivingSince counted")
	}
	b.Residence = ResidenceRegistered
	if !b.PermanentOn(gongwei.MustDate(2030, 1, 1)) {
		t.Error("registered not counted")
	}
}

func TestParseRelation(t *testing.T) {
	for in, want := range map[string]Relation{"01": RelationHead, "02": RelationHead, "10": RelationSpouse, "52": RelationMother, "９９": RelationNonRelative} {
		if got, err := ParseRelation(in); err != nil || got != want {
			t.Errorf("ParseRelation(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRelation("03"); !errors.Is(err, ErrUnknownCode) {
		t.Errorf("03 err = %v", err)
	}
}
