package indicators

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestRateValue(t *testing.T) {
	tests := []struct {
		name   string
		r      Rate
		places int32
		want   string
		ok     bool
	}{
		// 2360 × 100 ÷ 2593 = 91.0142…% → 91.0 (the summary figure in plan-targets.md style).
		{"percent", Rate{2360, 2593, Percent}, 1, "91", true},
		// 1 × 100 ÷ 3 = 33.333… → 33.3; 2 × 100 ÷ 3 = 66.666… → 66.7.
		{"thirds down", Rate{1, 3, Percent}, 1, "33.3", true},
		{"thirds up", Rate{2, 3, Percent}, 1, "66.7", true},
		// Half-up, not banker's: 1 ÷ 8 = 12.5% → 13 at 0 places (banker's: 12);
		// 1 ÷ 16 = 6.25% → 6.3 at 1 place (banker's: 6.2); 3 ÷ 8 = 37.5% → 38.
		{"half up 12.5", Rate{1, 8, Percent}, 0, "13", true},
		{"half up 6.25", Rate{1, 16, Percent}, 1, "6.3", true},
		{"half up 37.5", Rate{3, 8, Percent}, 0, "38", true},
		// A zero numerator over a real denominator is data: 0%.
		{"zero numerator", Rate{0, 5, Percent}, 1, "0", true},
		// A zero denominator is no data, never 0% and never NaN.
		{"no data", Rate{5, 0, Percent}, 1, "0", false},
		{"no data zero value", Rate{}, 1, "0", false},
		// 13 × 1000 ÷ 2000 = 6.5‰.
		{"per mille", Rate{13, 2000, PerMille}, 1, "6.5", true},
		// 3 × 10000 ÷ 2439 = 12.3001… → 12.3/万.
		{"per 10k", Rate{3, 2439, Per10k}, 1, "12.3", true},
		// 1 × 100000 ÷ 8000 = 12.5/10万; 1 × 100000 ÷ 7143 = 13.9997… → 14.0.
		{"per 100k", Rate{1, 8000, Per100k}, 1, "12.5", true},
		{"per 100k rounds up", Rate{1, 7143, Per100k}, 1, "14", true},
		// A count is its numerator; the denominator is not used.
		{"count", Rate{12, 0, Count}, 1, "12", true},
		{"unknown scale", Rate{1, 2, Scale(99)}, 1, "0", false},
		// Large counts do not overflow: 9e15 × 100000 is formed in decimal.
		{"large", Rate{9_000_000_000_000_000, 9_000_000_000_000_000, Per100k}, 1, "100000", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := tt.r.Value(tt.places)
			assert.Equal(t, tt.ok, ok)
			assert.True(t, v.Equal(decimal.RequireFromString(tt.want)), "got %s want %s", v, tt.want)
		})
	}
}

func TestRateFormat(t *testing.T) {
	assert.Equal(t, "91.0%", Rate{2360, 2593, Percent}.String())
	assert.Equal(t, "90.0%", Rate{9, 10, Percent}.String(), "fixed places are shown")
	assert.Equal(t, "6.5‰", Rate{13, 2000, PerMille}.String())
	assert.Equal(t, "12.5/10万", Rate{1, 8000, Per100k}.String())
	assert.Equal(t, "12.3/万", Rate{3, 2439, Per10k}.String())
	assert.Equal(t, "12", Rate{12, 0, Count}.String())
	assert.Equal(t, "—", Rate{1, 0, Percent}.String())
	assert.Equal(t, "12.5/10萬", Rate{1, 8000, Per100k}.Format(1, language.TraditionalChinese))
	assert.Equal(t, "12.5 per 100,000", Rate{1, 8000, Per100k}.Format(1, language.English))
	assert.Equal(t, "12.50 per 100,000", Rate{1, 8000, Per100k}.Format(2, language.MustParse("en-GB")))
}

func TestRateMerge(t *testing.T) {
	// Village A 45/50 (90.0%) and village B 10/20 (50.0%) make 55/70 = 78.571…% → 78.6%,
	// not the mean of the rates (70.0%).
	a, b := Rate{45, 50, Percent}, Rate{10, 20, Percent}
	m := a.Merge(b)
	assert.Equal(t, Rate{55, 70, Percent}, m)
	assert.Equal(t, "78.6%", m.String())
	assert.Equal(t, m, b.Merge(a))
	assert.False(t, Rate{}.HasData())
	assert.True(t, Rate{0, 1, Percent}.HasData())
}

func TestScaleNames(t *testing.T) {
	for s, want := range map[Scale]string{Percent: "percent", PerMille: "per_mille", Per10k: "per_10k", Per100k: "per_100k", Count: "count"} {
		assert.Equal(t, want, s.String())
		assert.True(t, s.IsValid())
	}
	assert.Equal(t, int64(100000), Per100k.Factor())
	assert.Equal(t, int64(0), Scale(42).Factor())
	assert.Equal(t, "Scale(42)", Scale(42).String())
}
