package indicators_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// countyShards computes a synthetic county of 4,000 residents township by township
// (one tally per township, as separate processes would) and in one pass, and applies
// the census figures to both.
func countyShards(t *testing.T) (shards []*indicators.Tally, whole *indicators.Tally, pops []indicators.Population, p gongwei.Period) {
	t.Helper()
	c, err := synth.New(synth.DefaultConfig(4000))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p = c.Period()
	for _, v := range c.Census() {
		pops = append(pops, indicators.Population{Unit: indicators.Unit(v.Village), Residents: v.Residents, Households: v.Households})
	}
	whole = indicators.NewTally(0)
	if err := indicators.ComputeSubjects(ctx, c.Subjects(ctx, 0, c.Config().Residents), p, nil, whole); err != nil {
		t.Fatal(err)
	}
	for tw := 1; tw <= c.Config().Townships; tw++ {
		from, to := c.TownshipRange(tw)
		shard := indicators.NewTally(0)
		if err := indicators.ComputeSubjects(ctx, c.Subjects(ctx, from, to), p, nil, shard); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, shard)
	}
	// The census replaces denominators village by village: apply each village's
	// figures in the shard holding it, and all of them to the whole.
	for _, s := range shards {
		var mine []indicators.Population
		for _, pop := range pops {
			if _, ok := s.Get(indicators.Key{Code: "record.coverage", Unit: pop.Unit, Period: p}); ok {
				mine = append(mine, pop)
			}
		}
		if err := s.ApplyPopulation(p, mine...); err != nil {
			t.Fatal(err)
		}
	}
	if err := whole.ApplyPopulation(p, pops...); err != nil {
		t.Fatal(err)
	}
	return shards, whole, pops, p
}

func roundTrip(t *testing.T, in *indicators.Tally) *indicators.Tally {
	t.Helper()
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	out := indicators.NewTally(0)
	if err := json.Unmarshal(b, out); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, again) {
		t.Fatal("the decoded tally encodes to other bytes")
	}
	return out
}

// TestTallyJSONRoundTrip: a county's tally — every indicator of the year, zero cells,
// census denominators, counts with no denominator — decodes to an equal tally, cell by
// cell, and the township shards decoded merge to the county computed in one pass.
func TestTallyJSONRoundTrip(t *testing.T) {
	shards, whole, pops, p := countyShards(t)

	got := roundTrip(t, whole)
	if !got.Equal(whole) || got.Len() != whole.Len() || whole.Len() < 200 {
		t.Fatalf("round trip: %d cells, want %d equal cells", got.Len(), whole.Len())
	}
	for k, want := range whole.All() {
		if c, ok := got.Get(k); !ok || c != want {
			t.Fatalf("%v: decoded %+v, want %+v", k, c, want)
		}
	}

	// Real figures survive: every village's coverage and household cells hold its
	// census figures as denominators (set after the count), with the counted numerators.
	for _, pop := range pops {
		cov, ok1 := got.Get(indicators.Key{Code: "record.coverage", Unit: pop.Unit, Period: p})
		hh, ok2 := got.Get(indicators.Key{Code: "record.household", Unit: pop.Unit, Period: p})
		if !ok1 || !ok2 || cov.Den != pop.Residents || hh.Den != pop.Households || cov.Num <= 0 || cov.Num > cov.Den {
			t.Fatalf("%s: coverage %+v, households %+v; census %d residents, %d households", pop.Unit, cov, hh, pop.Residents, pop.Households)
		}
	}

	decoded := make([]*indicators.Tally, len(shards))
	for i, s := range shards {
		decoded[i] = roundTrip(t, s)
		if !decoded[i].Equal(s) {
			t.Fatalf("shard %d differs after the round trip", i)
		}
	}
	if !indicators.Merge(decoded...).Equal(indicators.Merge(shards...)) {
		t.Fatal("the decoded shards merge to another tally than the shards")
	}
	if !indicators.Merge(decoded...).Equal(whole) {
		t.Fatal("the decoded shards do not merge to the county computed in one pass")
	}
	if !indicators.Merge(decoded...).RollUp(indicators.LevelCounty).Equal(whole.RollUp(indicators.LevelCounty)) {
		t.Fatal("the county roll-up differs")
	}
}

// TestTallyJSONEdges: an empty tally, a nil one, zero periods and units, negative
// counts and the extremes of int64 all come back exactly.
func TestTallyJSONEdges(t *testing.T) {
	var empty indicators.Tally
	if got := roundTrip(t, &empty); got.Len() != 0 {
		t.Fatalf("empty: %d cells", got.Len())
	}
	b, err := json.Marshal((*indicators.Tally)(nil))
	if err != nil || string(b) != "null" {
		t.Fatalf("nil tally: %s, %v", b, err)
	}

	in := indicators.NewTally(0)
	in.Add("record.coverage", "", gongwei.Period{}, 0, 0)
	in.Add("x", "410523001001", gongwei.Year(2025), -3, 9223372036854775807)
	in.Add("x", "410523001001", gongwei.Quarter(2025, 4), -9223372036854775808, 1)
	in.Add("", "4105", gongwei.Days(gongwei.MustDate(1, 1, 1), 1), 1, 0)
	in.SetDenominator("record.household", "410523001001", gongwei.Year(2025), 310)
	if got := roundTrip(t, in); !got.Equal(in) || got.Len() != 5 {
		t.Fatalf("edges: %d cells, not equal", got.Len())
	}

	// Decoding replaces what the tally held.
	held := indicators.NewTally(0)
	held.Add("y", "", gongwei.Year(2024), 1, 1)
	b, _ = json.Marshal(in)
	if err := json.Unmarshal(b, held); err != nil || !held.Equal(in) {
		t.Fatalf("decoding into a filled tally: %v", err)
	}
}

