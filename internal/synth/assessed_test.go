package synth

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
)

// townshipConfig is the demo township of examples/township: 3,000 residents in 8
// villages.
func townshipConfig() Config {
	return Config{Seed: 1, County: "410523", Townships: 1, VillagesPerTownship: 8, Residents: 3000, Year: 2025}
}

// mustNew returns the county of cfg, or stops tb.
func mustNew(tb testing.TB, cfg Config) *County {
	tb.Helper()
	c, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// demoTownship returns the county of townshipConfig.
func demoTownship(t *testing.T) *County { return mustNew(t, townshipConfig()) }

// rolledUp returns the counts of tally rolled up to level for unit over c's year, by
// code; a code without counts fails t.
func rolledUp(t *testing.T, c *County, tally *indicators.Tally, level indicators.Level, unit string) func(indicators.Code) indicators.Counts {
	r := tally.RollUp(level)
	return func(code indicators.Code) indicators.Counts {
		t.Helper()
		v, ok := r.Get(indicators.Key{Code: code, Unit: indicators.Unit(unit), Period: c.Period()})
		require.True(t, ok, "%s", code)
		return v
	}
}

// TestAssessedRecords: the 3,000-resident township has the records the year-end
// assessment reads, every one valid: TB patients (7, 5 notified in 2025, 4 of those found
// by the township, 3 referred), prenatal screenings (15 of the 17 women delivered) and
// school-entry checks (78 of 79 entrants, 62 complete) whose outcome is the library's own.
func TestAssessedRecords(t *testing.T) {
	c := demoTownship(t)
	y := c.Period()
	var tb, inYear, found, referred int
	var delivered, screened int
	var entrants, checked, complete int
	for p := range c.People(0, c.Residents()) {
		for _, cs := range c.Chronic(p) {
			if cs.Patient.Condition != chronic.Tuberculosis {
				continue
			}
			require.NoError(t, cs.Patient.Validate())
			tb++
			if course := cs.Patient.TB; y.Contains(course.Notified) {
				inYear++
				if course.FoundLocally {
					found++
					//lint:ignore SA1019 the old field stays filled
					if !course.Referred.IsZero() {
						referred++
					}
				}
			}
		}
		if preg := c.Pregnancy(p); preg != nil {
			require.NoError(t, preg.Validate())
			if preg.Delivery != nil && y.Contains(preg.Delivery.Date) {
				delivered++
				if preg.Screened() {
					screened++
				}
			}
		}
		if h := c.Immunization(p); h != nil {
			require.NoError(t, h.Registration.Validate())
			for _, e := range h.Registration.SchoolEntries {
				entrants++
				assert.Equal(t, e.Entered, y.Start.AddMonths(8), "1 September")
				if !e.Checked.IsZero() {
					checked++
					want := immunization.CheckSchoolEntry(immunization.ScheduleFor(h.Registration.Child.Birth), h.Registration.Child, dosesBy(h, e.Checked), e.Checked)
					assert.Equal(t, want.Complete, e.Complete)
					if e.Complete {
						complete++
					}
				}
			}
		}
	}
	assert.Equal(t, []int{7, 5, 4, 3}, []int{tb, inYear, found, referred}, "TB patients, notified in the year, found, referred")
	assert.Equal(t, []int{17, 15}, []int{delivered, screened}, "women delivered, screened")
	assert.Equal(t, []int{79, 78, 62}, []int{entrants, checked, complete}, "entrants, checked, complete")
}
