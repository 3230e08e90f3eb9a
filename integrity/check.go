package integrity

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Staff is one account of the host's staff register.
type Staff struct {
	// ID is the staff ID, as in gongwei.Actor.Staff.
	ID string
	// Left is the day the holder left; the zero Date while in post.
	Left gongwei.Date
}

// Death is a death registration the host receives (civil registry, hospital).
type Death struct {
	Resident healthrecord.ResidentID
	Date     gongwei.Date
}

// Sources are what Check reads. Audit is required; the others are optional, and the rules
// that need one that is missing are not applied.
type Sources struct {
	// Audit is the audit trail, streamed once for the division.
	Audit healthrecord.AuditStore
	// Records gives the residents' closures: a closure by death counts as a death.
	Records healthrecord.Store
	// Chronic gives the hypertension follow-ups' readings.
	Chronic chronic.Store
	// Deaths are the host's death registrations.
	Deaths []Death
	// Staff is the staff register (who left, and when).
	Staff []Staff
	// Figures are the villages' indicator figures, for RuleQuota.
	Figures []Figure
	// Residents, when set, streams the residents in place of Records (a host's export, a
	// generated county), village by village as Records.Residents gives them.
	Residents iter.Seq2[*healthrecord.Resident, error]
	// FollowUps, when set, streams the hypertension patients with their follow-ups in
	// place of Chronic, village by village as Chronic.Patients gives them.
	FollowUps iter.Seq2[FollowUps, error]
}

// FollowUps are a chronic disease patient and their follow-ups, as Sources.FollowUps
// streams them.
type FollowUps struct {
	Patient *chronic.Patient
	Visits  []*chronic.Visit
}

// Figure is one indicator's figure of one village, as the host computed it (from
// indicators.Compute, say): the count, its denominator and the target it is held to.
type Figure struct {
	Village   gongwei.Division
	Indicator string
	// Numerator and Denominator are the counts of the rate.
	Numerator, Denominator int64
	// Target is the rate to reach, as a share (0.6 for 60 %); 0 for none.
	Target float64
	// Estimate is the expected count the numerator is held to (the estimated patients
	// of a prevalence); 0 for none.
	Estimate int64
}

// atQuota reports whether f stops exactly where its target is met: its numerator the
// fewest that meets Target, or equal to Estimate.
func (f Figure) atQuota() bool {
	if f.Estimate > 0 && f.Numerator == f.Estimate {
		return true
	}
	if f.Target <= 0 || f.Denominator <= 0 {
		return false
	}
	need := int64(math.Ceil(f.Target*float64(f.Denominator) - 1e-9))
	return f.Numerator == need
}

// Finding is one thing to review. It names records, residents, villages and staff by ID
// only.
type Finding struct {
	Rule RuleCode
	// Village is the division of the records (a village's 12 digits), when known.
	Village gongwei.Division
	// Staff is the account concerned, when the rule is about one.
	Staff string
	// Resident is the resident concerned, when the rule is about one.
	Resident healthrecord.ResidentID
	// Day is the day concerned (a burst's, a night's, a workload's), when one.
	Day gongwei.Date
	// Count is how many records or readings the finding is about.
	Count int
	// Records lists records to review as "kind:ID" (at most Thresholds.Listed).
	Records []string
}

// key of a staff member's day.
type staffDay struct {
	staff string
	day   gongwei.Date
}

// acc accumulates one finding.
type acc struct {
	f     Finding
	limit int
}

func (a *acc) add(rec string) {
	a.f.Count++
	if len(a.f.Records) < a.limit {
		a.f.Records = append(a.f.Records, rec)
	}
}

// creation is a resident record's creation by an account.
type creation struct {
	at      int64 // Unix seconds
	village gongwei.Division
	rec     string
}

