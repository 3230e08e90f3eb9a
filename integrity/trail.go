package integrity

import (
	"context"
	"fmt"

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

// checkTrail streams the audit trail of within once and applies the rules on it:
// services after death, departed staff, bursts, nights, daily workloads and follow-ups
// in two places. What it holds is per account, per account-day and per finding, and
// the runs of one village (track).
func checkTrail(ctx context.Context, audit healthrecord.AuditStore, within gongwei.Division,
	deaths map[healthrecord.ResidentID]gongwei.Date, left map[string]gongwei.Date, th Thresholds) ([]Finding, error) {
	afterDeath := make(map[healthrecord.ResidentID]*acc)
	departed := make(map[string]*acc)
	nights := make(map[staffDay]*acc)
	days := make(map[staffDay]int32) // face-to-face services
	over := make(map[staffDay]*overDay)
	created := make(map[string]*track)
	visits := make(map[string]*track)
	var pending []*track
	var village gongwei.Division // the village the trail is in
	endRuns := func() {
		for _, t := range pending {
			t.pending = false
			if t.bursts {
				t.endBursts(th)
			} else {
				t.endVisits(th)
			}
		}
		pending = pending[:0]
	}
	for e, err := range audit.Audit(ctx, healthrecord.AuditFilter{Division: within}) {
		if err != nil {
			return nil, fmt.Errorf("integrity: check: audit trail: %w", err)
		}
		if e.Division != village {
			endRuns()
			village = e.Division
		}
		if d, ok := deaths[e.Resident]; ok && services[e.Kind] && e.Op != healthrecord.AuditClose && e.Date.After(d) {
			a := afterDeath[e.Resident]
			if a == nil {
				a = &acc{f: Finding{Rule: RuleAfterDeath, Village: e.Division, Staff: e.Actor.Staff, Resident: e.Resident, Day: d}, limit: th.Listed}
				afterDeath[e.Resident] = a
			}
			a.add(e.Kind + ":" + e.ID)
		}
		staff := e.Actor.Staff
		if staff == "" {
			continue // a migration's unattributed write
		}
		local := e.Time.In(gongwei.Shanghai())
		day := civil(local)
		if l, ok := left[staff]; ok && day.After(l) {
			a := departed[staff]
			if a == nil {
				a = &acc{f: Finding{Rule: RuleDepartedStaff, Village: e.Division, Staff: staff, Day: l}, limit: th.Listed}
				departed[staff] = a
			}
			a.add(e.Kind + ":" + e.ID)
		}
		if e.Op != healthrecord.AuditCreate {
			continue
		}
		switch {
		case e.Kind == "healthrecord.Resident":
			rec := e.Kind + ":" + e.ID
			t := created[staff]
			if t == nil {
				t = newTrack(staff, e.Actor.Within, true)
				created[staff] = t
			}
			if t.addCreation(creation{at: local.Unix(), village: e.Division, rec: rec}, th) && !t.pending {
				t.pending = true
				pending = append(pending, t)
			}
			if h := local.Hour(); inNight(h, th) {
				night := day
				if h < th.NightTo {
					night = day.AddDays(-1) // the night that began the evening before
				}
				k := staffDay{staff, night}
				a := nights[k]
				if a == nil {
					a = &acc{f: Finding{Rule: RuleNight, Village: e.Division, Staff: staff, Day: night}, limit: th.Listed}
					nights[k] = a
				}
				a.add(rec)
			}
		case e.Kind == "chronic.Visit" && e.Division != "":
			t := visits[staff]
			if t == nil {
				t = newTrack(staff, e.Actor.Within, false)
				visits[staff] = t
			}
			if t.addVisit(creation{at: local.Unix(), village: e.Division, rec: e.Kind + ":" + e.ID}, th) && !t.pending {
				t.pending = true
				pending = append(pending, t)
			}
		}
		if faceToFace[e.Kind] && !e.Date.IsZero() {
			k := staffDay{staff, e.Date}
			n := days[k] + 1
			days[k] = n
			if int(n) > th.MaxDailyServices {
				o := over[k]
				if o == nil {
					o = &overDay{village: e.Division}
					over[k] = o
				}
				if len(o.recs) < th.Listed {
					o.recs = append(o.recs, e.Kind+":"+e.ID)
				}
			}
		}
	}
	endRuns()

	var out []Finding
	for _, a := range afterDeath {
		out = append(out, a.f)
	}
	for _, a := range departed {
		out = append(out, a.f)
	}
	for _, a := range nights {
		if a.f.Count >= th.NightCount {
			out = append(out, a.f)
		}
	}
	for k, o := range over {
		out = append(out, Finding{Rule: RuleWorkload, Village: o.village, Staff: k.staff, Day: k.day, Count: int(days[k]), Records: o.recs})
	}
	for _, t := range created {
		if t.hasFound {
			out = append(out, t.found)
		}
	}
	for _, t := range visits {
		if t.hasFound {
			out = append(out, t.found)
		}
	}
	return out, nil
}
