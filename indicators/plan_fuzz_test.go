package indicators

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// FuzzUnitOfDivision: a GB/T 2260 code converts to a province, city or county unit that
// contains or equals the code's own county unit; anything else is refused with an error
// wrapping gongwei.ErrInvalid that does not echo the input.
func FuzzUnitOfDivision(f *testing.F) {
	for _, s := range []string{"110000", "110100", "110101", "１１０１０５", "11-01-05", "000000", "1101", "11010100", "abcdef", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := UnitOfDivision(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("UnitOfDivision(%q) error %v does not wrap ErrInvalid", s, err)
			}
			if len(s) >= 4 && strings.Contains(err.Error(), s) {
				t.Fatalf("error echoes its input")
			}
			return
		}
		switch u.Level() {
		case LevelProvince, LevelCity, LevelCounty:
		default:
			t.Fatalf("UnitOfDivision(%q) = %q at level %v", s, u, u.Level())
		}
		county, err := ParseUnit(s)
		if err != nil || (county != u && !u.Contains(county)) {
			t.Fatalf("UnitOfDivision(%q) = %q, which does not contain %q (%v)", s, u, county, err)
		}
	})
}

// FuzzPlanJSON: a plan decoded from a host's JSON file is either refused by Validate or
// evaluated against a tally holding a cell for each of its rows, with a status and a
// label for every row; nothing the file holds makes Evaluate or the report panic.
func FuzzPlanJSON(f *testing.F) {
	seed, err := json.Marshal(ExamplePlan(2025, township))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, int64(9), int64(10))
	f.Add([]byte(`{"Period":{"Start":"2025-01-01","End":"2026-01-01"},"Rows":[{"Code":"ht.management","Unit":"110101001","Target":"≥60%"}],"Milestones":[{"By":"2025-06-30","Share":"0.3"}],"Estimates":{"ht.management":{"Share":"0.85","Prevalence":"0.188"}}}`), int64(1), int64(0))
	f.Add([]byte(`{"Rows":[{"Code":"x","Target":">"}],"Milestones":[{"Share":"2"}],"ElderlyMinAge":-1}`), int64(-1), int64(-5))
	f.Fuzz(func(t *testing.T, b []byte, num, den int64) {
		var p Plan
		if json.Unmarshal(b, &p) != nil {
			return
		}
		if err := p.Validate(); err != nil {
			var ve *gongwei.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("Validate error %T %v is not a ValidationError", err, err)
			}
			return
		}
		tally := NewTally(len(p.Rows))
		if num >= 0 && den >= num {
			for _, r := range p.Rows {
				tally.Add(r.Code, r.Unit, p.Period, num, den)
			}
		}
		ev, err := Evaluate(&p, tally, p.Period.Last())
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("Evaluate error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if len(ev.Results) != len(p.Rows) {
			t.Fatalf("%d results for %d rows", len(ev.Results), len(p.Rows))
		}
		var out strings.Builder
		if err := NewReport(ev, language.English).WriteText(&out); err != nil {
			t.Fatal(err)
		}
		p.Due(p.Period.Start)
		for code := range p.Estimates {
			if _, _, err := p.EstimatedDenominator(code, den); err != nil && !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("EstimatedDenominator error %v does not wrap ErrInvalid", err)
			}
		}
	})
}
