package immunization

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// Status is the state of a series' next dose on a forecast date. Values are append-only.
type Status uint8

// Forecast statuses.
const (
	// StatusNotDue: the next dose cannot be given yet (the date is before Earliest).
	StatusNotDue Status = iota + 1
	// StatusDue: the next dose can be given now and its timeliness limit has not passed.
	StatusDue
	// StatusOverdue: the next dose can be given now and its complete-before limit
	// (immunization.md §1.2) has passed (逾期).
	StatusOverdue
	// StatusCatchUp: the next dose is given under a catch-up rule rather than the routine
	// table (补种): DT for a school-age child, BCG after a skin test, MPSV-AC in place of
	// missed MPSV-A, MMR for an older birth cohort.
	StatusCatchUp
	// StatusComplete: the series is complete.
	StatusComplete
	// StatusNotIndicated: no further dose is indicated: the child is past the age limit
	// (18 years; BCG 4 years; MPSV-A 24 months).
	StatusNotIndicated
	// StatusContraindicated: the series is contraindicated or deferred for this child
	// (HIV, immunosuppression; immunization.md §1.5).
	StatusContraindicated
	numStatuses
)

var statusIDs = [numStatuses]string{"", "not_due", "due", "overdue", "catch_up", "complete", "not_indicated", "contraindicated"}

// String returns a stable identifier of s ("due", "overdue", ...).
func (s Status) String() string {
	if s == 0 || s >= numStatuses {
		return ""
	}
	return statusIDs[s]
}

// IsPending reports whether the dose can be given now and should be (应种未种): due,
// overdue or catch-up.
func (s Status) IsPending() bool { return s == StatusDue || s == StatusOverdue || s == StatusCatchUp }

// Reason says why a dose is not valid. Zero means valid. Values are append-only.
type Reason uint8

// Evaluation reasons.
const (
	// Valid: the dose counts.
	Valid Reason = iota
	// ReasonNoDate: the dose has no date, or a date before birth.
	ReasonNoDate
	// ReasonUnknownVaccine: the vaccine is not one the schedule knows.
	ReasonUnknownVaccine
	// ReasonNotVaccine: the entry is immunoglobulin; it spaces live vaccines only.
	ReasonNotVaccine
	// ReasonTooEarly: given before the dose's minimum age.
	ReasonTooEarly
	// ReasonInterval: given before the minimum interval from the previous dose.
	ReasonInterval
	// ReasonLiveInterval: an injectable live vaccine given 1 to 27 days after another
	// (immunization.md §1.3).
	ReasonLiveInterval
	// ReasonImmunoglobulin: a live (or JE-I) vaccine given too soon after immunoglobulin
	// (immunization.md §1.3).
	ReasonImmunoglobulin
	// ReasonTooOld: given at or beyond the age limit (18 years; BCG 4 years; MPSV-A 24
	// months).
	ReasonTooOld
	// ReasonExtra: the series was already complete.
	ReasonExtra
	// ReasonProduct: not a product this dose may be given with at this age (DTaP from the
	// DT age; the other JE or HepA series; MR for a cohort that needs MMR).
	ReasonProduct
	// ReasonContraindicated: the series is contraindicated or deferred for this child.
	ReasonContraindicated
	// ReasonNotProgramme: a non-programme vaccine (非免疫规划疫苗) that counts toward no
	// programme series ([Vaccine.IsNonProgramme], [Edition.Counts]); it is recorded and
	// listed by [NonProgramme].
	ReasonNotProgramme
	// ReasonOutbreak: a dose given in an outbreak ([Dose.Outbreak]), which counts toward
	// no routine series (immunization.md §1.3).
	ReasonOutbreak
	numReasons
)

var reasonIDs = [numReasons]string{"valid", "no_date", "unknown_vaccine", "not_vaccine", "too_early", "interval", "live_interval", "immunoglobulin", "too_old", "extra", "product", "contraindicated", "not_programme", "outbreak"}

// String returns a stable identifier of r ("valid", "too_early", ...).
func (r Reason) String() string {
	if r >= numReasons {
		return ""
	}
	return reasonIDs[r]
}

// Note is a set of instructions that travel with a recommendation.
type Note uint8

