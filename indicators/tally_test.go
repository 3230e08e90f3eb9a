package indicators

import (
	"errors"
	"iter"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	y2024   = gongwei.Year(2024)
	village = MustParseUnit("110101001101")
)

func TestTallyAddGetRate(t *testing.T) {
	var tl Tally // the zero Tally is ready to use
	// Two villages' record counts: 建档 1200 of 1300 residents, then 1393 of 1550.
	tl.Add("record.coverage", village, y2024, 1200, 1300)
	tl.Add("record.coverage", village, y2024, 1393, 1550)
	c, ok := tl.Get(Key{"record.coverage", village, y2024})
	require.True(t, ok)
	assert.Equal(t, Counts{2593, 2850}, c)
	r, ok := tl.Rate("record.coverage", village, y2024)
	require.True(t, ok)
	// 2593 × 100 ÷ 2850 = 90.982…% → 91.0%.
	assert.Equal(t, "91.0%", r.String())
	_, ok = tl.Rate("record.coverage", village, gongwei.Year(2023))
	assert.False(t, ok, "absent cell: no data")
	_, ok = tl.Rate("no.such", village, y2024)
	assert.False(t, ok)
	assert.Equal(t, 1, tl.Len())
}

// randomTally fills a tally from n random contributions over a small key space, so that
// keys collide.
func randomTally(rng *rand.Rand, n int) *Tally {
	codes := []Code{"record.coverage", "ht.bp_control", "edu.lectures"}
	units := []Unit{"110101001101", "110101001102", "110101002101", "110102001101", "120101001101"}
	periods := []gongwei.Period{gongwei.Year(2023), gongwei.Year(2024), gongwei.Quarter(2024, 2)}
	t := NewTally(0)
	for range n {
		t.Add(codes[rng.IntN(len(codes))], units[rng.IntN(len(units))], periods[rng.IntN(len(periods))],
			rng.Int64N(100), rng.Int64N(1000))
	}
	return t
}

// TestMergeProperties checks with random trials (fixed seed) that Merge is associative and
// commutative and has the empty tally as identity.
func TestMergeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 9))
	for trial := range 200 {
		a, b, c := randomTally(rng, rng.IntN(30)), randomTally(rng, rng.IntN(30)), randomTally(rng, rng.IntN(30))
		assert.True(t, Merge(a, Merge(b, c)).Equal(Merge(Merge(a, b), c)), "associative, trial %d", trial)
		assert.True(t, Merge(a, b).Equal(Merge(b, a)), "commutative, trial %d", trial)
		assert.True(t, Merge(a, NewTally(0)).Equal(a), "identity, trial %d", trial)
		assert.True(t, Merge(a, nil).Equal(a))
	}
}

type contribution struct {
	code     Code
	unit     Unit
	num, den int64
}

// TestShardsEqualSinglePass streams random contributions once into one tally and, split
// at random, into shards; the merged shards equal the single pass.
func TestShardsEqualSinglePass(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	codes := []Code{"record.coverage", "elderly.management", "sup.patrols"}
	for trial := range 50 {
		var recs []contribution
		for range 500 {
			u := Unit(strings.Repeat("1", 6)) + Unit([]byte{'0', '0', byte('1' + rng.IntN(3)), '1', '0', byte('1' + rng.IntN(4))})
			recs = append(recs, contribution{codes[rng.IntN(3)], u, rng.Int64N(2), 1})
		}
		single := NewTally(0)
		shards := make([]*Tally, 1+rng.IntN(8))
		for i := range shards {
			shards[i] = NewTally(0)
		}
		for _, r := range recs {
			single.Add(r.code, r.unit, y2024, r.num, r.den)
			shards[rng.IntN(len(shards))].Add(r.code, r.unit, y2024, r.num, r.den)
		}
		assert.True(t, Merge(shards...).Equal(single), "trial %d", trial)
		// village → township → county equals village → county, and a single pass
		// that counted each record straight into its county.
		county := NewTally(0)
		for _, r := range recs {
			cu, _ := r.unit.Ancestor(LevelCounty)
			county.Add(r.code, cu, y2024, r.num, r.den)
		}
		stepped := single.RollUp(LevelTownship).RollUp(LevelCounty)
		assert.True(t, stepped.Equal(single.RollUp(LevelCounty)), "trial %d", trial)
		assert.True(t, stepped.Equal(county), "trial %d", trial)
		// Rolling up shards then merging equals merging then rolling up.
		var rolled []*Tally
		for _, s := range shards {
			rolled = append(rolled, s.RollUp(LevelTownship))
		}
		assert.True(t, Merge(rolled...).Equal(single.RollUp(LevelTownship)))
	}
}

