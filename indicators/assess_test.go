package indicators

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFundingTier(t *testing.T) {
	// plan-targets.md: "score ≥80: full amount; 60 to 80: 70%; <60, or violations: 50%".
	for _, tt := range []struct{ score, want string }{
		{"100", "1"}, {"80", "1"}, {"80.00", "1"}, {"79.99", "0.7"}, {"70", "0.7"},
		{"60", "0.7"}, {"59.99", "0.5"}, {"0", "0.5"},
	} {
		assert.True(t, FundingTier(dec(tt.score)).Equal(dec(tt.want)), "score %s", tt.score)
	}
}

func TestAssess(t *testing.T) {
	ev, err := Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-10-31"))
	require.NoError(t, err)
	s := Scheme{Items: []Item{
		// record.electronic 82.8 against ≥90: egt credit 82.8 ÷ 90 = 0.92 → 20 × 0.92 = 18.4.
		{Code: "record.electronic", Unit: township, Weight: dec("20"), Rule: RuleEGT},
		// record.coverage 91.0 ≥ 50: full credit → 10.
		{Code: "record.coverage", Unit: township, Weight: dec("10"), Rule: RuleEGT},
		// maternal.mortality 20.0 against <14: elt credit 14 ÷ 20 = 0.7 → 10 × 0.7 = 7.
		{Code: "maternal.mortality", Unit: township, Weight: dec("10"), Rule: RuleELT},
		// child.u5_mortality 6.0 ≤ 7: full credit → 10.
		{Code: "child.u5_mortality", Unit: township, Weight: dec("10"), Rule: RuleELT},
		// dm.glucose_control has no data: no credit → 0 of 10.
		{Code: "dm.glucose_control", Unit: township, Weight: dec("10"), Rule: RuleEGT},
		// Y01 answered yes → 10; N01 answered no → 10; Y01 unanswered → 0 of 10.
		{Code: "local.plan_published", Weight: dec("10"), Rule: RuleY01},
		{Code: "local.violations", Weight: dec("10"), Rule: RuleN01},
		{Code: "local.unanswered", Weight: dec("10"), Rule: RuleY01},
		// attach: hand-scored 0.5 → 10 × 0.5 = 5.
		{Code: "local.archive_check", Weight: dec("10"), Rule: RuleAttach},
		// empty: reported only, no weight.
		{Code: "edu.lectures", Unit: township, Weight: dec("10"), Rule: RuleEmpty},
	}}
	a, err := Assess(ev, s, Inputs{
		Answers: map[Code]bool{"local.plan_published": true, "local.violations": false},
		Manual:  map[Code]decimal.Decimal{"local.archive_check": dec("0.5")},
	})
	require.NoError(t, err)
	// Points 18.4 + 10 + 7 + 10 + 0 + 10 + 10 + 0 + 5 = 70.4 of 100 weights → 70.40.
	assert.True(t, a.Score.Equal(dec("70.4")), "score %s", a.Score)
	assert.True(t, a.Items[0].Credit.Equal(dec("0.92")))
	assert.True(t, a.Items[2].Credit.Equal(dec("0.7")))
	assert.True(t, FundingTier(a.Score).Equal(dec("0.7")))

	// Weights need not sum to 100: the score is scaled. egt 82.8 ÷ 90 = 0.92 alone → 92.00.
	a, err = Assess(ev, Scheme{Items: []Item{{Code: "record.electronic", Unit: township, Weight: dec("3"), Rule: RuleEGT}}}, Inputs{})
	require.NoError(t, err)
	assert.True(t, a.Score.Equal(dec("92")))
	// 10 of 12 lectures: 10 ÷ 12 = 0.8333333333 → score 83.33 (half-up at 2 places).
	a, err = Assess(ev, Scheme{Items: []Item{{Code: "edu.lectures", Unit: township, Weight: dec("1"), Rule: RuleEGT}}}, Inputs{})
	require.NoError(t, err)
	assert.True(t, a.Score.Equal(dec("83.33")), "score %s", a.Score)

	for _, bad := range []Scheme{
		{Items: []Item{{Code: "record.coverage", Unit: township, Weight: dec("-1"), Rule: RuleEGT}}},
		{Items: []Item{{Code: "record.coverage", Unit: township, Weight: dec("1"), Rule: "bogus"}}},
		{Items: []Item{{Code: "tb.referral", Unit: township, Weight: dec("1"), Rule: RuleEGT}}},
		{Items: []Item{{Code: "x.y", Weight: dec("1"), Rule: RuleAttach}}},
	} {
		_, err := Assess(ev, bad, Inputs{Manual: map[Code]decimal.Decimal{"x.y": dec("2")}})
		assert.ErrorIs(t, err, gongwei.ErrInvalid)
	}

	ps := ProportionalScheme(samplePlan())
	require.Len(t, ps.Items, len(samplePlan().Rows))
	for _, it := range ps.Items {
		if it.Code == "maternal.mortality" {
			assert.Equal(t, RuleELT, it.Rule)
		}
	}
	_, err = Assess(ev, ps, Inputs{})
	require.NoError(t, err)
}

func TestNationalPerCapita(t *testing.T) {
	// nbphs-spec §0.1.
	for year, want := range map[int]int64{2009: 15, 2011: 25, 2013: 30, 2016: 45, 2019: 69, 2023: 89, 2024: 94, 2025: 99} {
		s, ok := NationalPerCapita(year)
		require.True(t, ok, year)
		assert.True(t, s.Yuan.Equal(decimal.NewFromInt(want)), year)
		assert.True(t, s.Confirmed, year)
		assert.NotEmpty(t, s.Source)
	}
	s, ok := NationalPerCapita(2021)
	require.True(t, ok)
	assert.False(t, s.Confirmed, "2020–2022 are derived (UNCONFIRMED)")
	_, ok = NationalPerCapita(2026)
	assert.False(t, ok)
}