// Check applies every rule to the records of division within (a county's, a
// township's or a village's code; "" for all) and returns the findings, ordered by rule,
// village, staff, resident, day and records. A zero th means DefaultThresholds. Each
// source is streamed once; what Check keeps does not grow with the county: per account,
// per account-day, per death and per finding, and the records of one village at a time
// (its residents' phones, its patients' first readings, and an account's creations and
// follow-ups while the trail is in the village, when they do not come in time order).
// A store error stops it.
func Check(ctx context.Context, src Sources, within gongwei.Division, th Thresholds) ([]Finding, error) {
	if th == (Thresholds{}) {
		th = DefaultThresholds
	}
	if src.Audit == nil {
		return nil, fmt.Errorf("integrity: check: no audit trail: %w", gongwei.ErrInvalid)
	}
	deaths := make(map[healthrecord.ResidentID]gongwei.Date)
	died := func(id healthrecord.ResidentID, d gongwei.Date) {
		if old, ok := deaths[id]; !ok || d.Before(old) {
			deaths[id] = d
		}
	}
	for _, d := range src.Deaths {
		if !d.Date.IsZero() {
			died(d.Resident, d.Date)
		}
	}
	var out []Finding
	residents := src.Residents
	if residents == nil && src.Records != nil {
		residents = src.Records.Residents(ctx, healthrecord.ResidentFilter{Prefix: string(within)})
	}
	if residents != nil {
		// Residents come village by village (archive order): the phones of one village
		// are held at a time.
		var phones phoneRun
		for r, err := range residents {
			if err != nil {
				return nil, fmt.Errorf("integrity: check: residents: %w", err)
			}
			if within != "" && !within.Contains(gongwei.Division(r.Archive.Village())) {
				continue
			}
			if d := r.DeathDate(); !d.IsZero() {
				died(r.ID, d)
			}
			if v := gongwei.Division(r.Archive.Village()); v != phones.village {
				out = phones.flush(out, th)
				phones = phoneRun{village: v}
			}
			phones.add(r)
		}
		out = phones.flush(out, th)
	}
	out = append(out, quota(src.Figures, within, th)...)
	left := make(map[string]gongwei.Date)
	for _, s := range src.Staff {
		if !s.Left.IsZero() {
			left[s.ID] = s.Left
		}
	}

	fs, err := checkTrail(ctx, src.Audit, within, deaths, left, th)
	if err != nil {
		return nil, err
	}
	out = append(out, fs...)
	followUps := src.FollowUps
	if followUps == nil && src.Chronic != nil {
		followUps = storeFollowUps(ctx, src.Chronic, within)
	}
	if followUps != nil {
		fs, err := readings(followUps, within, th)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	slices.SortFunc(out, compareFindings)
	return out, nil
}

// compareFindings orders findings by rule (in Rules order), village, staff, resident, day
// and records.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(ruleIndex(a.Rule), ruleIndex(b.Rule)),
		strings.Compare(string(a.Village), string(b.Village)),
		strings.Compare(a.Staff, b.Staff),
		strings.Compare(string(a.Resident), string(b.Resident)),
		a.Day.Compare(b.Day),
		slices.Compare(a.Records, b.Records),
	)
}

func ruleIndex(c RuleCode) int {
	return slices.IndexFunc(Rules, func(r Rule) bool { return r.Code == c })
}

func civil(t time.Time) gongwei.Date {
	d, _ := gongwei.NewDate(t.Year(), t.Month(), t.Day())
	return d
}

func inNight(h int, th Thresholds) bool {
	if th.NightFrom > th.NightTo {
		return h >= th.NightFrom || h < th.NightTo
	}
	return h >= th.NightFrom && h < th.NightTo
}

// reading is one follow-up's vital signs.
type reading struct{ sbp, dbp, hr int }

// storeFollowUps streams the hypertension patients of within from s with their
// follow-ups.
func storeFollowUps(ctx context.Context, s chronic.Store, within gongwei.Division) iter.Seq2[FollowUps, error] {
	return func(yield func(FollowUps, error) bool) {
		for p, err := range s.Patients(ctx, chronic.PatientFilter{Prefix: string(within), Condition: chronic.Hypertension}) {
			if err != nil {
				yield(FollowUps{}, fmt.Errorf("patients: %w", err))
				return
			}
			fu := FollowUps{Patient: p}
			for v, err := range s.Visits(ctx, chronic.VisitFilter{Patient: p.ID}) {
				if err != nil {
					yield(FollowUps{}, fmt.Errorf("visits: %w", err))
					return
				}
				fu.Visits = append(fu.Visits, v)
			}
			if !yield(fu, nil) {
				return
			}
		}
	}
}

