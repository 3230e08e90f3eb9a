package main

import (
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei/indicators"
)

// FuzzParseLevels: the -level flag parses to a non-empty set of county, township and
// village, each named in the text, or is refused.
func FuzzParseLevels(f *testing.F) {
	for _, s := range []string{"county,township", "village", " county , ,village", "", ",", "province", "County"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		levels, err := parseLevels(s)
		if err != nil {
			return
		}
		if len(levels) == 0 {
			t.Fatalf("parseLevels(%q) accepted no level", s)
		}
		for l := range levels {
			switch l {
			case indicators.LevelCounty, indicators.LevelTownship, indicators.LevelVillage:
			default:
				t.Fatalf("parseLevels(%q) gave level %v", s, l)
			}
			if !strings.Contains(s, l.String()) {
				t.Fatalf("parseLevels(%q) gave %v, not in the text", s, l)
			}
		}
	})
}
