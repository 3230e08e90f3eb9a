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

// Sources are what Check reads. Audit is required, unless People is set; the others are
// optional, and the rules that need one that is missing are not applied.
type Sources struct {
	// Audit is the audit trail, streamed once for the division.
	Audit healthrecord.AuditStore
	// Records gives the residents' closures (a closure by death counts as a death),
	// phones and checkups.
	Records healthrecord.Store
	// Chronic gives the hypertension follow-ups' readings.
	Chronic chronic.Store
	// Deaths are the host's death registrations.
	Deaths []Death
	// Staff is the staff register (who left, and when).
	Staff []Staff
	// Figures are the villages' indicator figures, for RuleQuota.
	Figures []Figure
	// People, when set, streams the residents each with the audit entries of their
	// records and their hypertension follow-ups, in place of Records, Chronic and the
	// residents' part of Audit (a generated county, an export): one pass, one resident
	// at a time. Audit is then optional; when set, its entries are checked too, so it
	// should hold only those People does not (the records of no resident).
	People iter.Seq2[Person, error]
}

// Person is one resident's records as Sources.People streams them, village by village
// (archive order), as the stores give them.
type Person struct {
	// Resident is the resident's health record: its closure by death counts as a death.
	Resident *healthrecord.Resident
	// Trail holds the audit entries of the resident's records, in the trail's order.
	Trail []healthrecord.AuditEntry
	// FollowUps holds the resident's hypertension patients and their follow-ups.
	FollowUps []FollowUps
	// Checkups holds the resident's checkups.
	Checkups []*healthrecord.Checkup
}

// FollowUps are a chronic disease patient and their follow-ups (Person.FollowUps).
type FollowUps struct {
	// Patient is the patient's registration (condition, village).
	Patient *chronic.Patient
	// Visits are the patient's follow-ups, in date order.
	Visits []*chronic.Visit
}

// Figure is one indicator's figure of one village, as the host computed it (from
// indicators.Compute, say): the count, its denominator and the target it is held to.
type Figure struct {
	// Village is the village the figure was computed for (its 12-digit division).
	Village gongwei.Division
	// Indicator is the indicator's code (an indicators.Code, "record.coverage" say).
	Indicator string
	// Numerator and Denominator are the counts of the rate.
	Numerator, Denominator int64
	// Target is the rate to reach, as a share (0.6 for 60 %); 0 for none.
	Target float64
	// Estimate is the expected count the numerator is held to (the estimated patients
	// of a prevalence); 0 for none.
	Estimate int64
}

// canQuota reports whether f could stop at its target: it has an estimate, or a target
// met before every case is counted.
func (f Figure) canQuota() bool {
	if f.Estimate > 0 {
		return true
	}
	return f.Target > 0 && f.Denominator > 0 && int64(math.Ceil(f.Target*float64(f.Denominator)-1e-9)) < f.Denominator
}

// atQuota reports whether f stops exactly where its target is met: its numerator the
// fewest that meets Target (fewer than all), or equal to Estimate.
func (f Figure) atQuota() bool {
	if f.Estimate > 0 && f.Numerator == f.Estimate {
		return true
	}
	if f.Target <= 0 || f.Denominator <= 0 {
		return false
	}
	need := int64(math.Ceil(f.Target*float64(f.Denominator) - 1e-9))
	return f.Numerator == need && need < f.Denominator // all counted is not a count stopped
}

