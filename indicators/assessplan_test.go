package indicators

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei/immunization"
)

// TestAssessmentPlan: the plan validates; every row says where its target comes from;
// the specification's master list (nbphs-spec §14) and the five rows the catalogue once
// left without data are in it; every single-vaccine row is named by its vaccine.
func TestAssessmentPlan(t *testing.T) {
	p := AssessmentPlan(2025, "410523001")
	require.NoError(t, p.Validate())
	codes := map[Code]bool{}
	kinds := map[SourceKind]int{}
	for _, r := range p.Rows {
		codes[r.Code] = true
		assert.NotEqual(t, SourceUnstated, r.Source.Kind, "%s", r.Code)
		assert.NotEmpty(t, r.Source.Ref, "%s", r.Code)
		kinds[r.Source.Kind]++
		ind, ok := Lookup(r.Code)
		require.True(t, ok, "%s", r.Code)
		assert.True(t, ind.Implemented, "%s is computed", r.Code)
	}
	for _, c := range []Code{
		"record.coverage", "record.electronic", "record.usage", "imm.certificate", "child.newborn_visit",
		"child.health_management", "maternal.early_booking", "maternal.postpartum_visit", "elderly.management",
		"ht.standard_management", "ht.bp_control", "dm.standard_management", "dm.glucose_control",
		"smi.standard_management", "tb.management", "tb.regular_medication", "tcm.elderly", "tcm.child",
		"inf.report", "inf.report_timely", "inf.emergency_report", "sup.info_report",
		"imm.full_series", "imm.school_entry_check", "maternal.prenatal_screening", "smi.management", "tb.referral",
		"ht.management", "dm.management", "record.contract", "referral.followup", "tb.suspect_attendance",
		"record.key_contract", "record.key_coverage", "village.supervision", "village.training_pass",
		"village.share", "village.division",
		"wh.cancer_screening", "wh.cancer_referral", "wh.report_timely", "edu.literacy",
		"imm.card", "imm.aefi_handled", "imm.aefi_timely",
		"maternal.prepregnancy_check", "maternal.folic_acid", "maternal.pmtct_intervention", "maternal.delivery_subsidy", "wh.premarital_check",
		"edu.awareness/basic_knowledge", "edu.awareness/hypertension", "edu.awareness/maternal_infant", "edu.awareness/aids",
	} {
		assert.True(t, codes[c], "%s in the plan", c)
	}
	// The national assessment set (65 rows), the referral register's 2 rows, the key
	// populations' 2, the village clinics' 2, the women's health projects' 3 and health
	// literacy's 1, the vaccination clinic's 3 (建卡率 from the plans' 建卡发证率, the AEFI
	// rows as examples), the pregnancy's projects' 4 (3 plan targets, 1 example), the
	// awareness topics' 4 (plan targets), 婚检率 1 (plan target) and the village clinics'
	// share of the work 2 (examples).
	assert.Equal(t, 65+2+2+2+3+1+3+4+4+1+2, len(p.Rows))
	assert.Equal(t, map[SourceKind]int{SourceNational: 14 + 1 + 1, SourcePlan: 44 + 1 + 1 + 1 + 1 + 3 + 4 + 1, SourceExample: 7 + 2 + 1 + 2 + 2 + 1 + 2}, kinds)
	for _, m := range immunization.Milestones {
		c := codeImmCoverage.With(m.Name)
		require.True(t, codes[c], "%s", c)
		ind, _ := Lookup(c)
		name := ind.LabelOf(c, language.SimplifiedChinese)
		assert.True(t, strings.HasSuffix(name, "接种率") && !strings.ContainsAny(name, "abcdefghijklmnopqrstuvwxyz"), "%s: %s", c, name)
	}
	assert.Equal(t, "卡介苗接种率", mustLookup(t, codeImmCoverage.With("BCG")).LabelOf(codeImmCoverage.With("BCG"), language.SimplifiedChinese))
	assert.Equal(t, "示例值", SourceExample.Label(language.SimplifiedChinese))
	assert.Equal(t, "local plan", SourcePlan.Label(language.English))
}

