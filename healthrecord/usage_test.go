package healthrecord_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

func d(y int, m time.Month, day int) gongwei.Date { return gongwei.MustDate(y, m, day) }

// The usage-rate window is 1 year (nbphs-spec §1.6; UNCONFIRMED in the reference).
func TestDynamicUseWindowIsOneYear(t *testing.T) {
	if healthrecord.DynamicUseWindowMonths != 12 {
		t.Fatalf("DynamicUseWindowMonths = %d, want 12 (nbphs-spec §1.6: within 1 year)", healthrecord.DynamicUseWindowMonths)
	}
	for _, c := range []struct {
		asOf gongwei.Date
		want gongwei.Period
	}{
		{d(2024, 12, 31), gongwei.Year(2024)},
		{d(2024, 6, 30), gongwei.Period{Start: d(2023, 7, 1), End: d(2024, 7, 1)}},
		// 2024-02-29 minus 12 months clamps to 2023-02-28; the window starts a day later.
		{d(2024, 2, 29), gongwei.Period{Start: d(2023, 3, 1), End: d(2024, 3, 1)}},
		{d(2025, 3, 1), gongwei.Period{Start: d(2024, 3, 2), End: d(2025, 3, 2)}},
	} {
		if got := healthrecord.DynamicUseWindow(c.asOf); got != c.want {
			t.Errorf("DynamicUseWindow(%s) = %s, want %s", c.asOf, got, c.want)
		}
	}
}

func TestDynamicallyUsed(t *testing.T) {
	ev := func(k healthrecord.EventKind, on gongwei.Date) healthrecord.ServiceEvent {
		return healthrecord.ServiceEvent{Resident: "r", Kind: k, Date: on}
	}
	asOf := d(2024, 12, 31)
	for _, c := range []struct {
		name   string
		events []healthrecord.ServiceEvent
		asOf   gongwei.Date
		want   bool
	}{
		{"no events", nil, asOf, false},
		{"checkup on the first day of the window", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2024, 1, 1))}, asOf, true},
		{"checkup the day before the window", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2023, 12, 31))}, asOf, false},
		{"follow-up on the date of evaluation", []healthrecord.ServiceEvent{ev(chronic.EventHypertensionFollowUp, asOf)}, asOf, true},
		{"follow-up after the date of evaluation", []healthrecord.ServiceEvent{ev(chronic.EventHypertensionFollowUp, d(2025, 1, 1))}, asOf, false},
		// nbphs-spec §1.3: only what is added beyond the cover and the basic information form updates a record.
		{"basic information only", []healthrecord.ServiceEvent{ev(healthrecord.EventBasicInfo, d(2024, 6, 1))}, asOf, false},
		{"basic information in, checkup out of the window", []healthrecord.ServiceEvent{
			ev(healthrecord.EventBasicInfo, d(2024, 6, 1)), ev(healthrecord.EventCheckup, d(2023, 6, 1)),
		}, asOf, false},
		{"consultation among old events, any order", []healthrecord.ServiceEvent{
			ev(healthrecord.EventCheckup, d(2022, 6, 1)), ev(healthrecord.EventConsultation, d(2024, 11, 2)), ev(healthrecord.EventTCM, d(2020, 1, 1)),
		}, asOf, true},
		{"unknown kind", []healthrecord.ServiceEvent{ev("other", d(2024, 6, 1))}, asOf, false},
		{"leap day: first day of the window", []healthrecord.ServiceEvent{ev(immunization.EventVaccination, d(2023, 3, 1))}, d(2024, 2, 29), true},
		{"leap day: day before the window", []healthrecord.ServiceEvent{ev(immunization.EventVaccination, d(2023, 2, 28))}, d(2024, 2, 29), false},
		{"exactly one year before is outside", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2024, 3, 1))}, d(2025, 3, 1), false},
		{"one year less a day before is inside", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2024, 3, 2))}, d(2025, 3, 1), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := healthrecord.DynamicallyUsed(c.events, c.asOf); got != c.want {
				t.Errorf("DynamicallyUsed = %v, want %v", got, c.want)
			}
		})
	}
}

func TestCountsAsUse(t *testing.T) {
	for _, k := range healthrecord.EventKinds() {
		if got, want := k.CountsAsUse(), k != healthrecord.EventBasicInfo; got != want {
			t.Errorf("%s.CountsAsUse() = %v, want %v", k, got, want)
		}
	}
	if healthrecord.EventKind("x").CountsAsUse() {
		t.Error("an unknown kind counts as use")
	}
}

func ExampleDynamicallyUsed() {
	events := []healthrecord.ServiceEvent{
		{Resident: "r1", Kind: healthrecord.EventBasicInfo, Date: d(2024, 3, 1)},
		{Resident: "r1", Kind: healthrecord.EventCheckup, Date: d(2023, 12, 20)},
	}
	// The checkup of 2023-12-20 lies in the year ending on 2024-12-19 but not in the
	// year ending on 2024-12-31; the basic information form never counts.
	fmt.Println(healthrecord.DynamicUseWindow(d(2024, 12, 31)))
	fmt.Println(healthrecord.DynamicallyUsed(events, d(2024, 12, 19)))
	fmt.Println(healthrecord.DynamicallyUsed(events, d(2024, 12, 31)))
	// Output:
	// [2024-01-01, 2025-01-01)
	// true
	// false
}

// TestUsedWithin: the window worked out once gives DynamicallyUsed, whatever the order
// of the events: the record creation alone is no use (nbphs-spec §1.3), a checkup on the
// window's first day is, one the day before is not.
func TestUsedWithin(t *testing.T) {
	asOf := d(2024, 12, 31)
	w := healthrecord.DynamicUseWindow(asOf)
	ev := func(k healthrecord.EventKind, on gongwei.Date) healthrecord.ServiceEvent {
		return healthrecord.ServiceEvent{Resident: "r", Kind: k, Date: on}
	}
	for _, tc := range []struct {
		name   string
		events []healthrecord.ServiceEvent
		want   bool
	}{
		{"none", nil, false},
		{"creation only", []healthrecord.ServiceEvent{ev(healthrecord.EventBasicInfo, d(2024, 6, 1))}, false},
		{"first day", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2024, 1, 1)), ev(healthrecord.EventBasicInfo, d(2024, 6, 1))}, true},
		{"day before", []healthrecord.ServiceEvent{ev(healthrecord.EventBasicInfo, d(2024, 6, 1)), ev(healthrecord.EventCheckup, d(2023, 12, 31))}, false},
		{"after asOf", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2025, 1, 1))}, false},
		{"among old ones", []healthrecord.ServiceEvent{ev(healthrecord.EventCheckup, d(2022, 1, 1)), ev(healthrecord.EventCheckup, d(2024, 12, 31)), ev(healthrecord.EventCheckup, d(2021, 1, 1))}, true},
	} {
		if got, dyn := healthrecord.UsedWithin(tc.events, w), healthrecord.DynamicallyUsed(tc.events, asOf); got != tc.want || dyn != tc.want {
			t.Errorf("%s: UsedWithin %v, DynamicallyUsed %v, want %v", tc.name, got, dyn, tc.want)
		}
	}
}