// Notes.
const (
	// NoteWithin12Hours: HepB dose 1 within 12 hours of birth (HBsAg-positive or unknown
	// mother; immunization.md §1.4 HepB).
	NoteWithin12Hours Note = 1 << iota
	// NoteHBIG: the mother is HBsAg-positive: 100 IU HBIG may be given with HepB dose 1 at
	// another site, and the child is tested 1-2 months after the last dose.
	NoteHBIG
	// NoteSkinTest: BCG catch-up from 3 months needs a negative TB-PPD or BCG-PPD test.
	NoteSkinTest
	// NoteGiveFirst: give MMR first when not every due vaccine can be given at once
	// (immunization.md §1.4 MMR, Priority).
	NoteGiveFirst
	// NoteNonProgramme: the dose is of a non-programme vaccine ([Vaccine.IsNonProgramme]).
	NoteNonProgramme
	// NoteCounted: the dose is of another product than the programme dose it was checked
	// as ([Evaluation.As]): an earlier programme product, a combination or a conjugate
	// vaccine ([Edition.Counts]).
	NoteCounted
)

// Has reports whether n includes m.
func (n Note) Has(m Note) bool { return n&m == m }

// Evaluation is the verdict on one recorded dose.
type Evaluation struct {
	// Dose is the dose evaluated.
	Dose Dose
	// Reason is Valid or why the dose does not count.
	Reason Reason
	// SeriesDose is the series dose the dose counts as when valid (polio 1-4, DTaP/DT
	// 1-5, MPSV-AC 1-2, ...), or the one it was checked against; 0 for entries that are
	// not checked.
	SeriesDose int
	// CompleteBefore is the timeliness limit of that series dose in the routine table
	// (immunization.md §1.2; the next dose's limit for a dose without one of its own),
	// also for a dose given under a catch-up rule, which is then late; zero when the
	// series dose has none.
	CompleteBefore gongwei.Date
	// As is the programme product the dose was checked as in its series: the dose's own
	// vaccine for a programme product, the matching programme vaccine for another product
	// ([Edition.Counts]: IPV for a DTaP-IPV/Hib dose), zero for a dose checked in no
	// series.
	As Vaccine
	// Notes are [NoteNonProgramme] and [NoteCounted] as they apply.
	Notes Note
	// Also holds what a dose that counts toward several series ([Edition.Counts]) did in
	// the others, in series order, then zero entries (As zero); all zero for most doses.
	// It is an array, so that an Evaluation stays comparable and evaluating allocates
	// nothing.
	Also [maxParts - 1]SeriesCount
}

// SeriesCount is what a dose did in one more programme series ([Evaluation.Also]).
type SeriesCount struct {
	// As is the programme product the dose was checked as.
	As Vaccine
	// Reason, SeriesDose and CompleteBefore are as in [Evaluation].
	Reason         Reason
	SeriesDose     int
	CompleteBefore gongwei.Date
}

// Valid reports whether the dose counts.
func (e Evaluation) Valid() bool { return e.Reason == Valid }

// Counts calls yield with each programme product and series dose the dose counts as
// (the valid ones of the Evaluation and of Also), which is what [Milestone] rows match.
func (e Evaluation) Counts(yield func(as Vaccine, dose int) bool) {
	if e.Reason == Valid && !yield(e.as(), e.SeriesDose) {
		return
	}
	for _, a := range e.Also {
		if a.As != 0 && a.Reason == Valid && !yield(a.As, a.SeriesDose) {
			return
		}
	}
}

// as returns As, or the dose's vaccine for an Evaluation built without As.
func (e Evaluation) as() Vaccine {
	if e.As != 0 {
		return e.As
	}
	return e.Dose.Vaccine
}

// Timely reports whether the dose counts and was given before its complete-before limit
// (及时接种); a valid dose without a limit is timely.
func (e Evaluation) Timely() bool {
	return e.Reason == Valid && (e.CompleteBefore.IsZero() || e.Dose.Date.Before(e.CompleteBefore))
}

// Recommendation is the forecast for one series: its next dose, or its state when no
// dose is pending.
type Recommendation struct {
	// Vaccine is the product for the next dose (for a complete series, the last product
	// of the series).
	Vaccine Vaccine
	// Dose is the series dose number of the next dose (polio 1-4 with IPV first, DTaP/DT
	// 1-5, MPSV-A 1-2, MPSV-AC 1-2); for a complete series, the valid doses counted.
	Dose int
	// Earliest is the first day the dose would be valid: minimum age, minimum intervals,
	// the 28-day live-vaccine rule and immunoglobulin waits.
	Earliest gongwei.Date
	// Recommended is the day the schedule recommends: the later of the recommended age
	// (= minimum age) and Earliest.
	Recommended gongwei.Date
	// CompleteBefore is the timeliness limit: the dose is timely when given before this
	// day (immunization.md §1.2). For a dose with no limit of its own it is the limit of
	// the next dose of the series; zero for catch-up doses and where none applies.
	CompleteBefore gongwei.Date
	// Status is the state on the forecast date.
	Status Status
	// Notes are instructions that go with the dose.
	Notes Note
}

// series identifies the engine's series; recommendations come out in this order.
type series uint8

