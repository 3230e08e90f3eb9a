package integrity

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// dayCount counts one account's face-to-face services of one day. It lists the
// records only from the count that a day over the limit needs to list th.Listed of
// them, so that the days within the limit hold no record.
type dayCount struct {
	village gongwei.Division
	n       int
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
	days := make(map[staffDay]*dayCount)
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
	startListing := th.MaxDailyServices + 1 - th.Listed
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
			d := days[k]
			if d == nil {
				d = &dayCount{village: e.Division}
				days[k] = d
			}
			d.n++
			if d.n >= startListing && len(d.recs) < th.Listed {
				d.recs = append(d.recs, e.Kind+":"+e.ID)
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
	for k, d := range days {
		if d.n > th.MaxDailyServices {
			out = append(out, Finding{Rule: RuleWorkload, Village: d.village, Staff: k.staff, Day: k.day, Count: d.n,
				Records: d.recs[:min(len(d.recs), th.Listed)]})
		}
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
