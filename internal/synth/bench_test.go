//go:build go1.24

package synth

import "testing"

// BenchmarkResident generates one resident and its domain inputs (records, chronic cases,
// pregnancy): the per-resident cost of a county.
func BenchmarkResident(b *testing.B) {
	c, err := New(DefaultConfig(1000000))
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		p := c.Person(i)
		_ = c.Chronic(p)
		_ = c.Pregnancy(p)
		i = (i + 7919) % c.Residents()
	}
}

// BenchmarkTownship generates one township's supervision and education records.
func BenchmarkTownship(b *testing.B) {
	c, err := New(DefaultConfig(100000))
	if err != nil {
		b.Fatal(err)
	}
	t := 0
	for b.Loop() {
		_ = c.Supervision(t + 1)
		_ = c.Education(t + 1)
		t = (t + 1) % c.Config().Townships
	}
}
