package child

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// BenchmarkSchedulerAppendTasks schedules the contacts and the TCM guidance, as the
// indicators ask, for children born on 2,500 days (a county's children under 7) taken
// in a scattered order, each with three visits, as of the end of a year.
func BenchmarkSchedulerAppendTasks(b *testing.B) {
	const days = 2500
	children := make([]Child, days)
	visits := make([][]*Visit, days)
	for i := range children {
		c := testChild()
		c.BirthDate = d(2018, 1, 1).AddDays(i * 7919 % days)
		c.DischargeDate = c.BirthDate.AddDays(3)
		children[i] = *c
		visits[i] = []*Visit{
			{ID: "v1", Kind: KindNewborn, Date: c.BirthDate.AddDays(5)},
			{ID: "v2", Kind: Kind6m, Date: c.BirthDate.AddMonths(6), TCMGuidance: true},
			{ID: "v3", Kind: Kind12m, Date: c.BirthDate.AddMonths(12), TCMGuidance: true},
		}
	}
	on := gongwei.MustDate(2024, 12, 31)
	var s Scheduler
	var items []Item
	for i := 0; b.Loop(); i++ {
		k := i % days
		items = s.AppendTasks(items[:0], &children[k], visits[k], on, TaskVisit, TaskTCM)
	}
}
