package indicators

import (
	"math/rand/v2"
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