const (
	sHepB series = iota
	sBCG
	sPolio
	sDTP
	sMMR
	sJE
	sMenA
	sMenAC
	sHepA
	numSeries
	sNone series = 255
)

// seriesOf maps each programme vaccine of the 2021 edition to its series; every other
// vaccine to sNone (it is counted through Edition.Counts).
var seriesOf = func() (out [numVaccines]series) {
	for v := range out {
		out[v] = sNone
	}
	for v, s := range map[Vaccine]series{
		HepB: sHepB, BCG: sBCG, IPV: sPolio, BOPV: sPolio, DTaP: sDTP, DT: sDTP,
		MMR: sMMR, MR: sMMR, MM: sMMR, MV: sMMR, JEL: sJE, JEI: sJE, MPSVA: sMenA,
		MPSVAC: sMenAC, HepAL: sHepA, HepAI: sHepA,
		// The mumps- and rubella-containing non-programme products count in the MMR
		// cohort rule of children born from the 2007 expansion to 2019-09-30 (§1.4 MMR).
		Mumps: sMMR, Rubella: sMMR, MumR: sMMR,
	} {
		out[v] = s
	}
	return out
}()

// part is one series a dose is checked in, as programme product as, with the label's
// minimum ages when the edition gives them.
type part struct {
	s    series
	as   Vaccine
	ages []Span
}

// maxParts bounds the series one dose counts toward.
const maxParts = 4

// parts returns the series a dose of v given on d counts toward under ed, in series
// order: its own for a programme vaccine of the edition, the rows of ed.Counts for the
// others.
func (e *engine) parts(ed *Edition, v Vaccine, d gongwei.Date, buf *[maxParts]part) []part {
	out := buf[:0]
	if !v.IsValid() {
		return out
	}
	if s := seriesOf[v]; s != sNone {
		return append(out, part{s: s, as: v})
	}
	// Later rows replace earlier ones of the same Product and As: walk backwards and keep
	// the first row of each.
	for i := len(ed.Counts) - 1; i >= 0; i-- {
		c := &ed.Counts[i]
		if c.Product != v || !c.As.IsValid() || seriesOf[c.As] == sNone || len(out) == maxParts {
			continue
		}
		if slices.ContainsFunc(ed.Counts[i+1:], func(x Count) bool { return x.Product == v && x.As == c.As }) {
			continue
		}
		if !c.From.IsZero() && !e.ageReached(d, c.From) || !c.Before.IsZero() && e.ageReached(d, c.Before) {
			continue
		}
		out = append(out, part{s: seriesOf[c.As], as: c.As, ages: c.Ages})
	}
	slices.SortStableFunc(out, func(a, b part) int { return int(a.s) - int(b.s) })
	return out
}

// vset is a set of vaccines.
type vset uint64

func setOf(vs ...Vaccine) vset {
	var s vset
	for _, v := range vs {
		s |= 1 << v
	}
	return s
}

func (s vset) has(v Vaccine) bool { return s&(1<<v) != 0 }

// measles, rubella and mumps containing vaccines (immunization.md §1.4 MMR cohort rules).
var (
	measlesSet = setOf(MMR, MR, MM, MV)
	rubellaSet = setOf(MMR, MR, Rubella, MumR)
	mumpsSet   = setOf(MMR, MM, Mumps, MumR)
	igLongSet  = setOf(MMR, MR, MM, MV, JEL, HepAL, HepALFD)
)

const maxSeriesDoses = 8

// state is a series' valid doses so far.
type state struct {
	n        int
	dates    [maxSeriesDoses]gongwei.Date
	cnt      [numVaccines]uint8
	boosters int // DTP doses given at school age
}

func (st *state) add(v Vaccine, d gongwei.Date, booster bool) {
	if st.n < maxSeriesDoses {
		st.dates[st.n] = d
	}
	st.n++
	if st.cnt[v] < 255 {
		st.cnt[v]++
	}
	if booster {
		st.boosters++
	}
}

func (st *state) last() gongwei.Date {
	if st.n == 0 {
		return gongwei.Date{}
	}
	if st.n > maxSeriesDoses {
		return st.dates[maxSeriesDoses-1]
	}
	return st.dates[st.n-1]
}

// target kinds.
const (
	kActive uint8 = iota
	kComplete
	kNotIndicated
	kContraindicated
)

// target is the next dose of a series as of a date, with everything needed to date it.
type target struct {
	kind        uint8
	vaccine     Vaccine
	accept      vset
	dose        int
	minAge      Span
	before      Span
	prev        gongwei.Date
	interval    Span
	recInterval Span
	prev2       gongwei.Date
	interval2   Span
	maxAge      Span
	limit       Span // the routine table's timeliness limit of the dose
	catchUp     bool
	notes       Note
}