func TestBudget(t *testing.T) {
	// plan-targets.md: 30 yuan per person, of which 1.25 yuan for 卫生监督协管.
	b := ExampleBudget(52_347)
	assert.Equal(t, "1570410.00", b.Total().StringFixed(2))                      // 30 × 52347
	assert.Equal(t, "65433.75", b.SupervisionTotal().StringFixed(2))             // 1.25 × 52347
	assert.Equal(t, "1504976.25", b.ServicesTotal().StringFixed(2))              // 1570410 − 65433.75
	assert.Equal(t, "1099287.00", Payable(b.Total(), dec("75")).StringFixed(2))  // × 0.7
	assert.Equal(t, "785205.00", Payable(b.Total(), dec("59.5")).StringFixed(2)) // × 0.5
	// Fen rounding half-up: 0.7 × 0.05 = 0.035 → 0.04.
	assert.Equal(t, "0.04", Payable(dec("0.05"), dec("70")).StringFixed(2))
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		total   string
		weights []int64
		want    []string
	}{
		// 10000 fen ÷ 3 = 3333 r1 each; 1 fen left goes to the first (tie → listed first).
		{"100.00", []int64{1, 1, 1}, []string{"33.34", "33.33", "33.33"}},
		// 1 fen over 3: quotas 0 r1 each; the first gets it.
		{"0.01", []int64{5, 5, 5}, []string{"0.01", "0", "0"}},
		// 1000 fen × 1 ÷ 7 = 142 r6 each; 6 fen left go to the first six.
		{"10.00", []int64{1, 1, 1, 1, 1, 1, 1}, []string{"1.43", "1.43", "1.43", "1.43", "1.43", "1.43", "1.42"}},
		// 10000 × 2 ÷ 3 = 6666 r2; 10000 × 1 ÷ 3 = 3333 r1; the larger remainder gets the fen.
		{"100.00", []int64{2, 1}, []string{"66.67", "33.33"}},
		// Remainder order beats list order: 10000×1÷3 r1, 10000×2÷3 r2 → the second gets it.
		{"100.00", []int64{1, 2}, []string{"33.33", "66.67"}},
		// Populations: 1,000,000.00 over 12,345 / 23,456 / 34,567 (Σ 70,368).
		//   100000000 × 12345 ÷ 70368 = 17543485 r 47520
		//   100000000 × 23456 ÷ 70368 = 33333333 r 23456
		//   100000000 × 34567 ÷ 70368 = 49123180 r 69760
		//   given 99999998, 2 fen left → the two largest remainders, the third and the first.
		{"1000000.00", []int64{12345, 23456, 34567}, []string{"175434.86", "333333.33", "491231.81"}},
		{"100", []int64{0, 5}, []string{"0", "100"}},
	}
	for _, tt := range tests {
		got, err := Allocate(dec(tt.total), tt.weights)
		require.NoError(t, err)
		sum := decimal.Zero
		for i, g := range got {
			assert.True(t, g.Equal(dec(tt.want[i])), "%s %v [%d]: got %s want %s", tt.total, tt.weights, i, g, tt.want[i])
			sum = sum.Add(g)
		}
		assert.True(t, sum.Equal(dec(tt.total)))
	}
	for _, bad := range []struct {
		total   string
		weights []int64
	}{{"1.005", []int64{1}}, {"-1", []int64{1}}, {"1", nil}, {"1", []int64{0, 0}}, {"1", []int64{1, -1}}} {
		_, err := Allocate(dec(bad.total), bad.weights)
		assert.ErrorIs(t, err, gongwei.ErrInvalid)
	}
	al, err := AllocateToUnits(dec("100.00"), []Share{{"110101001", 1}, {"110101002", 1}, {"110101003", 1}})
	require.NoError(t, err)
	assert.Equal(t, Unit("110101001"), al[0].Unit)
	assert.Equal(t, "33.34", al[0].Amount.StringFixed(2))
}

// TestAllocateProperties: on random splits (fixed seed) the shares sum exactly to the
// total, and each share is within one fen of its exact quota, above its floor.
func TestAllocateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(99, 100))
	for trial := range 2000 {
		fen := rng.Int64N(1_000_000_000_00)
		total := decimal.New(fen, -2)
		w := make([]int64, 1+rng.IntN(40))
		var sum int64
		for i := range w {
			w[i] = rng.Int64N(200_000)
			sum += w[i]
		}
		if sum == 0 {
			w[0], sum = 1, 1
		}
		got, err := Allocate(total, w)
		require.NoError(t, err)
		s := decimal.Zero
		for i, g := range got {
			s = s.Add(g)
			// floor(fen × w ÷ Σw) ≤ share in fen ≤ floor + 1.
			q := new(big.Int).Quo(new(big.Int).Mul(big.NewInt(fen), big.NewInt(w[i])), big.NewInt(sum))
			gf := g.Shift(2).BigInt()
			d := new(big.Int).Sub(gf, q)
			require.True(t, d.Sign() >= 0 && d.Cmp(big.NewInt(1)) <= 0, "trial %d share %d", trial, i)
			require.True(t, g.Round(2).Equal(g))
		}
		require.True(t, s.Equal(total), "trial %d: %s != %s", trial, s, total)
	}
}
