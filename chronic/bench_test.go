package chronic

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// BenchmarkClassifyHypertension classifies one follow-up with a previous visit on file:
// the per-record cost when a doctor saves a follow-up.
func BenchmarkClassifyHypertension(b *testing.B) {
	p := Patient{Birth: gongwei.MustDate(1958, 3, 1)}
	prev := []HypertensionFollowUp{{Date: gongwei.MustDate(2025, 2, 1), Systolic: 150, Diastolic: 92}}
	f := HypertensionFollowUp{Date: gongwei.MustDate(2025, 5, 1), Systolic: 146, Diastolic: 88}
	b.ReportAllocs()
	for b.Loop() {
		_ = ClassifyHypertension(p, f, prev)
	}
}

// BenchmarkClassifyDiabetes classifies one diabetes follow-up.
func BenchmarkClassifyDiabetes(b *testing.B) {
	p := Patient{Birth: gongwei.MustDate(1958, 3, 1)}
	f := DiabetesFollowUp{Date: gongwei.MustDate(2025, 5, 1), FastingGlucose: 7.4, Systolic: 132, Diastolic: 84}
	b.ReportAllocs()
	for b.Loop() {
		_ = ClassifyDiabetes(p, f, nil)
	}
}
