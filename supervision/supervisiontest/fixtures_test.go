package supervisiontest

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// TestFixturesValid: every fixture passes its type's Validate, so hosts can build on them.
func TestFixturesValid(t *testing.T) {
	d := gongwei.MustDate(2025, 5, 6)
	for name, err := range map[string]error{
		"unit":       Unit("U1", VillageA).Validate(),
		"inspection": Inspection("I1", "U1", VillageA, d).Validate(),
		"complaint":  Complaint("C1", VillageA, d).Validate(),
		"clue":       Clue("L1", VillageA, d).Validate(),
		"case":       CaseReport("R1", VillageA, d).Validate(),
		"emergency":  EmergencyReport("E1", VillageA, d).Validate(),
	} {
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
