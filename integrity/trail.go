package integrity

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// overDay is an account's day over the limit of face-to-face services: the village of
// the first service over it, and the services over it (at most th.Listed), the ones
// that could not have been given.
type overDay struct {
	village gongwei.Division
	recs    []string
}

// account is what the trail's rules keep of one staff account.
type account struct {
	created, visits *track
	days            dayCounts // face-to-face services a day
	over            map[gongwei.Date]*overDay
	nights          map[gongwei.Date]*acc
	departed        *acc
}

// trailCheck applies the rules on the audit trail, one entry at a time: services after
// death, departed staff, bursts, nights, daily workloads and follow-ups in two places.
// What it holds is per account, per account-day and per finding, and the runs of one
// village (track).
type trailCheck struct {
	th         Thresholds
	deaths     map[healthrecord.ResidentID]gongwei.Date
	left       map[string]gongwei.Date
	afterDeath map[healthrecord.ResidentID]*acc
	accounts   map[string]*account
	pending    []*track         // unordered runs, evaluated when the trail leaves the village
	village    gongwei.Division // the village the trail is in
}

func newTrailCheck(deaths map[healthrecord.ResidentID]gongwei.Date, left map[string]gongwei.Date, th Thresholds) *trailCheck {
	return &trailCheck{th: th, deaths: deaths, left: left,
		afterDeath: make(map[healthrecord.ResidentID]*acc), accounts: make(map[string]*account)}
}

// endRuns evaluates the runs held for the village the trail leaves.
func (tc *trailCheck) endRuns() {
	for _, t := range tc.pending {
		t.pending = false
		if t.bursts {
			t.endBursts(tc.th)
		} else {
			t.endVisits(tc.th)
		}
	}
	tc.pending = tc.pending[:0]
}

func (tc *trailCheck) hold(t *track, pending bool) {
	if pending && !t.pending {
		t.pending = true
		tc.pending = append(tc.pending, t)
	}
}

// add applies the rules to e.
func (tc *trailCheck) add(e *healthrecord.AuditEntry) {
	th := tc.th
	if e.Division != tc.village {
		tc.endRuns()
		tc.village = e.Division
	}
	if d, ok := tc.deaths[e.Resident]; ok && services[e.Kind] && e.Op != healthrecord.AuditClose && e.Date.After(d) {
		a := tc.afterDeath[e.Resident]
		if a == nil {
			a = &acc{f: Finding{Rule: RuleAfterDeath, Village: e.Division, Staff: e.Actor.Staff, Resident: e.Resident, Day: d}, limit: th.Listed}
			tc.afterDeath[e.Resident] = a
		}
		a.add(e.Kind + ":" + e.ID)
	}
	staff := e.Actor.Staff
	if staff == "" {
		return // a migration's unattributed write
	}
	ac := tc.accounts[staff]
	if ac == nil {
		ac = &account{}
		tc.accounts[staff] = ac
	}
	local := e.Time.In(gongwei.Shanghai())
	day := civil(local)
	if l, ok := tc.left[staff]; ok && day.After(l) {
		if ac.departed == nil {
			ac.departed = &acc{f: Finding{Rule: RuleDepartedStaff, Village: e.Division, Staff: staff, Day: l}, limit: th.Listed}
		}
		ac.departed.add(e.Kind + ":" + e.ID)
	}
	if e.Op != healthrecord.AuditCreate {
		return
	}
	switch {
	case e.Kind == "healthrecord.Resident":
		rec := e.Kind + ":" + e.ID
		if ac.created == nil {
			ac.created = newTrack(staff, e.Actor.Within, true)
		}
		tc.hold(ac.created, ac.created.addCreation(creation{at: local.Unix(), village: e.Division, rec: rec}, th))
		if h := local.Hour(); inNight(h, th) {
			night := day
			if h < th.NightTo {
				night = day.AddDays(-1) // the night that began the evening before
			}
			if ac.nights == nil {
				ac.nights = make(map[gongwei.Date]*acc)
			}
			a := ac.nights[night]
			if a == nil {
				a = &acc{f: Finding{Rule: RuleNight, Village: e.Division, Staff: staff, Day: night}, limit: th.Listed}
				ac.nights[night] = a
			}
			a.add(rec)
		}
	case e.Kind == "chronic.Visit" && e.Division != "":
		if ac.visits == nil {
			ac.visits = newTrack(staff, e.Actor.Within, false)
		}
		tc.hold(ac.visits, ac.visits.addVisit(creation{at: local.Unix(), village: e.Division, rec: e.Kind + ":" + e.ID}, th))
	}
	if faceToFace[e.Kind] && !e.Date.IsZero() {
		if n := ac.days.inc(e.Date); int(n) > th.MaxDailyServices {
			if ac.over == nil {
				ac.over = make(map[gongwei.Date]*overDay)
			}
			o := ac.over[e.Date]
			if o == nil {
				o = &overDay{village: e.Division}
				ac.over[e.Date] = o
			}
			if len(o.recs) < th.Listed {
				o.recs = append(o.recs, e.Kind+":"+e.ID)
			}
		}
	}
}

// findings ends the runs held and returns the findings.
func (tc *trailCheck) findings() []Finding {
	tc.endRuns()
	var out []Finding
	for _, a := range tc.afterDeath {
		out = append(out, a.f)
	}
	for staff, ac := range tc.accounts {
		if ac.departed != nil {
			out = append(out, ac.departed.f)
		}
		for _, a := range ac.nights {
			if a.f.Count >= tc.th.NightCount {
				out = append(out, a.f)
			}
		}
		for day, o := range ac.over {
			out = append(out, Finding{Rule: RuleWorkload, Village: o.village, Staff: staff, Day: day, Count: int(ac.days.get(day)), Records: o.recs})
		}
		for _, t := range []*track{ac.created, ac.visits} {
			if t != nil && t.hasFound {
				out = append(out, t.found)
			}
		}
	}
	return out
}

// denseDays is the most days a dayCounts holds as an array; days beyond go to a map.
const denseDays = 8192

// dayCounts counts per day: an array over the days from the first seen (a few years of
// a trail), and a map for days far from them.
type dayCounts struct {
	base gongwei.Date
	n    []int32
	far  map[gongwei.Date]int32
}

// inc adds one to day's count and returns it.
func (d *dayCounts) inc(day gongwei.Date) int32 {
	if len(d.n) == 0 {
		d.base = day
	}
	i := d.base.DaysUntil(day)
	switch {
	case i < 0 && len(d.n)-i <= denseDays:
		n := make([]int32, len(d.n)-i, max(len(d.n)-i, 2*len(d.n)))
		copy(n[-i:], d.n)
		d.n, d.base, i = n, day, 0
	case i >= len(d.n) && i < denseDays:
		d.n = append(d.n, make([]int32, i-len(d.n)+1)...)
	}
	if i < 0 || i >= len(d.n) {
		if d.far == nil {
			d.far = make(map[gongwei.Date]int32)
		}
		d.far[day]++
		return d.far[day]
	}
	d.n[i]++
	return d.n[i]
}

// get returns day's count.
func (d *dayCounts) get(day gongwei.Date) int32 {
	if i := d.base.DaysUntil(day); len(d.n) > 0 && i >= 0 && i < len(d.n) {
		return d.n[i]
	}
	return d.far[day]
}
