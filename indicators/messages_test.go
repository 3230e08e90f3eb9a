package indicators

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

var (
	zhHans = language.SimplifiedChinese
	zhHant = language.TraditionalChinese
	en     = language.English
)

// simplifiedOnly returns the characters that some message writes differently in zh-Hans
// and zh-Hant (at the same position of texts of the same length): the characters that
// have a traditional form of their own.
func simplifiedOnly(texts [][2]string) map[rune]bool {
	out := map[rune]bool{}
	for _, t := range texts {
		a, b := []rune(t[0]), []rune(t[1])
		if len(a) != len(b) {
			continue
		}
		for i := range a {
			if a[i] != b[i] {
				out[a[i]] = true
			}
		}
	}
	return out
}

// checkLanguages checks one text in the three languages: none empty, none the key
// itself, English not Chinese, and zh-Hant distinct from zh-Hans when zh-Hans writes a
// character with a traditional form of its own.
func checkLanguages(t *testing.T, what string, key string, hans, hant, eng string, simp map[rune]bool) {
	t.Helper()
	for _, x := range []struct{ lang, s string }{{"zh-Hans", hans}, {"zh-Hant", hant}, {"en", eng}} {
		if strings.TrimSpace(x.s) == "" {
			t.Errorf("%s %q: empty in %s", what, key, x.lang)
		}
		if x.s == key {
			t.Errorf("%s %q: %s is the key itself", what, key, x.lang)
		}
	}
	if hans == hant {
		for _, r := range hans {
			if simp[r] {
				t.Errorf("%s %q: zh-Hant %q repeats zh-Hans, though %q has a traditional form", what, key, hant, string(r))
				break
			}
		}
	}
}

// TestEveryMessageInEveryLanguage walks every key of the library's catalog (every
// package is linked into this test through the computations) and every label and
// summary phrase of the indicators, qualified rows included.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	ph, pt, pe := gongwei.NewPrinter(zhHans), gongwei.NewPrinter(zhHant), gongwei.NewPrinter(en)
	keys := gongwei.MessageKeys()
	var pairs [][2]string
	for _, k := range keys {
		pairs = append(pairs, [2]string{ph.Sprintf(k), pt.Sprintf(k)})
	}
	simp := simplifiedOnly(pairs)
	if len(keys) < 500 || len(simp) < 100 {
		t.Fatalf("%d keys, %d simplified characters: the catalog is not the library's", len(keys), len(simp))
	}
	for _, k := range keys {
		checkLanguages(t, "message", k, ph.Sprintf(k), pt.Sprintf(k), pe.Sprintf(k), simp)
	}
	for _, ind := range National().All() {
		checkLanguages(t, "label", string(ind.Code), ind.Label(zhHans), ind.Label(zhHant), ind.Label(en), simp)
		if ind.Did.Zh != "" {
			checkLanguages(t, "summary phrase", string(ind.Code), ind.didPhrase(zhHans, 7), ind.didPhrase(zhHant, 7), ind.didPhrase(en, 7), simp)
		}
	}
	cov, _ := Lookup(codeImmCoverage)
	for _, m := range immunization.Milestones {
		code := codeImmCoverage.With(m.Name)
		checkLanguages(t, "label", string(code), cov.LabelOf(code, zhHans), cov.LabelOf(code, zhHant), cov.LabelOf(code, en), simp)
	}
}