// Finding is one thing to review. It names records, residents, villages and staff by ID
// only.
type Finding struct {
	// Rule is the code of the rule whose pattern was found (a Rule.Code of Rules).
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
	if src.Audit == nil && src.People == nil {
		return nil, fmt.Errorf("integrity: check: no audit trail: %w", gongwei.ErrInvalid)
	}
	rc := &residentCheck{th: th, within: within, deaths: make(map[healthrecord.ResidentID]gongwei.Date)}
	for _, d := range src.Deaths {
		if !d.Date.IsZero() {
			rc.died(d.Resident, d.Date)
		}
	}
	left := make(map[string]gongwei.Date)
	for _, s := range src.Staff {
		if !s.Left.IsZero() {
			left[s.ID] = s.Left
		}
	}
	tc := newTrailCheck(rc.deaths, left, th)
	hc := newReadingCheck(within, th)
	cc := newCheckupCheck(within, th)
	if src.People != nil {
		for p, err := range src.People {
			if err != nil {
				return nil, fmt.Errorf("integrity: check: people: %w", err)
			}
			if p.Resident != nil && !rc.addPerson(p.Resident) {
				continue
			}
			for i := range p.Trail {
				if e := &p.Trail[i]; within == "" || within.Contains(e.Division) {
					tc.add(e)
				}
			}
			rc.endPerson()
			for _, fu := range p.FollowUps {
				hc.add(fu)
			}
			for _, ck := range p.Checkups {
				cc.add(ck)
			}
		}
	} else if src.Records != nil {
		for r, err := range src.Records.Residents(ctx, healthrecord.ResidentFilter{Prefix: string(within)}) {
			if err != nil {
				return nil, fmt.Errorf("integrity: check: residents: %w", err)
			}
			if !rc.add(r) {
				continue
			}
			// Each resident's checkups, so that they come village by village.
			for ck, err := range src.Records.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID}) {
				if err != nil {
					return nil, fmt.Errorf("integrity: check: checkups: %w", err)
				}
				cc.add(ck)
			}
		}
	}
	if src.Audit != nil {
		for e, err := range src.Audit.Audit(ctx, healthrecord.AuditFilter{Division: within}) {
			if err != nil {
				return nil, fmt.Errorf("integrity: check: audit trail: %w", err)
			}
			tc.add(&e)
		}
	}
	if src.People == nil && src.Chronic != nil {
		for fu, err := range storeFollowUps(ctx, src.Chronic, within) {
			if err != nil {
				return nil, fmt.Errorf("integrity: check: %w", err)
			}
			hc.add(fu)
		}
	}
	out := rc.findings()
	out = append(out, quota(src.Figures, within, th)...)
	out = append(out, tc.findings()...)
	out = append(out, hc.findings()...)
	out = append(out, cc.findings()...)
	slices.SortFunc(out, compareFindings)
	return out, nil
}

// residentCheck keeps the deaths the residents' closures register and applies the rule
// on their phones, one village at a time (the residents come village by village).
type residentCheck struct {
	th     Thresholds
	within gongwei.Division
	deaths map[healthrecord.ResidentID]gongwei.Date
	phones phoneRun
	person *personDeath // the person of Sources.People whose closure's death is held
	out    []Finding
}

func (rc *residentCheck) died(id healthrecord.ResidentID, d gongwei.Date) {
	if old, ok := rc.deaths[id]; !ok || d.Before(old) {
		rc.deaths[id] = d
	}
}

// add takes r; it returns false when r lies outside the division checked.
func (rc *residentCheck) add(r *healthrecord.Resident) bool {
	v := gongwei.Division(r.Archive.Village())
	if rc.within != "" && !rc.within.Contains(v) {
		return false
	}
	if d := r.DeathDate(); !d.IsZero() {
		rc.died(r.ID, d)
	}
	if v != rc.phones.village {
		rc.out = rc.phones.flush(rc.out, rc.th)
		rc.phones = phoneRun{village: v}
	}
	rc.phones.add(r)
	return true
}

// addPerson takes r whose records come with it (Sources.People): the death its closure
// registers is held while they are checked only (endPerson), not for the whole pass.
func (rc *residentCheck) addPerson(r *healthrecord.Resident) bool {
	d := r.DeathDate()
	if d.IsZero() {
		return rc.add(r)
	}
	old, registered := rc.deaths[r.ID]
	if !rc.add(r) {
		return false
	}
	rc.person = &personDeath{id: r.ID, registered: registered, date: old}
	return true
}

// endPerson drops the death of the person addPerson took, unless the host registered it.
func (rc *residentCheck) endPerson() {
	if p := rc.person; p != nil {
		if p.registered {
			rc.deaths[p.id] = p.date
		} else {
			delete(rc.deaths, p.id)
		}
		rc.person = nil
	}
}

// personDeath is the host's registration of a person's death, while the closure's is held.
type personDeath struct {
	id         healthrecord.ResidentID
	registered bool
	date       gongwei.Date
}

