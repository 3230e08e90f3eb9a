package maternaltest_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
)

// TestFixturesValid: the fixtures pass the package's own validation, against the
// woman's record.
func TestFixturesValid(t *testing.T) {
	for n := 1; n <= 5; n++ {
		w := maternaltest.Woman(n, maternaltest.FixtureVillage)
		if err := w.Validate(); err != nil {
			t.Fatalf("Woman(%d): %v", n, err)
		}
		lmp := gongwei.MustDate(2024, 1, n)
		if err := maternaltest.Pregnancy(w, lmp).ValidateFor(w); err != nil {
			t.Errorf("Pregnancy(%d): %v", n, err)
		}
		if err := maternaltest.Booked(w, lmp).ValidateFor(w); err != nil {
			t.Errorf("Booked(%d): %v", n, err)
		}
	}
}
