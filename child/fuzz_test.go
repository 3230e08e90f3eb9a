package child

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// FuzzZScore: no panic, errors wrap gongwei.ErrInvalid and never repeat the input, and a
// z-score maps back to the measurement.
func FuzzZScore(f *testing.F) {
	f.Add(uint8(1), 1, 0, 3.3)
	f.Add(uint8(3), 2, 1826, 40.0)
	f.Add(uint8(2), 1, 731, 1e-300)
	f.Add(uint8(4), 9, -5, math.Inf(1))
	f.Fuzz(func(t *testing.T, ind uint8, sex int, day int, y float64) {
		z, err := ZScore(Indicator(ind), gongwei.Sex(sex), day, y)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		if math.IsNaN(z) {
			t.Fatalf("NaN z for %v %v %v %v", ind, sex, day, y)
		}
		if math.Abs(z) < 20 {
			back, err := Centile(Indicator(ind), gongwei.Sex(sex), day, z)
			if err != nil || math.Abs(back-y) > 1e-6*math.Max(1, y) {
				t.Fatalf("round trip %v -> %v -> %v (%v)", y, z, back, err)
			}
		}
	})
}

// FuzzWeightForLengthHeight: no panic, and the error never contains the measurement.
func FuzzWeightForLengthHeight(f *testing.F) {
	f.Add(1, 65.3, true, 7.0)
	f.Add(2, 120.0, false, 22.5)
	f.Add(1, 44.99999999, true, 2.0)
	f.Fuzz(func(t *testing.T, sex int, cm float64, rec bool, kg float64) {
		z, err := WeightForLengthHeight(gongwei.Sex(sex), cm, rec, kg)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) || strings.Contains(err.Error(), "65.3") {
				t.Fatalf("bad error %v", err)
			}
			return
		}
		if math.IsNaN(z) || math.IsInf(z, 0) {
			t.Fatalf("z %v for %v %v %v", z, cm, rec, kg)
		}
	})
}

// FuzzClassifyAnaemia: no panic; grades grow as haemoglobin falls.
func FuzzClassifyAnaemia(f *testing.F) {
	f.Add(uint8(1), 6, 109.9)
	f.Add(uint8(2), 72, 30.0)
	f.Fuzz(func(t *testing.T, scheme uint8, months int, hb float64) {
		g, err := ClassifyAnaemia(AnaemiaScheme(scheme), months, hb)
		if err != nil {
			return
		}
		g2, err := ClassifyAnaemia(AnaemiaScheme(scheme), months, hb/2)
		if err == nil && g2 < g {
			t.Fatalf("grade fell with Hb: %v at %v, %v at %v", g, hb, g2, hb/2)
		}
	})
}
