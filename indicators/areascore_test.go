package indicators

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// smallEvaluation is a three-service plan on a small tally: records 80/100 against ≥90
// and 95/100 against ≥90; supervision 18/20 against ≥100; the school-entry check (≥95)
// without data.
func smallEvaluation(t *testing.T) *Evaluation {
	t.Helper()
	const u Unit = "410523001"
	y := gongwei.Year(2025)
	plan := &Plan{Period: y, Rows: []PlanRow{
		{Code: "record.coverage", Unit: u, Target: AtLeast("90")},
		{Code: "record.electronic", Unit: u, Target: AtLeast("90")},
		{Code: "imm.school_entry_check", Unit: u, Target: AtLeast("95")},
		{Code: "sup.coverage", Unit: u, Target: AtLeast("100")},
	}}
	tally := NewTally(0)
	tally.Add("record.coverage", u, y, 80, 100)
	tally.Add("record.electronic", u, y, 95, 100)
	tally.Add("sup.coverage", u, y, 18, 20)
	ev, err := Evaluate(plan, tally, y.Last())
	require.NoError(t, err)
	return ev
}

// TestAssessAreasByHand recomputes the score of smallEvaluation by hand under each
// no-data rule, with equal area weights:
//
//	records: 50 × (80 ÷ 90 = 0.8888888889) + 50 × 1 = 94.444444445 → 94.44
//	supervision: 100 × (90 ÷ 100) = 90
//	immunization: excluded / 0 / 100
//	exclude: (94.444444445 + 90) ÷ 2 = 92.2222222225 → 92.22
//	zero:    (94.444444445 + 0 + 90) ÷ 3 = 61.481481481… → 61.48
//	full:    (94.444444445 + 100 + 90) ÷ 3 = 94.814814815 → 94.81
func TestAssessAreasByHand(t *testing.T) {
	ev := smallEvaluation(t)
	s := ExampleAreaScheme()
	a, err := AssessAreas(ev, s)
	require.NoError(t, err)
	assert.Equal(t, "92.22", a.Score.StringFixed(2))
	assert.Equal(t, 1, a.Excluded)
	rec, ok := a.Area(ServiceRecords)
	require.True(t, ok)
	assert.Equal(t, "94.44", rec.Score.StringFixed(2))
	assert.Equal(t, "0.8888888889", rec.Rows[0].Credit.String())
	assert.Equal(t, "44.444444445", rec.Rows[0].Points.String())
	imm, _ := a.Area(ServiceImmunization)
	assert.False(t, imm.Scored)
	assert.True(t, imm.Rows[0].Excluded)
	sup, _ := a.Area(ServiceSupervision)
	assert.Equal(t, "90.00", sup.Score.StringFixed(2))

	for rule, want := range map[NoDataRule]string{NoDataZero: "61.48", NoDataFull: "94.81"} {
		s.NoData = rule
		a, err := AssessAreas(ev, s)
		require.NoError(t, err)
		assert.Equal(t, want, a.Score.StringFixed(2), "rule %d", rule)
		assert.Zero(t, a.Excluded)
	}

	// Weights: records 3, supervision 1: (94.444444445 × 3 + 90) ÷ 4 = 93.33333333375 → 93.33.
	s = ExampleAreaScheme()
	s.Weights[ServiceRecords] = decimal.NewFromInt(3)
	a, err = AssessAreas(ev, s)
	require.NoError(t, err)
	assert.Equal(t, "93.33", a.Score.StringFixed(2))

	s.Weights[ServiceRecords] = decimal.NewFromInt(-1)
	_, err = AssessAreas(ev, s)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
	s = ExampleAreaScheme()
	s.NoData = 7
	_, err = AssessAreas(ev, s)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}

// TestFundByHand recomputes the money: 99 yuan (2025) × 3,256 residents = 322,344.00, of
// which 1.25 × 3,256 = 4,070.00 for co-management and 318,274.00 for the rest.
func TestFundByHand(t *testing.T) {
	r, ok := ExampleFundingRule(2025)
	require.True(t, ok)
	assert.Equal(t, "99", r.PerCapita.Yuan.String())
	cases := []struct {
		name                        string
		population                  int64
		score, sup                  string
		coefficient, tier           string
		services, supervision, paid string
	}{
		// Score ≥ 85: the full services money; co-management ≥ 80: the full tier.
		{"full", 3256, "92.22", "90", "1", "1", "318274.00", "4070.00", "322344.00"},
		// 61.48 → coefficient 0.6148: 318,274 × 0.6148 = 195,674.8552 → 195,674.86;
		// co-management 70 → 70%: 2,849.00.
		{"scaled", 3256, "61.48", "70", "0.6148", "0.7", "195674.86", "2849.00", "198523.86"},
		// 7 residents: 693.00 = 8.75 + 684.25; 84.99 → 0.8499: 581.544075 → 581.54;
		// co-management 59.99 → 50%: 4.375 → 4.38 (half-up).
		{"half-up", 7, "84.99", "59.99", "0.8499", "0.5", "581.54", "4.38", "585.92"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Fund(r, c.population, decimal.RequireFromString(c.score), decimal.RequireFromString(c.sup))
			require.NoError(t, err)
			assert.Equal(t, c.coefficient, f.Coefficient.String())
			assert.Equal(t, c.tier, f.Tier.String())
			assert.Equal(t, c.services, f.ServicesPaid.StringFixed(2))
			assert.Equal(t, c.supervision, f.SupervisionPaid.StringFixed(2))
			assert.Equal(t, c.paid, f.Paid.StringFixed(2))
			assert.True(t, f.SupervisionTotal.Add(f.ServicesTotal).Equal(f.Total))
		})
	}
	_, err := Fund(FundingRule{}, 10, decimal.Zero, decimal.Zero)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}