func (rc *residentCheck) findings() []Finding {
	rc.out = rc.phones.flush(rc.out, rc.th)
	rc.phones = phoneRun{}
	return rc.out
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

// series is the key of a patient's first readings (th.SeriesLength <= 8).
type series [8]reading

// digitTally counts an account's readings and those ending in 0.
type digitTally struct {
	village gongwei.Division
	n, zero int
}

// readingCheck applies the rules on hypertension follow-ups' readings: cloned series,
// constant readings and terminal-digit preference. Series are compared among the
// patients of one village (one doctor's list, where copying is done from the records
// at hand), the patients coming village by village: what it holds is one village's
// series and a tally per account.
type readingCheck struct {
	th      Thresholds
	within  gongwei.Division
	n       int // readings in a series
	byStaff map[string]*digitTally
	seen    map[series]*acc
	village gongwei.Division
	rs      []reading
	recs    []chronic.VisitID
	out     []Finding
}

func newReadingCheck(within gongwei.Division, th Thresholds) *readingCheck {
	return &readingCheck{th: th, within: within, n: min(max(th.SeriesLength, 1), len(series{})),
		byStaff: make(map[string]*digitTally), seen: make(map[series]*acc)}
}

// flush ends the village's series.
func (hc *readingCheck) flush() {
	for _, a := range hc.seen {
		if a.f.Count >= 2 {
			hc.out = append(hc.out, a.f)
		}
	}
	clear(hc.seen)
}

func (hc *readingCheck) add(fu FollowUps) {
	th, p := hc.th, fu.Patient
	if p == nil || p.Condition != chronic.Hypertension || (hc.within != "" && !hc.within.Contains(gongwei.Division(p.Village))) {
		return
	}
	if v := gongwei.Division(p.Village); v != hc.village {
		hc.flush()
		hc.village = v
	}
	hc.rs, hc.recs = hc.rs[:0], hc.recs[:0]
	for _, v := range fu.Visits {
		h := v.Hypertension
		if h == nil || h.Systolic == 0 {
			continue
		}
		hc.rs = append(hc.rs, reading{h.Systolic, h.Diastolic, h.HeartRate})
		hc.recs = append(hc.recs, v.ID)
		if staff := string(v.Provider.Staff); staff != "" {
			t := hc.byStaff[staff]
			if t == nil {
				t = &digitTally{village: gongwei.Division(p.Village)}
				hc.byStaff[staff] = t
			}
			for _, x := range []int{h.Systolic, h.Diastolic} {
				t.n++
				if x%10 == 0 {
					t.zero++
				}
			}
		}
	}
	rs := hc.rs
	if len(rs) >= hc.n {
		var k series
		copy(k[:], rs[:hc.n])
		a := hc.seen[k]
		if a == nil {
			a = &acc{f: Finding{Rule: RuleClonedReadings, Village: gongwei.Division(p.Village)}, limit: th.Listed}
			hc.seen[k] = a
		}
		a.add("chronic.Patient:" + string(p.ID))
	}
	if len(rs) >= th.ConstantVisits && allSameBP(rs) {
		f := Finding{Rule: RuleConstantReadings, Village: gongwei.Division(p.Village), Resident: p.Resident, Count: len(rs)}
		for _, id := range hc.recs[:min(len(hc.recs), th.Listed)] {
			f.Records = append(f.Records, "chronic.Visit:"+string(id))
		}
		hc.out = append(hc.out, f)
	}
}

func (hc *readingCheck) findings() []Finding {
	hc.flush()
	for staff, t := range hc.byStaff {
		if t.n >= hc.th.DigitMinReadings && float64(t.zero) >= hc.th.DigitZeroShare*float64(t.n) {
			hc.out = append(hc.out, Finding{Rule: RuleDigitPreference, Village: t.village, Staff: staff, Count: t.zero})
		}
	}
	return hc.out
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

// quota flags the villages of within with th.QuotaFigures or more figures at quota, and
// at least th.QuotaShare of those that could be (a figure all counted cannot be).
func quota(figs []Figure, within gongwei.Division, th Thresholds) []Finding {
	type village struct {
		f        Finding
		possible int
	}
	at := make(map[gongwei.Division]*village)
	var order []gongwei.Division
	for _, f := range figs {
		if within != "" && !within.Contains(f.Village) {
			continue
		}
		x := at[f.Village]
		if x == nil {
			x = &village{f: Finding{Rule: RuleQuota, Village: f.Village}}
			at[f.Village] = x
			order = append(order, f.Village)
		}
		if f.canQuota() {
			x.possible++
		}
		if f.atQuota() {
			x.f.Count++
			x.f.Records = append(x.f.Records, "indicator:"+f.Indicator)
		}
	}
	var out []Finding
	for _, v := range order {
		if x := at[v]; x.f.Count >= th.QuotaFigures && float64(x.f.Count) >= th.QuotaShare*float64(x.possible) {
			out = append(out, x.f)
		}
	}
	return out
}
