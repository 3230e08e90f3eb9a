package synth

import "testing"

// TestInjectionRates: With sets the rate Rate reads of each pattern, and only its own;
// an unknown pattern has none and changes nothing.
func TestInjectionRates(t *testing.T) {
	patterns := []Pattern{InjectAfterDeath, InjectDepartedStaff, InjectNightBurst, InjectClonedReadings,
		InjectDigitPreference, InjectConstantReadings, InjectTwoPlaces, InjectWorkload, InjectQuota, InjectClonedCheckups}
	for i, p := range patterns {
		in := Injection{}.With(p, 0.5)
		for j, q := range patterns {
			want := 0.0
			if i == j {
				want = 0.5
			}
			if got := in.Rate(q); got != want {
				t.Errorf("With(%s).Rate(%s) = %v, want %v", p, q, got, want)
			}
		}
	}
	if in := (Injection{}).With("unknown", 1); in != (Injection{}) || in.Rate("unknown") != 0 {
		t.Errorf("an unknown pattern: %+v", in)
	}
}
