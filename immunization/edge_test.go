package immunization

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestForecastAtTheEndsOfTheCalendar: the forecast of a child born on the first or the
// last days of the calendar (placeholders of legacy systems) never panics. The HepB
// dose given on the day of birth counts, so dose 2 is next, except for a birth on
// 9999-12-31: every upper age limit of that child saturates at that very day, which a
// limit excludes, so no dose can count and dose 1 stays next.
func TestForecastAtTheEndsOfTheCalendar(t *testing.T) {
	for _, birth := range []gongwei.Date{gongwei.MinDate, gongwei.MustDate(9999, 12, 1), gongwei.MaxDate} {
		c := Child{Birth: birth}
		doses := []Dose{{Vaccine: HepB, Date: birth}, {Vaccine: BCG, Date: birth.AddDays(3)}}
		var recs []Recommendation
		require.NotPanics(t, func() { recs = Forecast(ScheduleFor(birth), c, doses, gongwei.MaxDate) })
		require.Len(t, recs, int(numSeries))
		for _, r := range recs {
			if r.Vaccine == HepB {
				want := 2
				if birth == gongwei.MaxDate {
					want = 1
				}
				assert.Equal(t, want, r.Dose, "%s: HepB dose next", birth)
			}
			for _, d := range []gongwei.Date{r.Earliest, r.Recommended, r.CompleteBefore} {
				back, err := gongwei.ParseDate(d.String())
				if !d.IsZero() {
					require.NoError(t, err)
					assert.Equal(t, d, back)
				}
			}
		}
		require.NotPanics(t, func() { _ = Evaluate(ScheduleFor(birth), c, doses) })
		var se SchoolEntry
		require.NotPanics(t, func() { se = CheckSchoolEntry(ScheduleFor(birth), c, doses, gongwei.MaxDate) })
		assert.Equal(t, "9999-12-31", se.RecheckBefore.String())
		assert.Equal(t, gongwei.MaxDate, se.Deadline, "30-day window saturated")
	}
	// A school check on no date: no recheck date rather than a panic.
	se := CheckSchoolEntry(ScheduleFor(gongwei.MustDate(2019, 9, 1)), Child{Birth: gongwei.MustDate(2019, 9, 1)}, nil, gongwei.Date{})
	assert.True(t, se.RecheckBefore.IsZero())
}

// FuzzForecastCalendar: births, doses and forecast dates anywhere in years 1 to 9999
// (or zero) never panic, give one recommendation per series with a defined status (none
// without a birth date), and every date they give prints as text that parses back.
func FuzzForecastCalendar(f *testing.F) {
	f.Add(uint32(0), uint32(0), []byte{0, 0})
	f.Add(uint32(3652058), uint32(3652058), []byte{1, 0, 7, 200})
	f.Add(uint32(3652029), uint32(3652058), []byte{0, 0, 1, 3})
	f.Add(uint32(1), uint32(40), []byte{3, 1, 3, 255})
	f.Fuzz(func(t *testing.T, birthN, onN uint32, hist []byte) {
		const span = 3652059
		b := gongwei.MinDate.AddDays(int(birthN % span))
		on := gongwei.MinDate.AddDays(int(onN % span))
		if birthN == span {
			b = gongwei.Date{}
		}
		var doses []Dose
		for i := 0; i+1 < len(hist) && len(doses) < 40; i += 2 {
			doses = append(doses, Dose{Vaccine: Vaccine(hist[i] % 20), Date: b.AddDays(int(hist[i+1]) * 37)})
		}
		c := Child{Birth: b}
		recs := Forecast(ScheduleFor(b), c, doses, on)
		if b.IsZero() {
			if len(recs) != 0 {
				t.Fatalf("%d recommendations for a child with no birth date", len(recs))
			}
			return
		}
		if len(recs) != int(numSeries) {
			t.Fatalf("%d recommendations", len(recs))
		}
		for _, r := range recs {
			if r.Status == 0 || r.Status >= numStatuses {
				t.Fatalf("bad status %d", r.Status)
			}
			for _, d := range []gongwei.Date{r.Earliest, r.Recommended, r.CompleteBefore} {
				if d.IsZero() {
					continue
				}
				if back, err := gongwei.ParseDate(d.String()); err != nil || back != d {
					t.Fatalf("date %s does not parse back: %v", d, err)
				}
			}
		}
		_ = Evaluate(ScheduleFor(b), c, doses)
		_ = CheckSchoolEntry(ScheduleFor(b), c, doses, on)
	})
}