// engine evaluates one child's history. It lives on the caller's stack.
type engine struct {
	s     Schedule
	c     Child
	doses []Dose
	// The indices of the doses considered, by date then index, and per dose its conflict
	// flags: in the arrays for short histories, in the slices otherwise (so the engine
	// stays on the stack).
	n      int
	orderA [inline]int32
	flagsA [inline]uint8
	orderS []int32
	flagsS []uint8
	st     [numSeries]state
	// whole-history facts that pick alternative series.
	anyJEL, anyJEI, anyHepAI bool
	lastLive, lastIG         gongwei.Date
	// ages memoises birth + n months for n < ageMemo (zero: not yet computed).
	ages [ageMemo]gongwei.Date
}

const (
	fLive uint8 = 1 << iota
	fIG
)

const inline = 24

// setup sorts the doses given on or before until (zero: all), flags live-vaccine and
// immunoglobulin conflicts, and records whole-history facts.
func (e *engine) setup(until gongwei.Date) {
	if len(e.doses) > inline {
		e.orderS = make([]int32, len(e.doses))
		e.flagsS = make([]uint8, len(e.doses))
	}
	order, flags := e.order(), e.flags()
	order = order[:cap(order)]
	for i := range e.doses {
		d := &e.doses[i]
		if !until.IsZero() && d.Date.After(until) {
			continue
		}
		// insertion sort by date, stable.
		j := e.n
		e.n++
		for j > 0 && e.doses[order[j-1]].Date.After(d.Date) {
			order[j] = order[j-1]
			j--
		}
		order[j] = int32(i)
		if d.Outbreak {
			continue // counts toward no series, so picks none
		}
		var buf [maxParts]part
		ps := append(buf[:0], part{as: d.Vaccine})
		if d.Vaccine.IsValid() && seriesOf[d.Vaccine] == sNone {
			ps = e.parts(e.s.On(d.Date), d.Vaccine, d.Date, &buf)
		}
		for _, p := range ps {
			switch p.as {
			case JEL:
				e.anyJEL = true
			case JEI:
				e.anyJEI = true
			case HepAI:
				e.anyHepAI = true
			}
		}
	}
	order = order[:e.n]
	for a, ia := range order {
		da := e.doses[ia]
		if da.Date.IsZero() || da.Date.Before(e.c.Birth) {
			continue
		}
		ed := e.s.On(da.Date)
		if da.Vaccine.IsInjectableLive() {
			if da.Date.After(e.lastLive) {
				e.lastLive = da.Date
			}
			// An earlier injectable live dose on another day within the interval.
			for _, ib := range order[:a] {
				db := e.doses[ib]
				if db.Vaccine.IsInjectableLive() && db.Date.Before(da.Date) && !db.Date.IsZero() &&
					da.Date.Before(ed.LiveInterval.From(db.Date)) {
					flags[ia] |= fLive
				}
			}
		}
		if da.Vaccine == IG {
			if da.Date.After(e.lastIG) {
				e.lastIG = da.Date
			}
			for _, ib := range order {
				db := e.doses[ib]
				if db.Date.Before(da.Date) {
					continue
				}
				if (igLongSet.has(db.Vaccine) && db.Date.Before(ed.IGLong.From(da.Date))) ||
					(db.Vaccine == JEI && db.Date.Before(ed.IGShort.From(da.Date))) {
					flags[ib] |= fIG
				}
			}
		}
	}
}

// order returns the dose indices considered, in date order (before setup: the buffer).
func (e *engine) order() []int32 {
	if e.orderS != nil {
		return e.orderS[:e.n]
	}
	return e.orderA[:e.n]
}

// flags returns the per-dose conflict flags.
func (e *engine) flags() []uint8 {
	if e.flagsS != nil {
		return e.flagsS
	}
	return e.flagsA[:len(e.doses)]
}

const ageMemo = 18*12 + 1

// age returns the date on which the child reaches age a.
func (e *engine) age(a Span) gongwei.Date {
	var d gongwei.Date
	if m := a.Months; m >= 0 && m < ageMemo {
		d = e.ages[m]
		if d.IsZero() {
			d = e.c.Birth.AddMonths(m)
			e.ages[m] = d
		}
	} else {
		d = e.c.Birth.AddMonths(m)
	}
	if a.Days != 0 {
		d = d.AddDays(a.Days)
	}
	return d
}

// ageReached reports whether the child is at least a old on d.
func (e *engine) ageReached(d gongwei.Date, a Span) bool { return !d.Before(e.age(a)) }