// The rows of imm.coverage name their vaccine and dose in every language; before they
// read 某种疫苗接种率 ("coverage of some vaccine").
func TestCoverageRowsNameTheVaccine(t *testing.T) {
	cov, _ := Lookup(codeImmCoverage)
	tests := []struct {
		code            Code
		hans, hant, eng string
	}{
		{"imm.coverage/HepB3", "乙肝疫苗第3剂接种率", "乙肝疫苗第3劑接種率", "HepB dose 3 coverage"},
		{"imm.coverage/BCG", "卡介苗接种率", "卡介苗接種率", "BCG coverage"},
		{"imm.coverage/MMR1", "含麻疹成分疫苗第1剂接种率", "含麻疹成分疫苗第1劑接種率", "measles-containing vaccine dose 1 coverage"},
		{"imm.coverage/Polio4", "脊灰疫苗第4剂接种率", "脊灰疫苗第4劑接種率", "polio dose 4 coverage"},
		// A qualifier that is no milestone keeps the family's name and the qualifier.
		{"imm.coverage/X", "某种疫苗接种率（X）", "某種疫苗接種率（X）", "Single-vaccine coverage（X）"},
		{"imm.coverage", "某种疫苗接种率", "某種疫苗接種率", "Single-vaccine coverage"},
	}
	for _, tt := range tests {
		for _, x := range []struct {
			tag  language.Tag
			want string
		}{{zhHans, tt.hans}, {zhHant, tt.hant}, {en, tt.eng}} {
			if got := cov.LabelOf(tt.code, x.tag); got != x.want {
				t.Errorf("LabelOf(%s, %s) = %q, want %q", tt.code, x.tag, got, x.want)
			}
		}
	}
	// Other families keep the qualifier in brackets, as before.
	inf, _ := Lookup("maternal.infection_testing")
	if got, want := inf.LabelOf("maternal.infection_testing/hiv", zhHans), inf.Label(zhHans)+"（hiv）"; got != want {
		t.Errorf("LabelOf(maternal.infection_testing/hiv) = %q, want %q", got, want)
	}
}

// A host's own indicator (not in the library's catalog) is labelled and summarised from
// its fields, as before.
func TestHostIndicatorTexts(t *testing.T) {
	ind := Indicator{Code: "local.visits", Name: Names{"家访次数", "家訪次數", "Home visits"},
		Did: Text{"家访%v次", "%v home visits"}, DidZhHant: "家訪%v次"}
	for _, x := range []struct {
		tag        language.Tag
		label, did string
	}{{zhHans, "家访次数", "家访12次"}, {zhHant, "家訪次數", "家訪12次"}, {en, "Home visits", "12 home visits"}} {
		if got := ind.Label(x.tag); got != x.label {
			t.Errorf("Label(%s) = %q, want %q", x.tag, got, x.label)
		}
		if got := ind.didPhrase(x.tag, 12); got != x.did {
			t.Errorf("didPhrase(%s) = %q, want %q", x.tag, got, x.did)
		}
	}
	// A national entry is read from the catalog, counts written without grouping.
	rc, _ := Lookup("record.coverage")
	if got := rc.didPhrase(zhHant, 2593); got != "建立居民健康檔案2593人" {
		t.Errorf("record.coverage zh-Hant phrase = %q", got)
	}
}

// The summary and the report name the vaccine of a coverage row in every language.
func TestCoverageRowsInSummaryAndReport(t *testing.T) {
	p := ExamplePlan(2024, township)
	p.Rows = []PlanRow{
		{Code: "imm.coverage/HepB3", Unit: township, Target: AtLeast("90")},
		{Code: "imm.coverage/MMR1", Unit: township, Target: AtLeast("90")},
	}
	tl := NewTally(0)
	tl.Add("imm.coverage/HepB3", township, gongwei.Year(2024), 95, 100)
	tl.Add("imm.coverage/MMR1", township, gongwei.Year(2024), 88, 100)
	ev, err := Evaluate(p, tl, gongwei.MustParseDate("2024-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[language.Tag]string{
		zhHans: "截至年底，共实际接种95人，乙肝疫苗第3剂接种率95.0%（目标≥90%，达标），实际接种88人，含麻疹成分疫苗第1剂接种率88.0%（目标≥90%，未达标）。",
		zhHant: "截至年底，共實際接種95人，乙肝疫苗第3劑接種率95.0%（目標≥90%，達標），實際接種88人，含麻疹成分疫苗第1劑接種率88.0%（目標≥90%，未達標）。",
		en:     "By the end of December, 95 people vaccinated, HepB dose 3 coverage 95.0% (target ≥90%, met); 88 people vaccinated, measles-containing vaccine dose 1 coverage 88.0% (target ≥90%, not met).",
	}
	for tag, w := range want {
		s := Summarize(ev, tag)
		if len(s) != 1 || s[0].Text != w {
			t.Errorf("Summarize(%s) = %+v, want %q", tag, s, w)
		}
	}
	rep := NewReport(ev, zhHans)
	if got := rep.Groups[0].Rows[0].Indicator; got != "乙肝疫苗第3剂接种率" {
		t.Errorf("report row = %q, want 乙肝疫苗第3剂接种率", got)
	}
}
