package child

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// benchCase is one precomputed input.
type benchCase struct {
	sex gongwei.Sex
	day int
	y   float64
}

// benchCases spreads inputs over both sexes, every age and z from −4.5 to +4.5 (a third
// of them in the tails beyond ±3 SD).
func benchCases(b *testing.B, ind Indicator) []benchCase {
	cs := make([]benchCase, 4096)
	for i := range cs {
		sex := gongwei.Sex(1 + i&1)
		day := (i * 7919) % (MaxAgeDays + 1)
		z := -4.5 + float64(i%91)*0.1
		y, err := Centile(ind, sex, day, z)
		if err != nil {
			b.Fatal(err)
		}
		cs[i] = benchCase{sex, day, y}
	}
	return cs
}

func benchZ(b *testing.B, ind Indicator) {
	cs := benchCases(b, ind)
	var sink float64
	i := 0
	for b.Loop() {
		c := &cs[i&4095]
		z, _ := ZScore(ind, c.sex, c.day, c.y)
		sink += z
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "z/s")
	_ = sink
}

// BenchmarkZScore measures weight-for-age z-scores per second (the restricted formula
// path). Run with -benchmem: it reports 0 allocs/op.
func BenchmarkZScore(b *testing.B) { benchZ(b, WeightForAge) }

// BenchmarkZScoreBMI is BMI-for-age (restricted, L ≠ 1).
func BenchmarkZScoreBMI(b *testing.B) { benchZ(b, BMIForAge) }

// BenchmarkZScoreLength is the L = 1 path (length/height, head circumference).
func BenchmarkZScoreLength(b *testing.B) { benchZ(b, LengthHeightForAge) }

// BenchmarkWeightForLengthHeight includes the interpolation between 0.1 cm rows.
func BenchmarkWeightForLengthHeight(b *testing.B) {
	type wc struct {
		cm, kg    float64
		recumbent bool
	}
	cs := make([]wc, 4096)
	for i := range cs {
		rec := i&1 == 0
		cm := 65 + float64(i%4500)*0.01
		kg, err := WeightForLengthHeightCentile(gongwei.Male, cm, rec, -4.5+float64(i%91)*0.1)
		if err != nil {
			b.Fatal(err)
		}
		cs[i] = wc{cm, kg, rec}
	}
	var sink float64
	i := 0
	for b.Loop() {
		c := &cs[i&4095]
		z, _ := WeightForLengthHeight(gongwei.Male, c.cm, c.recumbent, c.kg)
		sink += z
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "z/s")
	_ = sink
}