// limit returns the timeliness limit of rules[i]: its own, or that of the first later
// dose that has one.
func limit(rules []DoseRule, i int) Span {
	for ; i < len(rules); i++ {
		if !rules[i].Before.IsZero() {
			return rules[i].Before
		}
	}
	return Span{}
}

// row fills t from rules[i] for series state st.
func row(t *target, rules []DoseRule, i int, st *state) {
	r := rules[i]
	t.vaccine = r.Vaccine
	t.accept |= 1 << r.Vaccine
	t.dose = i + 1
	t.minAge = r.Age
	t.before = limit(rules, i)
	t.limit = t.before
	t.interval = r.Interval
	t.recInterval = r.RecInterval
	if !r.Interval.IsZero() || !r.RecInterval.IsZero() {
		t.prev = st.last()
	}
}

// target computes the next dose of series s under edition ed as of date at.
func (e *engine) target(s series, ed *Edition, at gongwei.Date) target {
	var t target
	st := &e.st[s]
	c := &e.c
	switch s {
	case sHepB:
		rules := ed.HepB
		if c.MotherHBsAg != HBsAgNegative && c.BirthWeight > 0 && c.BirthWeight < ed.HepBLowWeightGrams {
			rules = ed.HepBLowWeight
		}
		if st.n >= len(rules) {
			t.kind, t.vaccine, t.dose = kComplete, HepB, st.n
			return t
		}
		row(&t, rules, st.n, st)
		if len(rules) == 3 && st.n == 2 && !ed.HepBFirstToThird.IsZero() {
			t.prev2, t.interval2 = st.dates[0], ed.HepBFirstToThird
		}
		if st.n == 0 {
			switch c.MotherHBsAg {
			case HBsAgPositive:
				t.notes = NoteWithin12Hours | NoteHBIG
			case HBsAgUnknown:
				t.notes = NoteWithin12Hours
			}
		}
	case sBCG:
		if st.n >= 1 {
			t.kind, t.vaccine, t.dose = kComplete, BCG, st.n
			return t
		}
		if c.noBCG() {
			t.kind, t.vaccine, t.dose = kContraindicated, BCG, 1
			return t
		}
		row(&t, ed.BCG, 0, st)
		t.maxAge = ed.BCGBefore
		if e.ageReached(at, ed.BCGSkinTestFrom) {
			t.catchUp, t.notes, t.before = true, NoteSkinTest, Span{}
		}
	case sPolio:
		if st.n >= len(ed.Polio) {
			t.kind, t.vaccine, t.dose = kComplete, BOPV, st.n
			if st.cnt[BOPV] == 0 {
				t.vaccine = IPV
			}
			return t
		}
		row(&t, ed.Polio, st.n, st)
		t.accept = setOf(IPV, BOPV)
		if c.liveRestricted() || int(st.cnt[IPV]) < ed.PolioRoutineIPV {
			t.vaccine = IPV
		} else {
			t.vaccine = BOPV
		}
	case sDTP:
		if (st.n >= 3 && st.boosters >= 1) || st.n >= len(ed.DTP) {
			t.kind, t.vaccine, t.dose = kComplete, DT, st.n
			if st.cnt[DT] == 0 {
				t.vaccine = DTaP
			}
			return t
		}
		prod, accept := DT, setOf(DT)
		if !e.ageReached(at, ed.DTaPBefore) {
			prod, accept = DTaP, setOf(DT, DTaP)
		}
		switch {
		case !e.ageReached(at, ed.SchoolAge):
			row(&t, ed.DTP, st.n, st)
			prod, accept = t.vaccine, accept|t.accept
		case st.n < 3:
			row(&t, ed.DTCatchUp, st.n, st)
			t.before, t.catchUp, t.limit = Span{}, true, limit(ed.DTP, st.n)
		case st.n == 3:
			t.dose, t.prev, t.interval, t.catchUp = 4, st.last(), ed.DTAfterThree, true
			t.limit = limit(ed.DTP, 3)
		default: // 4 doses, no school-age dose yet
			row(&t, ed.DTP, st.n, st)
			if e.ageReached(at, ed.DTAfterFourAge) {
				t.prev, t.interval, t.before, t.catchUp = st.last(), ed.DTAfterFour, Span{}, true
			}
		}
		t.vaccine, t.accept = prod, accept
	case sMMR:
		if c.noMeasles() {
			t.kind, t.vaccine, t.dose = kContraindicated, MMR, st.n+1
			return t
		}
		t.notes = NoteGiveFirst
		var need, have int
		if !c.Birth.Before(mmrCohort) {
			have = int(st.cnt[MMR])
			need = 2 - have
			t.accept = setOf(MMR)
		} else {
			t.accept = measlesSet
			have = st.count(measlesSet)
			need = 2 - have
			if !c.Birth.Before(expansionCohort) {
				need = max(need, 1-st.count(rubellaSet), 1-st.count(mumpsSet))
				t.accept |= setOf(Rubella, Mumps, MumR)
			}
			t.catchUp = true
		}
		if need <= 0 {
			t.kind, t.vaccine, t.dose = kComplete, MMR, have
			return t
		}
		i := min(have, len(ed.MMR)-1)
		row(&t, ed.MMR, i, st)
		t.dose = have + 1
		t.accept |= setOf(MMR)
		if t.catchUp {
			t.before = Span{}
			if have > 0 {
				t.prev, t.interval = st.last(), ed.MMR[1].Interval
			}
		}
	case sJE:
		rules := ed.JEL
		if c.liveRestricted() || (!e.anyJEL && (e.anyJEI || c.PreferInactivated)) {
			rules = ed.JEI
		}
		if st.n >= len(rules) {
			t.kind, t.vaccine, t.dose = kComplete, rules[0].Vaccine, st.n
			return t
		}
		row(&t, rules, st.n, st)
	case sMenA:
		if st.n >= len(ed.MenA) {
			t.kind, t.vaccine, t.dose = kComplete, MPSVA, st.n
			return t
		}
		row(&t, ed.MenA, st.n, st)
		t.maxAge = ed.MenABefore
	case sMenAC:
		if st.n >= len(ed.MenAC) {
			t.kind, t.vaccine, t.dose = kComplete, MPSVAC, st.n
			return t
		}
		row(&t, ed.MenAC, st.n, st)
		if st.n == 0 {
			// Interval from MPSV-A doses given before at.
			a := &e.st[sMenA]
			na := 0
			var lastA gongwei.Date
			for k := 0; k < a.n && k < maxSeriesDoses; k++ {
				if a.dates[k].Before(at) {
					na++
					lastA = a.dates[k]
				}
			}
			t.prev = lastA
			switch {
			case na >= len(ed.MenA):
				// routine: ≥12 months after MPSV-A dose 2.
			case e.ageReached(at, ed.MenABefore):
				t.catchUp, t.before, t.minAge = true, Span{}, ed.MenACAfterNoA
				t.interval = Span{}
				if na == 1 {
					t.interval = ed.MenACAfterOneA
				}
			}
		}
	case sHepA:
		if st.cnt[HepAL] >= 1 || st.cnt[HepAI] >= 2 {
			t.kind, t.vaccine, t.dose = kComplete, HepAI, st.n
			if st.cnt[HepAL] >= 1 {
				t.vaccine = HepAL
			}
			return t
		}
		if c.liveRestricted() || e.anyHepAI || c.PreferInactivated {
			n := int(st.cnt[HepAI])
			row(&t, ed.HepAI, n, st)
			if n == 1 && !c.liveRestricted() {
				// One HepA-I and no second HepA-I: one HepA-L ≥6 months later finishes.
				t.accept |= setOf(HepAL)
			}
		} else {
			row(&t, ed.HepAL, 0, st)
		}
	}
	return t
}

