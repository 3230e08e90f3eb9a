package integrity

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// measures are a checkup's measured values (一般状况): temperature, pulse, respiration,
// both arms' blood pressures, height, weight and waist, in tenths where they have them.
type measures struct {
	temp, pulse, resp, sbpL, dbpL, sbpR, dbpR, height, weight, waist int64
}

// measuresOf returns c's measures, and false when one is missing (a form not filled in
// cannot show a copy).
func measuresOf(c *healthrecord.Checkup) (measures, bool) {
	g := &c.General
	ints := []*int{g.Pulse, g.Respiration, g.BPLeft.Systolic, g.BPLeft.Diastolic, g.BPRight.Systolic, g.BPRight.Diastolic}
	floats := []*float64{g.Temperature, g.Height, g.Weight, g.Waist}
	for _, p := range ints {
		if p == nil {
			return measures{}, false
		}
	}
	for _, p := range floats {
		if p == nil {
			return measures{}, false
		}
	}
	tenths := func(x *float64) int64 { return int64(*x*10 + 0.5) }
	return measures{temp: tenths(g.Temperature), pulse: int64(*g.Pulse), resp: int64(*g.Respiration),
		sbpL: int64(*g.BPLeft.Systolic), dbpL: int64(*g.BPLeft.Diastolic), sbpR: int64(*g.BPRight.Systolic), dbpR: int64(*g.BPRight.Diastolic),
		height: tenths(g.Height), weight: tenths(g.Weight), waist: tenths(g.Waist)}, true
}

// checkupCheck applies RuleClonedCheckups: checkups of different residents of one
// village with the same measures. The checkups come village by village (their IDs
// begin with the resident's); what it holds is one village's measures.
type checkupCheck struct {
	th      Thresholds
	within  gongwei.Division
	village gongwei.Division
	seen    map[measures]*cloned
	out     []Finding
}

// cloned gathers the checkups with one set of measures.
type cloned struct {
	f         Finding
	residents map[healthrecord.ResidentID]bool
}

func newCheckupCheck(within gongwei.Division, th Thresholds) *checkupCheck {
	return &checkupCheck{th: th, within: within, seen: make(map[measures]*cloned)}
}

func (cc *checkupCheck) add(c *healthrecord.Checkup) {
	if len(c.Resident) < 12 {
		return
	}
	v := gongwei.Division(c.Resident[:12])
	if cc.within != "" && !cc.within.Contains(v) {
		return
	}
	m, ok := measuresOf(c)
	if !ok {
		return
	}
	if v != cc.village {
		cc.flush()
		cc.village = v
	}
	x := cc.seen[m]
	if x == nil {
		x = &cloned{f: Finding{Rule: RuleClonedCheckups, Village: v}, residents: make(map[healthrecord.ResidentID]bool)}
		cc.seen[m] = x
	}
	if x.residents[c.Resident] {
		return // one resident measured alike twice is not a copy between residents
	}
	x.residents[c.Resident] = true
	x.f.Count++
	if len(x.f.Records) < cc.th.Listed {
		x.f.Records = append(x.f.Records, "healthrecord.Checkup:"+string(c.ID))
	}
}

// flush ends the village's checkups.
func (cc *checkupCheck) flush() {
	for _, x := range cc.seen {
		if x.f.Count >= 2 {
			cc.out = append(cc.out, x.f)
		}
	}
	clear(cc.seen)
}

func (cc *checkupCheck) findings() []Finding {
	cc.flush()
	return cc.out
}