func mustLookup(t *testing.T, c Code) *Indicator {
	t.Helper()
	ind, ok := Lookup(c)
	require.True(t, ok, "%s", c)
	return ind
}

// TestWorkSummary writes the summary of the small evaluation in the three languages:
// four sections; the missed target with how far the numerator must rise (80 of 100
// against ≥90: 10 more); the row without data; numerals 一、二 in Chinese.
func TestWorkSummary(t *testing.T) {
	ev := smallEvaluation(t)
	a, err := AssessAreas(ev, ExampleAreaScheme())
	require.NoError(t, err)
	in := WorkSummaryInput{Place: "示范镇", Villages: 2, Population: 100, Households: 30, Eval: ev, Assessment: a}
	want := map[language.Tag][]string{
		language.SimplifiedChinese: {
			"一、基本情况\n示范镇辖2个行政村，常住人口100人、30户。截至年底，卫生院和村卫生室按国家基本公共卫生服务规范（第三版）开展3类服务，考核指标4项，达标1项、未达标2项、无数据1项。考核得分92.22分（满分100分）。",
			"（一）居民健康档案管理。截至年底，共建立居民健康档案80人，健康档案建档率80.0%（目标≥90%，未达标）",
			"三、存在问题\n一是居民健康档案管理未达目标：健康档案建档率80.0%（目标≥90%）；二是卫生计生监督协管未达目标：卫生监督协管覆盖率90.0%（目标≥100%）；三是入托入学预防接种证查验率无数据，未计分。",
			"四、下一步打算\n一是居民健康档案管理：健康档案建档率提高到≥90%（现为80.0%，按现有分母需再增加10）；二是卫生计生监督协管：卫生监督协管覆盖率提高到≥100%（现为90.0%，按现有分母需再增加2）；三是完善入托入学预防接种证查验率的登记和报告，做到有据可查。",
		},
		language.TraditionalChinese: {"一、基本情況", "三、存在問題\n一是居民健康檔案管理未達目標：健康檔案建檔率80.0%（目標≥90%）"},
		language.English: {
			"1. Overview\n示范镇 has 2 villages with 100 residents in 30 households. By the end of December,",
			"(1) Resident health records. By the end of December, 80 residents have a health record",
			"4. Next steps\nResident health records: raise health record coverage to ≥90% (now 80.0%: 10 more at the present denominator)",
		},
	}
	for tag, parts := range want {
		var b bytes.Buffer
		require.NoError(t, NewWorkSummary(in, tag).WriteText(&b))
		for _, p := range parts {
			assert.Contains(t, b.String(), p, "%s", tag)
		}
	}
	// Shortfalls: 80 of 100 against ≥90: 10; 18 of 20 against ≥100: 2; 88 of 97 against
	// ≥95 (92.15 < 95): 92.15 → 93 needs 5; 10 lectures against ≥12: 2; >12: 3.
	for _, c := range []struct {
		num, den int64
		scale    Scale
		target   Target
		want     int64
	}{
		{80, 100, Percent, AtLeast("90"), 10}, {18, 20, Percent, AtLeast("100"), 2},
		{88, 97, Percent, AtLeast("95"), 5}, {10, 0, Count, AtLeast("12"), 2}, {10, 0, Count, Above("12"), 3},
		{1, 3, Percent, Above("50"), 1},
	} {
		r := Result{Actual: Rate{Numerator: c.num, Denominator: c.den, Scale: c.scale}, Row: PlanRow{Target: c.target}}
		assert.Equal(t, c.want, shortfall(r), "%d/%d %v", c.num, c.den, c.target)
	}
	secs := NewWorkSummary(in, language.SimplifiedChinese).HTMLSections("工作总结")
	require.Len(t, secs, 5)
	assert.Equal(t, "work-summary-3", secs[3].ID)
	assert.Equal(t, "三、存在问题", secs[3].Heading)
	assert.Equal(t, []string{"一", "十", "十一", "二十", "二十一", "九十九", "100"}, []string{ordinal(0), ordinal(9), ordinal(10), ordinal(19), ordinal(20), ordinal(98), ordinal(99)})
}