// count returns the valid doses of the series whose vaccine is in set.
func (st *state) count(set vset) int {
	n := 0
	for v := Vaccine(1); v < numVaccines; v++ {
		if set.has(v) {
			n += int(st.cnt[v])
		}
	}
	return n
}

// earliest returns the first valid day of t from age and series intervals only.
func (e *engine) earliest(t *target) gongwei.Date {
	d := e.age(t.minAge)
	if !t.prev.IsZero() {
		if x := t.interval.From(t.prev); x.After(d) {
			d = x
		}
	}
	if !t.prev2.IsZero() {
		if x := t.interval2.From(t.prev2); x.After(d) {
			d = x
		}
	}
	return d
}

// maxAgeDate returns the first day the series' dose is no longer indicated.
func (e *engine) maxAgeDate(t *target, ed *Edition) gongwei.Date {
	a := t.maxAge
	if a.IsZero() {
		a = ed.CatchUpBefore
	}
	return e.age(a)
}

// evaluate walks every dose in date order and decides its validity, writing verdicts to
// out when out is not nil.
func (e *engine) evaluate(out []Evaluation) {
	flags := e.flags()
	for _, i := range e.order() {
		d := e.doses[i]
		var ev Evaluation
		ev.Dose = d
		if d.Vaccine.IsNonProgramme() {
			ev.Notes |= NoteNonProgramme
		}
		switch {
		case !d.Vaccine.IsValid():
			ev.Reason = ReasonUnknownVaccine
		case !d.Vaccine.IsVaccine():
			ev.Reason = ReasonNotVaccine
		case d.Date.IsZero() || d.Date.Before(e.c.Birth):
			ev.Reason = ReasonNoDate
		case d.Outbreak:
			ev.Reason = ReasonOutbreak
		default:
			ed := e.s.On(d.Date)
			var buf [maxParts]part
			parts := e.parts(ed, d.Vaccine, d.Date, &buf)
			if len(parts) == 0 {
				ev.Reason = ReasonNotProgramme
				if flags[i]&fLive != 0 {
					ev.Reason = ReasonLiveInterval
				}
				break
			}
			var counts [maxParts]SeriesCount
			for k, p := range parts {
				t := e.target(p.s, ed, d.Date)
				if k := t.dose - 1; k >= 0 && k < len(p.ages) && !p.ages[k].IsZero() {
					t.minAge = p.ages[k]
				}
				c := SeriesCount{As: p.as, SeriesDose: t.dose}
				if !t.limit.IsZero() {
					c.CompleteBefore = e.age(t.limit)
				}
				c.Reason = e.check(&t, ed, Dose{Vaccine: p.as, Date: d.Date}, flags[i])
				if c.Reason == ReasonProduct && p.as.IsNonProgramme() {
					c.Reason = ReasonNotProgramme // counts in no series of this child
				}
				if c.Reason == Valid {
					booster := p.s == sDTP && e.ageReached(d.Date, ed.SchoolAge)
					e.st[p.s].add(p.as, d.Date, booster)
				}
				counts[k] = c
			}
			// The first valid series leads; the others go to Also.
			lead := 0
			for k := range parts {
				if counts[k].Reason == Valid {
					lead = k
					break
				}
			}
			c := counts[lead]
			ev.As, ev.Reason, ev.SeriesDose, ev.CompleteBefore = c.As, c.Reason, c.SeriesDose, c.CompleteBefore
			if c.As != d.Vaccine {
				ev.Notes |= NoteCounted
			}
			n := 0
			for k := range parts {
				if k != lead {
					ev.Also[n] = counts[k]
					n++
				}
			}
		}
		if out != nil {
			out[i] = ev
		}
	}
}