func TestRollUpHandFigures(t *testing.T) {
	// Township 110101001 has villages 101 (45 of 50 elderly examined) and 102 (10 of 20);
	// township 110101002 has village 101 (30 of 40). County 110101: 85 of 110.
	tl := NewTally(0)
	tl.Add("elderly.management", "110101001101", y2024, 45, 50)
	tl.Add("elderly.management", "110101001102", y2024, 10, 20)
	tl.Add("elderly.management", "110101002101", y2024, 30, 40)
	tw := tl.RollUp(LevelTownship)
	c, _ := tw.Get(Key{"elderly.management", "110101001", y2024})
	assert.Equal(t, Counts{55, 70}, c) // 45+10, 50+20
	c, _ = tw.Get(Key{"elderly.management", "110101002", y2024})
	assert.Equal(t, Counts{30, 40}, c)
	co := tw.RollUp(LevelCounty)
	r, ok := co.Rate("elderly.management", "110101", y2024)
	require.True(t, ok)
	assert.Equal(t, Rate{85, 110, Percent}, r)
	// 85 × 100 ÷ 110 = 77.27…% → 77.3%.
	assert.Equal(t, "77.3%", r.String())
	pr := co.RollUp(LevelProvince)
	assert.Equal(t, []Key{{"elderly.management", "11", y2024}}, pr.Keys())
	// A cell already above the level is kept.
	assert.True(t, pr.RollUp(LevelCounty).Equal(pr))
}

func TestTallyKeysAndAll(t *testing.T) {
	tl := NewTally(0)
	tl.Add("b.x", "12", y2024, 1, 0)
	tl.Add("a.x", "13", y2024, 1, 0)
	tl.Add("a.x", "12", y2024, 2, 0)
	keys := tl.Keys()
	assert.Equal(t, []Key{{"a.x", "12", y2024}, {"a.x", "13", y2024}, {"b.x", "12", y2024}}, keys)
	n := 0
	for k, c := range tl.All() {
		if n == 0 {
			assert.Equal(t, keys[0], k)
			assert.Equal(t, Counts{2, 0}, c)
		}
		n++
		break
	}
	assert.Equal(t, 1, n)
	assert.True(t, tl.Clone().Equal(tl))
}

func TestFill(t *testing.T) {
	type visit struct {
		unit Unit
		done bool
	}
	seq := func(vs []visit, fail error) iter.Seq2[visit, error] {
		return func(yield func(visit, error) bool) {
			for _, v := range vs {
				if !yield(v, nil) {
					return
				}
			}
			if fail != nil {
				yield(visit{}, fail)
			}
		}
	}
	count := func(s Sink, v visit) {
		var n int64
		if v.done {
			n = 1
		}
		s.Add("child.newborn_visit", v.unit, y2024, n, 1)
	}
	tl := NewTally(0)
	vs := []visit{{village, true}, {village, false}, {village, true}}
	require.NoError(t, Fill(tl, seq(vs, nil), count))
	c, _ := tl.Get(Key{"child.newborn_visit", village, y2024})
	assert.Equal(t, Counts{2, 3}, c)
	boom := errors.New("store failed")
	assert.ErrorIs(t, Fill(NewTally(0), seq(vs, boom), count), boom)
}

