package chronictest_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
)

// TestFixturesValid: every fixture validates, and its visit is classified satisfactory
// or stable.
func TestFixturesValid(t *testing.T) {
	for i, c := range chronic.Conditions {
		p := chronictest.Patient(i+1, c)
		if err := p.Validate(); err != nil {
			t.Errorf("Patient(%s): %v", c, err)
		}
		v := chronictest.Visit(p, gongwei.MustDate(2024, 3, 1))
		if err := v.Validate(); err != nil {
			t.Errorf("Visit(%s): %v", c, err)
		}
		switch v.Assessment.Class {
		case chronic.Satisfied, chronic.Stable, chronic.Adherent:
		default:
			t.Errorf("Visit(%s) class %v", c, v.Assessment.Class)
		}
	}
}
