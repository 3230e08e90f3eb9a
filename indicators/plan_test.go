package indicators

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

const township = Unit("110101001")

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		want Target
	}{
		{"≥90%", AtLeast("90")},
		{">= 95", AtLeast("95")},
		{"＞＝95％", AtLeast("95")}, // full-width, as typed through an IME
		{"<14/10万", Below("14")},
		{"<7‰", Below("7")},
		{"≤1‰", AtMost("1")},
		{"<=0.5", AtMost("0.5")},
		{">40%", Above("40")},
		{"≥12次", AtLeast("12")},
		{"", Target{}},
	}
	for _, tt := range tests {
		got, err := ParseTarget(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want.Op, got.Op, tt.in)
		assert.True(t, tt.want.Value.Equal(got.Value), tt.in)
	}
	for _, bad := range []string{"90", "≥", "≥-5", "≥abc", "=90", "≥1e3", "≥9 0"} {
		_, err := ParseTarget(bad)
		assert.ErrorIs(t, err, gongwei.ErrInvalid, bad)
	}
}

func TestTargetMet(t *testing.T) {
	// Boundaries as the plans write them: ≥90 includes 90.0; <14 excludes 14.0.
	assert.True(t, AtLeast("90").Met(dec("90.0")))
	assert.False(t, AtLeast("90").Met(dec("89.9")))
	assert.False(t, Below("14").Met(dec("14.0")))
	assert.True(t, Below("14").Met(dec("13.9")))
	assert.True(t, AtMost("1").Met(dec("1")))
	assert.False(t, Above("40").Met(dec("40")))
	assert.False(t, Target{}.Met(dec("1")))
	assert.Equal(t, "≥90%", AtLeast("90").Format(Percent, language.SimplifiedChinese))
	assert.Equal(t, "<14/10万", Below("14").Format(Per100k, language.SimplifiedChinese))
	assert.Equal(t, "≥12", AtLeast("12").Format(Count, language.English))
	b, _ := Below("14").MarshalText()
	var back Target
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, "<14", back.String())
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"≥90%", "<14/10万", "≤1‰", ">=12次", "＜７‰", "≥", "≥0.001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseTarget(s)
		if err != nil {
			if len(s) >= 4 && strings.Contains(err.Error(), s) {
				t.Fatal("error echoes its input")
			}
			return
		}
		if tg.IsZero() {
			return
		}
		if !tg.IsValid() {
			t.Fatalf("parsed invalid target %v", tg)
		}
		back, err := ParseTarget(tg.String())
		if err != nil || back.Op != tg.Op || !back.Value.Equal(tg.Value) {
			t.Fatalf("round trip %q → %q: %v", tg, back, err)
		}
	})
}

func TestExamplePlanValidates(t *testing.T) {
	p := ExamplePlan(2024, township)
	require.NoError(t, p.Validate())
	// Milestones (plan-targets.md): 30% by the end of June, 80% by the end of September,
	// 100% by 10 December.
	for _, tt := range []struct {
		date string
		want string
	}{
		{"2024-03-31", "0"}, {"2024-06-29", "0"}, {"2024-06-30", "0.3"}, {"2024-09-29", "0.3"},
		{"2024-09-30", "0.8"}, {"2024-10-31", "0.8"}, {"2024-12-10", "1"}, {"2024-12-31", "1"},
	} {
		assert.True(t, p.Due(gongwei.MustParseDate(tt.date)).Equal(dec(tt.want)), tt.date)
	}
	n, ok, err := p.EstimatedDenominator("ht.management", 10000)
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, int64(1598), n) // 10000 × 0.85 × 0.188 = 1598
	_, ok, _ = p.EstimatedDenominator("record.coverage", 10000)
	assert.False(t, ok)
}

func TestPlanValidateReportsEverything(t *testing.T) {
	p := &Plan{
		Period: gongwei.Year(2024),
		Rows: []PlanRow{
			{Code: "no.such", Unit: township, Target: AtLeast("90")},
			{Code: "record.coverage", Unit: township, Target: Target{}},
			{Code: "record.coverage", Unit: township, Target: AtLeast("90")},
		},
		Milestones: []Milestone{
			{By: gongwei.MustDate(2024, time.September, 30), Share: dec("0.8")},
			{By: gongwei.MustDate(2024, time.June, 30), Share: dec("0.3")},
			{By: gongwei.MustDate(2025, time.January, 5), Share: dec("1.5")},
		},
		Estimates: map[Code]Estimate{"ht.management": {Prevalence: dec("2")}},
	}
	err := p.Validate()
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
	assert.True(t, ve.Has("Rows[0].Code", CodeUnknownIndicator))
	assert.True(t, ve.Has("Rows[1].Target", gongwei.CodeFormat))
	assert.True(t, ve.Has("Rows[2]", gongwei.CodeDuplicate))
	assert.True(t, ve.Has("Milestones[1]", CodeMilestoneOrder))
	assert.True(t, ve.Has("Milestones[2].Share", gongwei.CodeOutOfRange))
	assert.True(t, ve.Has("Milestones[2].By", gongwei.CodeOutOfRange))
	assert.True(t, ve.Has("Estimates[ht.management]", gongwei.CodeOutOfRange))
	assert.Equal(t, 7, ve.Len())
	assert.True(t, ve.Has("Period", gongwei.CodeRequired) == false)
	assert.Error(t, (&Plan{}).Validate())
}