// TestTallyJSONRefused: text that is not a tally's JSON form is refused with a
// *TallyEncodingError wrapping gongwei.ErrInvalid, and the tally is left as it was.
func TestTallyJSONRefused(t *testing.T) {
	const cell = `{"code":"a","unit":"410523001001","start":"2025-01-01","end":"2026-01-01","num":1,"den":2}`
	for _, tc := range []struct {
		name, text string
		cell       int
	}{
		{"malformed", `{"format":"gongwei-tally/1","cells":[`, -1},
		{"not an object", `[1,2]`, -1},
		{"no format", `{"cells":[]}`, -1},
		{"other format", `{"format":"gongwei-tally/2","cells":[]}`, -1},
		{"unknown member", `{"format":"gongwei-tally/1","cells":[],"x":1}`, -1},
		{"unknown cell member", `{"format":"gongwei-tally/1","cells":[{"code":"a","rate":0.5}]}`, -1},
		{"fraction", `{"format":"gongwei-tally/1","cells":[{"code":"a","num":1.5}]}`, -1},
		{"out of range", `{"format":"gongwei-tally/1","cells":[{"code":"a","den":9223372036854775808}]}`, -1},
		{"count as text", `{"format":"gongwei-tally/1","cells":[{"code":"a","num":"1"}]}`, -1},
		{"bad date", `{"format":"gongwei-tally/1","cells":[{"code":"a","start":"2025-02-30"}]}`, -1},
		{"date as number", `{"format":"gongwei-tally/1","cells":[{"code":"a","start":20250101}]}`, -1},
		{"repeated cell", `{"format":"gongwei-tally/1","cells":[` + cell + `,` + cell + `]}`, 1},
		{"trailing data", `{"format":"gongwei-tally/1","cells":[]} {}`, -1},
		{"trailing bracket", `{"format":"gongwei-tally/1","cells":[]}]`, -1},
		{"empty", ``, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tally := indicators.NewTally(0)
			tally.Add("kept", "", gongwei.Year(2025), 7, 8)
			err := tally.UnmarshalJSON([]byte(tc.text))
			var te *indicators.TallyEncodingError
			if !errors.As(err, &te) || !errors.Is(err, gongwei.ErrInvalid) || !errors.Is(err, indicators.ErrTallyEncoding) {
				t.Fatalf("error %v, want a *TallyEncodingError wrapping gongwei.ErrInvalid", err)
			}
			if te.Cell != tc.cell {
				t.Errorf("cell %d, want %d", te.Cell, tc.cell)
			}
			if c, ok := tally.Get(indicators.Key{Code: "kept", Period: gongwei.Year(2025)}); !ok || tally.Len() != 1 || c != (indicators.Counts{Num: 7, Den: 8}) {
				t.Error("the tally changed")
			}
		})
	}
}

// FuzzTallyUnmarshal: decoding never panics; what it accepts is a tally whose JSON form
// decodes to an equal tally, and what it refuses is refused with a *TallyEncodingError.
func FuzzTallyUnmarshal(f *testing.F) {
	in := indicators.NewTally(0)
	in.Add("record.coverage", "410523001001", gongwei.Year(2025), 812, 930)
	in.Add("imm.coverage/HepB3", "410523001002", gongwei.Quarter(2025, 1), 0, 12)
	in.Add("edu.lectures", "410523001", gongwei.Period{}, 14, 0)
	good, _ := json.Marshal(in)
	f.Add(good)
	f.Add([]byte(`{"format":"gongwei-tally/1","cells":[]}`))
	f.Add([]byte(`{"format":"gongwei-tally/1","cells":null}`))
	f.Add([]byte(`{"format":"gongwei-tally/1","cells":[{"code":"a","start":null,"end":"2025-01-01","num":-1,"den":0}]}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"format":1}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tally indicators.Tally
		err := tally.UnmarshalJSON(b)
		if err != nil {
			var te *indicators.TallyEncodingError
			if !errors.As(err, &te) || !errors.Is(err, gongwei.ErrInvalid) {
				t.Fatalf("error %v is not a *TallyEncodingError", err)
			}
			return
		}
		out, err := json.Marshal(&tally)
		if err != nil {
			return // a date decoded that cannot be encoded: refused on the way out
		}
		var again indicators.Tally
		if err := again.UnmarshalJSON(out); err != nil || !again.Equal(&tally) {
			t.Fatalf("re-encoded tally does not decode equal: %v", err)
		}
	})
}