// check decides one dose against its target.
func (e *engine) check(t *target, ed *Edition, d Dose, flags uint8) Reason {
	switch t.kind {
	case kComplete:
		return ReasonExtra
	case kContraindicated:
		return ReasonContraindicated
	case kNotIndicated:
		return ReasonTooOld
	}
	switch {
	case !t.accept.has(d.Vaccine):
		return ReasonProduct
	case !d.Date.Before(e.maxAgeDate(t, ed)):
		return ReasonTooOld
	case d.Date.Before(e.age(t.minAge)):
		return ReasonTooEarly
	case d.Date.Before(e.earliest(t)):
		return ReasonInterval
	case flags&fLive != 0:
		return ReasonLiveInterval
	case flags&fIG != 0:
		return ReasonImmunoglobulin
	}
	return Valid
}

// recommend turns the target of series s on date on into a recommendation.
func (e *engine) recommend(s series, on gongwei.Date) Recommendation {
	ed := e.s.On(on)
	t := e.target(s, ed, on)
	r := Recommendation{Vaccine: t.vaccine, Dose: t.dose, Notes: t.notes}
	switch t.kind {
	case kComplete:
		r.Status = StatusComplete
		return r
	case kContraindicated:
		r.Status = StatusContraindicated
		return r
	case kNotIndicated:
		r.Status = StatusNotIndicated
		return r
	}
	earliest := e.earliest(&t)
	rec := e.age(t.minAge)
	if !t.prev.IsZero() && !t.recInterval.IsZero() {
		if x := t.recInterval.From(t.prev); x.After(rec) {
			rec = x
		}
	}
	if t.vaccine.IsInjectableLive() && !e.lastLive.IsZero() {
		earliest = e.liveEarliest(ed, earliest, on)
	}
	if !e.lastIG.IsZero() {
		var wait Span
		switch {
		case igLongSet.has(t.vaccine):
			wait = ed.IGLong
		case t.vaccine == JEI:
			wait = ed.IGShort
		}
		if !wait.IsZero() {
			if x := wait.From(e.lastIG); x.After(earliest) {
				earliest = x
			}
		}
	}
	if earliest.After(rec) {
		rec = earliest
	}
	r.Earliest, r.Recommended = earliest, rec
	if !t.before.IsZero() {
		r.CompleteBefore = e.age(t.before)
	}
	stop := e.maxAgeDate(&t, ed)
	switch {
	case !on.Before(stop) || !earliest.Before(stop):
		r.Status = StatusNotIndicated
	case on.Before(earliest):
		r.Status = StatusNotDue
	case t.catchUp:
		r.Status = StatusCatchUp
	case !r.CompleteBefore.IsZero() && !on.Before(r.CompleteBefore):
		r.Status = StatusOverdue
	default:
		r.Status = StatusDue
	}
	return r
}

