package indicators

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// TestBatchEqualsDirect adds the same random stream of counts (several units and
// periods, repeated and interleaved codes, zeros that must still create their cell)
// once directly into a tally and once through a batch, flushing at random points; the
// tallies must be equal.
func TestBatchEqualsDirect(t *testing.T) {
	codes := []Code{codeRecordCoverage, codeRecordUsage, codeElderlyManaged, codeImmCoverage.With("HepB3"), codeHTControl}
	units := []Unit{"410523001001", "410523001002", "410523002001"}
	periods := []gongwei.Period{gongwei.Year(2025), gongwei.Quarter(2025, 1)}
	r := rand.New(rand.NewPCG(1, 2))
	direct, batched := NewTally(0), NewTally(0)
	b := newBatch(batched)
	if newBatch(b) != b {
		t.Fatal("newBatch of a batch must return it")
	}
	for i := 0; i < 20000; i++ {
		c, u, p := codes[r.IntN(len(codes))], units[r.IntN(len(units))], periods[r.IntN(len(periods))]
		num, den := int64(r.IntN(3)-1), int64(r.IntN(2))
		direct.Add(c, u, p, num, den)
		b.Add(c, u, p, num, den)
		if r.IntN(5000) == 0 {
			b.flush()
		}
	}
	b.flush()
	if !direct.Equal(batched) || direct.Len() != len(codes)*len(units)*len(periods) {
		t.Fatalf("batched tally differs: %d cells, direct %d", batched.Len(), direct.Len())
	}
	b.flush()
	if !direct.Equal(batched) {
		t.Fatal("a second flush added counts")
	}
}

// TestMilestonesFitTheirArrays: addRegistration keeps one date per milestone in arrays
// of maxMilestones.
func TestMilestonesFitTheirArrays(t *testing.T) {
	if n := len(immunization.Milestones); n > maxMilestones {
		t.Fatalf("%d milestones exceed maxMilestones %d", n, maxMilestones)
	}
}

// TestMilestonesGivenOnePass: the one-pass milestonesGiven gives each milestone's
// Milestone.Given, for a child with every kind of dose, a repeated dose, an invalid one
// and doses out of order; every series dose of the table fits fulfilsDoses.
func TestMilestonesGivenOnePass(t *testing.T) {
	for _, m := range immunization.Milestones {
		for _, vd := range m.Doses {
			if vd.Dose < 0 || vd.Dose >= fulfilsDoses {
				t.Fatalf("%s: series dose %d outside [0, %d)", m.Name, vd.Dose, fulfilsDoses)
			}
		}
	}
	day := gongwei.MustDate(2023, 1, 10)
	var evs []immunization.Evaluation
	for i, m := range immunization.Milestones {
		for j, vd := range m.Doses {
			e := immunization.Evaluation{Dose: immunization.Dose{Vaccine: vd.Vaccine, Date: day.AddDays(100 - 7*i - j)}, SeriesDose: vd.Dose}
			evs = append(evs, e)
			if i%3 == 0 {
				e.Dose.Date = e.Dose.Date.AddDays(-3) // an earlier dose later in the list
				evs = append(evs, e)
			}
			if i%4 == 1 {
				e.Reason = immunization.ReasonNotVaccine
				e.Dose.Date = e.Dose.Date.AddDays(-30)
				evs = append(evs, e)
			}
		}
	}
	var got [maxMilestones]gongwei.Date
	milestonesGiven(evs, &got)
	for i, m := range immunization.Milestones {
		if want := m.Given(evs); got[i] != want || want.IsZero() {
			t.Errorf("%s: one pass %v, Milestone.Given %v", m.Name, got[i], want)
		}
	}
}

// TestBatchEqualCodes: a code or a unit equal to another but held in other memory lands
// in the same cell.
func TestBatchEqualCodes(t *testing.T) {
	direct, batched := NewTally(0), NewTally(0)
	b := newBatch(batched)
	p := gongwei.Year(2024)
	for i, code := range []Code{"a.x", "b.y", Code(strings.Clone("a.x")), "b.y", Code(strings.Clone("b.y"))} {
		unit := Unit("u")
		if i%2 == 1 {
			unit = Unit(strings.Clone("u"))
		}
		direct.Add(code, unit, p, int64(i), 1)
		b.Add(code, unit, p, int64(i), 1)
	}
	b.flush()
	if !direct.Equal(batched) || batched.Len() != 2 {
		t.Fatalf("batched %v, direct %v", batched.Keys(), direct.Keys())
	}
	if c, _ := batched.Get(Key{"b.y", "u", p}); c != (Counts{Num: 1 + 3 + 4, Den: 3}) {
		t.Fatalf("b.y %+v", c)
	}
}