// sampleTally is a township's year to the end of October 2024 (figures invented for the
// test, arithmetic in the comments of TestEvaluate).
func sampleTally() *Tally {
	tl := NewTally(0)
	p := gongwei.Year(2024)
	tl.Add("record.coverage", township, p, 2593, 2850)
	tl.Add("record.electronic", township, p, 2360, 2850)
	tl.Add("edu.lectures", township, p, 10, 0)
	tl.Add("maternal.mortality", township, p, 1, 5000)
	tl.Add("child.u5_mortality", township, p, 3, 500)
	tl.Add("elderly.management", township, p, 8996, 10000)
	tl.Add("ht.management", township, p, 400, 1598)
	tl.Add("imm.five_vaccines", township, p, 0, 0) // a cell with a zero denominator
	return tl
}

func samplePlan() *Plan {
	p := ExamplePlan(2024, township)
	p.Name = "某乡镇卫生院2024年基本公共卫生服务工作计划"
	keep := map[Code]bool{
		"record.coverage": true, "record.electronic": true, "edu.lectures": true, "maternal.mortality": true,
		"child.u5_mortality": true, "elderly.management": true, "ht.management": true, "imm.five_vaccines": true,
		"dm.glucose_control": true,
	}
	var rows []PlanRow
	for _, r := range p.Rows {
		if keep[r.Code] {
			rows = append(rows, r)
		}
	}
	p.Rows = rows
	return p
}

func TestEvaluate(t *testing.T) {
	ev, err := Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-10-31"))
	require.NoError(t, err)
	got := map[Code]Result{}
	for _, r := range ev.Results {
		got[r.Row.Code] = r
	}
	tests := []struct {
		code     Code
		value    string
		hasData  bool
		status   Status
		achieved string
		progress Progress
	}{
		// 2593 × 100 ÷ 2850 = 90.98…% → 91.0 ≥ 50: met; 91.0 ÷ 50 = 1.82 ≥ 0.8 due.
		{"record.coverage", "91.0", true, StatusMet, "1.82", ProgressOnTrack},
		// 2360 × 100 ÷ 2850 = 82.80…% → 82.8 < 90: not met; 82.8 ÷ 90 = 0.92 ≥ 0.8.
		{"record.electronic", "82.8", true, StatusNotMet, "0.92", ProgressOnTrack},
		// 10 lectures < 12: not met; 10 ÷ 12 = 0.83333… → 0.8333 ≥ 0.8.
		{"edu.lectures", "10", true, StatusNotMet, "0.8333", ProgressOnTrack},
		// 1 × 100000 ÷ 5000 = 20.0/10万, not < 14; a ceiling: milestones do not apply.
		{"maternal.mortality", "20.0", true, StatusNotMet, "0", ProgressNotApplicable},
		// 3 × 1000 ÷ 500 = 6.0‰ < 7: met.
		{"child.u5_mortality", "6.0", true, StatusMet, "0", ProgressNotApplicable},
		// 8996 × 100 ÷ 10000 = 89.96% → 90.0 (as reported) ≥ 80: met; 90 ÷ 80 = 1.125.
		{"elderly.management", "90.0", true, StatusMet, "1.125", ProgressOnTrack},
		// 400 × 100 ÷ 1598 = 25.03…% → 25.0 < 30; 25 ÷ 30 = 0.8333 ≥ 0.8.
		{"ht.management", "25.0", true, StatusNotMet, "0.8333", ProgressOnTrack},
		// A zero denominator: no data, and behind the milestone.
		{"imm.five_vaccines", "0", false, StatusNoData, "0", ProgressBehind},
		// No cell at all: no data.
		{"dm.glucose_control", "0", false, StatusNoData, "0", ProgressBehind},
	}
	for _, tt := range tests {
		r, ok := got[tt.code]
		require.True(t, ok, tt.code)
		assert.True(t, r.Value.Equal(dec(tt.value)), "%s value %s", tt.code, r.Value)
		assert.Equal(t, tt.hasData, r.HasData, tt.code)
		assert.Equal(t, tt.status, r.Status, tt.code)
		assert.True(t, r.Achieved.Equal(dec(tt.achieved)), "%s achieved %s", tt.code, r.Achieved)
		assert.Equal(t, tt.progress, r.Progress, tt.code)
		assert.True(t, r.Due.Equal(dec("0.8")))
	}
	// Results are grouped by service in nbphs-spec order.
	var services []Service
	for _, g := range ev.ByService() {
		services = append(services, g.Service)
	}
	assert.Equal(t, []Service{ServiceRecords, ServiceEducation, ServiceImmunization, ServiceChild, ServiceMaternal,
		ServiceElderly, ServiceHypertension, ServiceDiabetes}, services)

	// In June, before the first milestone falls due on the 30th, nothing is due.
	ev, err = Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-06-29"))
	require.NoError(t, err)
	assert.Equal(t, ProgressNotDue, ev.Results[0].Progress)

	_, err = Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2023-12-31"))
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
	_, err = Evaluate(&Plan{}, nil, gongwei.MustParseDate("2024-12-31"))
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
	ev, err = Evaluate(samplePlan(), nil, gongwei.MustParseDate("2024-12-31"))
	require.NoError(t, err)
	assert.Equal(t, StatusNoData, ev.Results[0].Status)
}

func TestStatusAndProgressLabels(t *testing.T) {
	assert.Equal(t, "达标", StatusMet.Label(language.SimplifiedChinese))
	assert.Equal(t, "未達標", StatusNotMet.Label(language.TraditionalChinese))
	assert.Equal(t, "no data", StatusNoData.Label(language.English))
	assert.Equal(t, "无数据", StatusNoData.Label(language.Make("fr")))
	assert.Equal(t, "按进度", ProgressOnTrack.Label(language.SimplifiedChinese))
	assert.Equal(t, "behind", ProgressBehind.Label(language.English))
	assert.Equal(t, "met", StatusMet.String())
	assert.Equal(t, "on_track", ProgressOnTrack.String())
	assert.Equal(t, "Status(9)", Status(9).String())
}