func TestUnits(t *testing.T) {
	u, err := ParseUnit("１１０１０１００１１０１") // full-width digits typed through an IME
	require.NoError(t, err)
	assert.Equal(t, Unit("110101001101"), u)
	assert.Equal(t, LevelVillage, u.Level())
	p, ok := u.Parent()
	assert.True(t, ok)
	assert.Equal(t, Unit("110101001"), p)
	p, _ = p.Parent()
	assert.Equal(t, Unit("110101"), p)
	p, _ = p.Parent()
	assert.Equal(t, Unit("1101"), p)
	p, _ = p.Parent()
	assert.Equal(t, Unit("11"), p)
	_, ok = p.Parent()
	assert.False(t, ok)
	a, ok := u.Ancestor(LevelTownship)
	assert.True(t, ok)
	assert.Equal(t, Unit("110101001"), a)
	_, ok = Unit("110101").Ancestor(LevelVillage)
	assert.False(t, ok)
	assert.True(t, Unit("1101").Contains(u))
	assert.False(t, Unit("1102").Contains(u))
	assert.False(t, u.Contains("1101"))

	for _, bad := range []string{"", "1", "123", "12345", "1101010011", "11010100110x", "001234", "１２ａ"} {
		_, err := ParseUnit(bad)
		assert.ErrorIs(t, err, gongwei.ErrInvalid, bad)
	}
	for in, want := range map[string]Unit{"110000": "11", "110100": "1101", "110101": "110101"} {
		got, err := UnitOfDivision(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err = UnitOfDivision("110101001")
	assert.Error(t, err)
	assert.Equal(t, "township", LevelTownship.String())
}

func FuzzParseUnit(f *testing.F) {
	for _, s := range []string{"11", "110101001101", "１１０１", "11-01", "abc", "00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUnit(s)
		if err != nil {
			if len(s) >= 4 && strings.Contains(err.Error(), s) {
				t.Fatalf("error echoes its input")
			}
			return
		}
		if u.Level() == 0 {
			t.Fatalf("parsed unit %q has no level", u)
		}
		v, err := ParseUnit(string(u))
		if err != nil || v != u {
			t.Fatalf("round trip %q → %q, %v", u, v, err)
		}
		if p, ok := u.Parent(); ok && !p.Contains(u) {
			t.Fatalf("parent %q does not contain %q", p, u)
		}
	})
}

func TestLatestHandExample(t *testing.T) {
	// Blood-pressure control (nbphs-spec §7.5), three managed patients in 2024:
	//   A: 2024-03-10 uncontrolled, 2024-11-02 controlled → latest controlled;
	//   B: 2024-02-01 controlled, 2025-01-05 uncontrolled (outside the year, ignored) →
	//      latest controlled;
	//   C: 2023-12-20 controlled only (outside the year) → no follow-up in the year,
	//      counted as not controlled.
	// Numerator 2, denominator 3 (the managed patients): 66.666…% → 66.7%.
	l := NewLatest[bool](y2024)
	assert.True(t, l.Observe("A", gongwei.MustParseDate("2024-11-02"), "f2", true))
	assert.True(t, l.Observe("A", gongwei.MustParseDate("2024-03-10"), "f1", false))
	assert.True(t, l.Observe("B", gongwei.MustParseDate("2024-02-01"), "f3", true))
	assert.False(t, l.Observe("B", gongwei.MustParseDate("2025-01-05"), "f4", false))
	assert.False(t, l.Observe("C", gongwei.MustParseDate("2023-12-20"), "f5", true))
	tl := NewTally(0)
	for _, patient := range []string{"A", "B", "C"} {
		var num int64
		if o, ok := l.Get(patient); ok && o.Value {
			num = 1
		}
		tl.Add("ht.bp_control", village, y2024, num, 1)
	}
	r, _ := tl.Rate("ht.bp_control", village, y2024)
	assert.Equal(t, "66.7%", r.String())
	assert.Equal(t, 2, l.Len())
	var subjects []string
	for s := range l.All() {
		subjects = append(subjects, s)
	}
	assert.Equal(t, []string{"A", "B"}, subjects)
	assert.Equal(t, y2024, l.Period())
}

func TestLatestTieBreakAndMergeProperties(t *testing.T) {
	d := gongwei.MustParseDate("2024-06-01")
	l := NewLatest[int](y2024)
	l.Observe("A", d, "r2", 2)
	l.Observe("A", d, "r1", 1) // same date: the greater record ID wins
	o, _ := l.Get("A")
	assert.Equal(t, 2, o.Value)

	type obs struct {
		subject string
		date    gongwei.Date
		id      string
		v       int
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start := gongwei.MustParseDate("2023-12-01")
	for trial := range 100 {
		var all []obs
		for i := range 60 {
			all = append(all, obs{string(rune('A' + rng.IntN(5))), start.AddDays(rng.IntN(400)), string(rune('a' + rng.IntN(3))), i})
		}
		// Fix the value of each (date, id) pair of a subject: an observation is identified
		// by them.
		val := map[[3]string]int{}
		for i, o := range all {
			k := [3]string{o.subject, o.date.String(), o.id}
			if v, ok := val[k]; ok {
				all[i].v = v
			} else {
				val[k] = o.v
			}
		}
		single := NewLatest[int](y2024)
		for _, o := range all {
			single.Observe(o.subject, o.date, o.id, o.v)
		}
		shuffled := append([]obs(nil), all...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		a, b, c := NewLatest[int](y2024), NewLatest[int](y2024), NewLatest[int](y2024)
		for i, o := range shuffled {
			[]*Latest[int]{a, b, c}[i%3].Observe(o.subject, o.date, o.id, o.v)
		}
		ab := NewLatest[int](y2024)
		ab.Merge(a)
		ab.Merge(b)
		ab.Merge(c)
		cb := NewLatest[int](y2024)
		cb.Merge(c)
		cb.Merge(b)
		cb.Merge(a)
		assert.Equal(t, single.m, ab.m, "trial %d", trial)
		assert.Equal(t, single.m, cb.m, "trial %d", trial)
	}
}

func TestEstimate(t *testing.T) {
	ht := Estimate{Share: dec("0.85"), Prevalence: dec("0.188")}
	dm := Estimate{Share: dec("0.85"), Prevalence: dec("0.097")}
	tests := []struct {
		e    Estimate
		pop  int64
		want int64
	}{
		{ht, 10000, 1598}, // 10000 × 0.85 = 8500; × 0.188 = 1598.0
		{ht, 1234, 197},   // 1234 × 0.85 = 1048.9; × 0.188 = 197.1932 → 197
		{dm, 10000, 825},  // 8500 × 0.097 = 824.5 → 825 (half-up)
		{Estimate{Prevalence: dec("0.125")}, 100, 13}, // share 1: 12.5 → 13
		{ht, 0, 0},
	}
	for _, tt := range tests {
		got, err := tt.e.Patients(tt.pop)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%v × %d", tt.e, tt.pop)
	}
	for _, bad := range []Estimate{{Prevalence: dec("1.5")}, {Prevalence: dec("-0.1")}, {Share: dec("2"), Prevalence: dec("0.1")}} {
		_, err := bad.Patients(100)
		assert.ErrorIs(t, err, gongwei.ErrInvalid)
	}
	_, err := ht.Patients(-1)
	assert.ErrorIs(t, err, gongwei.ErrInvalid)
}
