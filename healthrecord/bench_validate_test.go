package healthrecord_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// BenchmarkCheckupValidate validates one complete health checkup form (every item
// filled): the per-record cost when a checkup is entered.
func BenchmarkCheckupValidate(b *testing.B) {
	r := recordtest.Resident(42)
	c := recordtest.Checkup(r, gongwei.MustDate(2025, 6, 1))
	if err := c.Validate(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResidentComplete decides 档案合格 for one complete adult record (cover and
// personal basic information form filled and valid): the per-resident cost of
// record.coverage and record.qualified.
func BenchmarkResidentComplete(b *testing.B) {
	r := recordtest.Resident(42)
	on := gongwei.MustDate(2025, 12, 31)
	if !r.Complete(on) {
		b.Fatalf("fixture incomplete: %v %v", r.Missing(on), r.Validate())
	}
	b.ReportAllocs()
	for b.Loop() {
		if !r.Complete(on) {
			b.Fatal("incomplete")
		}
	}
}
