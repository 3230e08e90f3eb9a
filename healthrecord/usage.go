package healthrecord

import (
	"github.com/gongwei-lib/gongwei"
)

// DynamicUseWindowMonths is the window, in months ending on the date of evaluation, in
// which a record must have a service record for it to count as a record "with dynamic
// records" (有动态记录) in the usage rate 健康档案使用率 = 档案中有动态记录的档案份数 ÷
// 档案总份数 × 100% (nbphs-spec §1.6, source [R4]).
//
// The 1-year definition is UNCONFIRMED in the reference; implemented as given.
const DynamicUseWindowMonths = 12

// DynamicUseWindow returns the period in which a service makes a record dynamically used
// as of asOf: the DynamicUseWindowMonths months ending on asOf, asOf included. As of
// 2024-12-31 it is the calendar year 2024, [2024-01-01, 2025-01-01). The start is
// asOf moved back by the window and one day on, with gongwei.Date.AddMonths's
// end-of-month rule: as of 2024-02-29 the window starts on 2023-03-01. A window that
// would start before year 1 starts on 0001-01-01, and one that would end after 9999 ends
// on 9999-12-31 (gongwei.Date's saturating arithmetic).
func DynamicUseWindow(asOf gongwei.Date) gongwei.Period {
	start, err := asOf.AddMonthsChecked(-DynamicUseWindowMonths)
	if err == nil {
		start = start.AddDays(1)
	}
	return gongwei.Period{Start: start, End: asOf.AddDays(1)}
}

// CountsAsUse reports whether a service of kind k is a use of the record: anything added
// beyond the cover and the personal basic information form updates the record
// (nbphs-spec §1.3), so every kind but EventBasicInfo counts.
func (k EventKind) CountsAsUse() bool { return k.IsValid() && k != EventBasicInfo }

// DynamicallyUsed reports whether a record whose timeline holds events is dynamically
// used as of asOf (nbphs-spec §1.6 使用率; §1.3): at least one event that counts as a
// use (see EventKind.CountsAsUse) is dated within DynamicUseWindow(asOf). Events after
// asOf do not count. The caller passes one resident's events, in any order.
func DynamicallyUsed(events []ServiceEvent, asOf gongwei.Date) bool {
	return UsedWithin(events, DynamicUseWindow(asOf))
}

// UsedWithin reports whether events hold a use of the record (EventKind.CountsAsUse)
// dated in w: DynamicallyUsed(events, asOf) is UsedWithin(events,
// DynamicUseWindow(asOf)). A computation over many records works the window out once.
func UsedWithin(events []ServiceEvent, w gongwei.Period) bool {
	// From the last: timelines are appended to, so recent uses are found sooner.
	for i := len(events) - 1; i >= 0; i-- {
		e := &events[i]
		if w.Contains(e.Date) && e.Kind.CountsAsUse() { // the date first: it is cheaper to compare
			return true
		}
	}
	return false
}
