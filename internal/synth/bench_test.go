package synth

import "testing"

// BenchmarkResident generates one resident and its domain inputs (records, chronic cases,
// pregnancy, child record and vaccinations): the per-resident cost of a county.
func BenchmarkResident(b *testing.B) {
	c := mustNew(b, DefaultConfig(1000000))
	i := 0
	for b.Loop() {
		p := c.Person(i)
		_ = c.Chronic(p)
		_ = c.Pregnancy(p)
		_ = c.Child(p)
		_ = c.Immunization(p)
		i = (i + 7919) % c.Residents()
	}
}

// BenchmarkChild generates the child record, visits and vaccinations of one child of
// 0-6 (about 8 % of residents).
func BenchmarkChild(b *testing.B) {
	c := mustNew(b, DefaultConfig(100000))
	var kids []*Person
	for p := range c.People(0, 20000) {
		if c.isChild(p) {
			kids = append(kids, p)
		}
	}
	i := 0
	for b.Loop() {
		p := kids[i%len(kids)]
		_ = c.Child(p)
		_ = c.Immunization(p)
		i++
	}
}

// BenchmarkTownship generates one township's supervision and education records.
func BenchmarkTownship(b *testing.B) {
	c := mustNew(b, DefaultConfig(100000))
	t := 0
	for b.Loop() {
		_ = c.Supervision(t + 1)
		_ = c.Education(t + 1)
		t = (t + 1) % c.Config().Townships
	}
}