// liveEarliest applies the 28-day rule (immunization.md §1.3) to an injectable live
// dose that could first be given on c: no injectable live dose may lie 1 to 27 days
// before the day it is given; a dose on the same day is no conflict. When c is already
// past, the question is whether the dose can be given today (on): if an injectable live
// dose given in the last 27 days prevents it, the earliest day moves past that conflict;
// otherwise the past c stands.
func (e *engine) liveEarliest(ed *Edition, c, on gongwei.Date) gongwei.Date {
	at := c
	if c.Before(on) {
		at = on
	}
	moved := false
	for _, i := range e.order() {
		d := e.doses[i]
		if !d.Vaccine.IsInjectableLive() || d.Date.IsZero() {
			continue
		}
		if end := ed.LiveInterval.From(d.Date); d.Date.Before(at) && at.Before(end) {
			at, moved = end, true
		}
	}
	if moved || !c.Before(on) {
		return at
	}
	return c
}

// Evaluate decides for every dose whether it is valid and, if not, why (immunization.md
// §1.3-§1.4). Doses are taken in date order (ties in the given order); each is checked
// against the series dose it would be under the edition of s in force on its date. The
// result is parallel to doses.
func Evaluate(s Schedule, c Child, doses []Dose) []Evaluation {
	return EvaluateAppend(nil, s, c, doses)
}

// EvaluateAppend appends Evaluate(s, c, doses) to dst and returns the extended slice: a
// computation that evaluates many children reuses one buffer.
func EvaluateAppend(dst []Evaluation, s Schedule, c Child, doses []Dose) []Evaluation {
	dst = slices.Grow(dst, len(doses))
	out := dst[len(dst) : len(dst)+len(doses)]
	clear(out)
	dst = dst[:len(dst)+len(doses)]
	if len(s.editions) == 0 {
		s = ScheduleFor(c.Birth)
	}
	e := engine{s: s, c: c, doses: doses}
	e.setup(gongwei.Date{})
	e.evaluate(out)
	return dst
}

// Forecast returns, for every series of the schedule, the next dose and its dates and
// status on date on (immunization.md §1.1-§1.5), in a fixed order: HepB, BCG, polio,
// DTaP/DT, MMR, JE (the JE-L or JE-I series), MPSV-A, MPSV-AC, HepA (HepA-L or HepA-I).
// Doses dated after on are ignored; the rest are first evaluated as [Evaluate] does.
// A zero s means ScheduleFor(c.Birth). A child with no birth date gets no
// recommendations.
func Forecast(s Schedule, c Child, doses []Dose, on gongwei.Date) []Recommendation {
	return ForecastAppend(nil, s, c, doses, on)
}

// ForecastAppend is [Forecast] appending to dst, so a caller forecasting many children
// can reuse one buffer and allocate nothing.
func ForecastAppend(dst []Recommendation, s Schedule, c Child, doses []Dose, on gongwei.Date) []Recommendation {
	if c.Birth.IsZero() || on.IsZero() {
		return dst
	}
	if len(s.editions) == 0 {
		s = ScheduleFor(c.Birth)
	}
	e := engine{s: s, c: c, doses: doses}
	e.setup(on)
	e.evaluate(nil)
	if dst == nil {
		dst = make([]Recommendation, 0, numSeries)
	}
	for sid := series(0); sid < numSeries; sid++ {
		dst = append(dst, e.recommend(sid, on))
	}
	return dst
}

// NonProgramme lists the child's doses of non-programme vaccines (非免疫规划疫苗,
// [Vaccine.IsNonProgramme]) with their evaluations, in date order (ties in the given
// order). They are recorded as given: a dose that counts toward no programme series has
// [ReasonNotProgramme]; a combination or conjugate dose that counts toward one under
// the edition's [Edition.Counts] has the verdicts of those series ([Evaluation.As],
// [Evaluation.Also]); an injectable live one given 1 to 27 days after another injectable
// live vaccine has [ReasonLiveInterval] (immunization.md §1.3), as a programme dose would.
// [Forecast] never lists them.
func NonProgramme(s Schedule, c Child, doses []Dose) []Evaluation {
	if len(s.editions) == 0 {
		s = ScheduleFor(c.Birth)
	}
	all := Evaluate(s, c, doses)
	e := engine{s: s, c: c, doses: doses}
	e.setup(gongwei.Date{})
	var out []Evaluation
	for _, i := range e.order() {
		if doses[i].Vaccine.IsNonProgramme() {
			out = append(out, all[i])
		}
	}
	return out
}
