package gongwei_test

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
)

// sinkDate keeps the benchmarks' results alive.
var sinkDate gongwei.Date

// BenchmarkDateCivil converts day numbers to civil dates and back, the core of every
// month and year step (AddMonths, AddYears, Date, NewDate), over the days of 1900-2100.
func BenchmarkDateCivil(b *testing.B) {
	start := gongwei.MustDate(1900, time.January, 1)
	for i := 0; b.Loop(); i++ {
		d := start.AddDays(i % 73000)
		y, m, dd := d.Date()
		sinkDate = gongwei.MustDate(y, m, dd)
	}
}

// BenchmarkDateAddMonths steps dates by 1 to 72 months, as the child and vaccination
// schedules do from a birth date.
func BenchmarkDateAddMonths(b *testing.B) {
	start := gongwei.MustDate(2020, time.January, 31)
	for i := 0; b.Loop(); i++ {
		sinkDate = start.AddDays(i % 2500).AddMonths(1 + i%72)
	}
}