// TestAllocateByWork: 100.00 yuan over two villages of 10 residents scoring 90 and 80:
// weights 90,000 and 80,000; 5,294 and 4,705 fen, the last fen to the larger remainder
// (150,000 against 20,000): 52.94 and 47.06.
func TestAllocateByWork(t *testing.T) {
	scores := []UnitScore{{Unit: "A", Score: decimal.NewFromInt(90)}, {Unit: "B", Score: decimal.NewFromInt(80)}}
	got, err := AllocateByWork(decimal.NewFromInt(100), scores, map[Unit]int64{"A": 10, "B": 10})
	require.NoError(t, err)
	assert.Equal(t, "52.94", got[0].Amount.StringFixed(2))
	assert.Equal(t, "47.06", got[1].Amount.StringFixed(2))
}

// TestVillageRates: two villages held to the small plan's records rows: village 1 meets
// both, village 2 only the electronic one; supervision has data in one village only.
// 以村达标率: record.coverage 1/2, record.electronic 2/2, sup.coverage 0/1, the school
// check 0/0.
func TestVillageRates(t *testing.T) {
	y := gongwei.Year(2025)
	base := smallEvaluation(t).Plan
	v1, v2 := Unit("410523001101"), Unit("410523001102")
	plan := UnitPlan(base, []Unit{v1, v2})
	require.Len(t, plan.Rows, 8)
	tally := NewTally(0)
	tally.Add("record.coverage", v1, y, 46, 50)
	tally.Add("record.electronic", v1, y, 46, 50)
	tally.Add("record.coverage", v2, y, 40, 50)
	tally.Add("record.electronic", v2, y, 45, 50)
	tally.Add("sup.coverage", v2, y, 9, 10)
	ev, err := Evaluate(plan, tally, y.Last())
	require.NoError(t, err)
	got := map[Code]VillageRate{}
	for _, r := range VillageRates(ev) {
		got[r.Code] = r
	}
	assert.Equal(t, VillageRate{"record.coverage", 1, 2}, got["record.coverage"])
	assert.Equal(t, VillageRate{"record.electronic", 2, 2}, got["record.electronic"])
	assert.Equal(t, VillageRate{"sup.coverage", 0, 1}, got["sup.coverage"])
	assert.Equal(t, VillageRate{"imm.school_entry_check", 0, 0}, got["imm.school_entry_check"])
	assert.Equal(t, "50.0%", got["record.coverage"].Rate().Format(1, language.SimplifiedChinese))

	scores, err := UnitScores(ev, ExampleAreaScheme())
	require.NoError(t, err)
	require.Len(t, scores, 2)
	// Village 1: records 100, supervision no data (excluded): 100.00. Village 2: records
	// 50 × 80 ÷ 90 + 50 = 94.44; supervision 90: (94.444444445 + 90) ÷ 2 = 92.22.
	assert.Equal(t, UnitScore{Unit: v1, Met: 2, WithData: 2}, UnitScore{Unit: scores[0].Unit, Met: scores[0].Met, WithData: scores[0].WithData})
	assert.Equal(t, "100.00", scores[0].Score.StringFixed(2))
	assert.Equal(t, "92.22", scores[1].Score.StringFixed(2))
	assert.Equal(t, 1, scores[1].Met)
	assert.Equal(t, 3, scores[1].WithData)
}

// TestGroupUnits: two villages of one team add up; a third village of no team is left
// out.
func TestGroupUnits(t *testing.T) {
	y := gongwei.Year(2025)
	tally := NewTally(0)
	tally.Add("record.coverage", "410523001101", y, 46, 50)
	tally.Add("record.coverage", "410523001102", y, 40, 50)
	tally.Add("record.coverage", "410523001103", y, 10, 10)
	g := GroupUnits(tally, map[Unit]Unit{"410523001101": "T1", "410523001102": "T1"})
	assert.Equal(t, 1, g.Len())
	c, ok := g.Get(Key{Code: "record.coverage", Unit: "T1", Period: y})
	require.True(t, ok)
	assert.Equal(t, Counts{86, 100}, c)
}

// TestSteppedPoints: −5% of a row's points for each 2 points (or part) short, down to
// zero. Records: 80 against ≥90 is 10 short, 5 steps, credit 0.75; 95 meets ≥90, 1.
// Supervision: 90 against ≥100, 5 steps, 0.75. Records 50 × 0.75 + 50 = 87.5; total
// (87.5 + 75) ÷ 2 = 81.25. A ceiling: 9‰ against <7‰ is 2 over, 1 step, 0.95; 30 steps
// and more give 0.
func TestSteppedPoints(t *testing.T) {
	s := ExampleAreaScheme()
	s.Stepped = &StepRule{Step: decimal.NewFromInt(2), Deduct: decimal.RequireFromString("0.05")}
	a, err := AssessAreas(smallEvaluation(t), s)
	require.NoError(t, err)
	rec, _ := a.Area(ServiceRecords)
	assert.Equal(t, "87.50", rec.Score.StringFixed(2))
	assert.Equal(t, "81.25", a.Score.StringFixed(2))
	assert.Equal(t, "0.95", s.Stepped.credit(decimal.NewFromInt(9), Below("7")).String())
	assert.Equal(t, "0", s.Stepped.credit(decimal.NewFromInt(20), AtLeast("90")).String())
	assert.Equal(t, "1", s.Stepped.credit(decimal.NewFromInt(6), Below("7")).String())

	s.Stepped.Step = decimal.Zero
	_, err = AssessAreas(smallEvaluation(t), s)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}