// readings applies the rules on hypertension follow-ups' readings: cloned series,
// constant readings and terminal-digit preference. Series are compared among the
// patients of one village (one doctor's list, where copying is done from the records
// at hand), the patients coming village by village: what it holds is one village's
// series and a tally per account.
func readings(fus iter.Seq2[FollowUps, error], within gongwei.Division, th Thresholds) ([]Finding, error) {
	type tally struct {
		village gongwei.Division
		n, zero int
	}
	type series [8]reading // th.SeriesLength <= 8 readings
	n := min(max(th.SeriesLength, 1), len(series{}))
	byStaff := make(map[string]*tally)
	seen := make(map[series]*acc)
	var village gongwei.Division
	var out []Finding
	flush := func() {
		for _, a := range seen {
			if a.f.Count >= 2 {
				out = append(out, a.f)
			}
		}
		clear(seen)
	}
	var rs []reading
	var recs []chronic.VisitID
	for fu, err := range fus {
		if err != nil {
			return nil, fmt.Errorf("integrity: check: %w", err)
		}
		p := fu.Patient
		if p == nil || p.Condition != chronic.Hypertension || (within != "" && !within.Contains(gongwei.Division(p.Village))) {
			continue
		}
		if v := gongwei.Division(p.Village); v != village {
			flush()
			village = v
		}
		rs, recs = rs[:0], recs[:0]
		for _, v := range fu.Visits {
			h := v.Hypertension
			if h == nil || h.Systolic == 0 {
				continue
			}
			rs = append(rs, reading{h.Systolic, h.Diastolic, h.HeartRate})
			recs = append(recs, v.ID)
			if staff := string(v.Provider.Staff); staff != "" {
				t := byStaff[staff]
				if t == nil {
					t = &tally{village: gongwei.Division(p.Village)}
					byStaff[staff] = t
				}
				for _, x := range []int{h.Systolic, h.Diastolic} {
					t.n++
					if x%10 == 0 {
						t.zero++
					}
				}
			}
		}
		if len(rs) >= n {
			var k series
			copy(k[:], rs[:n])
			a := seen[k]
			if a == nil {
				a = &acc{f: Finding{Rule: RuleClonedReadings, Village: gongwei.Division(p.Village)}, limit: th.Listed}
				seen[k] = a
			}
			a.add("chronic.Patient:" + string(p.ID))
		}
		if len(rs) >= th.ConstantVisits && allSameBP(rs) {
			f := Finding{Rule: RuleConstantReadings, Village: gongwei.Division(p.Village), Resident: p.Resident, Count: len(rs)}
			for _, id := range recs[:min(len(recs), th.Listed)] {
				f.Records = append(f.Records, "chronic.Visit:"+string(id))
			}
			out = append(out, f)
		}
	}
	flush()
	for staff, t := range byStaff {
		if t.n >= th.DigitMinReadings && float64(t.zero) >= th.DigitZeroShare*float64(t.n) {
			out = append(out, Finding{Rule: RuleDigitPreference, Village: t.village, Staff: staff, Count: t.zero})
		}
	}
	return out, nil
}

func allSameBP(rs []reading) bool {
	for _, r := range rs[1:] {
		if r.sbp != rs[0].sbp || r.dbp != rs[0].dbp {
			return false
		}
	}
	return true
}

// phoneRun holds one village's residents' mobile numbers.
type phoneRun struct {
	village gongwei.Division
	phones  []phone
}

type phone struct {
	n  int64
	id healthrecord.ResidentID
}

func (p *phoneRun) add(r *healthrecord.Resident) {
	s := r.Info.Phone.String()
	if len(s) != 11 {
		return
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return
		}
		n = n*10 + int64(s[i]-'0')
	}
	p.phones = append(p.phones, phone{n, r.ID})
}

// flush adds the village's longest run of consecutive numbers when it is long enough.
func (p *phoneRun) flush(out []Finding, th Thresholds) []Finding {
	ps := p.phones
	if len(ps) < th.SequentialPhones {
		return out
	}
	slices.SortFunc(ps, func(a, b phone) int { return cmp.Compare(a.n, b.n) })
	best, bestAt := 1, 0
	for i, run := 1, 1; i < len(ps); i++ {
		switch ps[i].n - ps[i-1].n {
		case 0:
			continue // a shared family number does not break a run
		case 1:
			run++
		default:
			run = 1
		}
		if run > best {
			best, bestAt = run, i-run+1
		}
	}
	if best < th.SequentialPhones {
		return out
	}
	f := Finding{Rule: RuleSequentialPhones, Village: p.village, Count: best}
	for _, x := range ps[bestAt:] {
		if len(f.Records) == min(best, th.Listed) {
			break
		}
		f.Records = append(f.Records, "healthrecord.Resident:"+string(x.id))
	}
	return append(out, f)
}

// quota flags the villages of within with th.QuotaFigures or more figures at quota.
func quota(figs []Figure, within gongwei.Division, th Thresholds) []Finding {
	at := make(map[gongwei.Division]*Finding)
	var order []gongwei.Division
	for _, f := range figs {
		if (within != "" && !within.Contains(f.Village)) || !f.atQuota() {
			continue
		}
		x := at[f.Village]
		if x == nil {
			x = &Finding{Rule: RuleQuota, Village: f.Village}
			at[f.Village] = x
			order = append(order, f.Village)
		}
		x.Count++
		x.Records = append(x.Records, "indicator:"+f.Indicator)
	}
	var out []Finding
	for _, v := range order {
		if x := at[v]; x.Count >= th.QuotaFigures {
			out = append(out, *x)
		}
	}
	return out
}
