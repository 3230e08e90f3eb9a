package immunization

import (
	"github.com/gongwei-lib/gongwei"
)

// Span is an age or an interval in calendar months and days: a date plus a Span is
// date.AddMonths(Months).AddDays(Days), with AddMonths' month-end clamping, so "满8月龄"
// of a child born on 31 January 2024 is 30 September 2024 (immunization.md §2.4 item 3).
// The zero Span is "none". It is gongwei.Interval.
type Span = gongwei.Interval

// Months returns a Span of n months.
func Months(n int) Span { return Span{Months: n} }

// Years returns a Span of n years (12n months).
func Years(n int) Span { return Span{Months: 12 * n} }

// Days returns a Span of n days.
func Days(n int) Span { return Span{Days: n} }

// DoseRule is one dose of a series in a schedule edition.
type DoseRule struct {
	// Vaccine is the product the schedule gives for this dose.
	Vaccine Vaccine
	// Age is the recommended age, which is also the minimum age: "程序表所列接种时间是可接种
	// 该剂次的最小年龄" (immunization.md §1.1).
	Age Span
	// Before is the timeliness limit (及时接种, "complete before", immunization.md §1.2):
	// the dose is timely when given before birth + Before. Zero when the edition gives no
	// limit for this dose; the engine then uses the next dose's limit (a dose must be done
	// before the dose after it can be timely).
	Before Span
	// Interval is the minimum interval from the previous valid dose of the series.
	Interval Span
	// RecInterval is the recommended interval from the previous dose where the edition
	// gives one longer than the minimum (JE-I dose 2: 7-10 days); zero otherwise.
	RecInterval Span
}

// Edition is one version of the national child schedule: its dose tables and the ages
// that its catch-up rules turn on. An Edition is data; the engine reads it. Editions are
// immutable once built: do not modify the package's editions.
type Edition struct {
	// Name names the edition, e.g. "NIP-2021".
	Name string
	// Effective is the first day the edition applies to doses given and forecasts made.
	Effective gongwei.Date
	// Source cites the text the edition is transcribed from.
	Source string

	// HepB is the 0-1-6 month hepatitis B series.
	HepB []DoseRule
	// HepBLowWeight is the 4-dose hepatitis B series for infants under 2,000 g of
	// HBsAg-positive (or unknown) mothers.
	HepBLowWeight []DoseRule
	// HepBLowWeightGrams is the birth weight below which HepBLowWeight applies.
	HepBLowWeightGrams int
	// HepBFirstToThird is the minimum interval from HepB dose 1 to dose 3.
	HepBFirstToThird Span
	// BCG is the BCG dose.
	BCG []DoseRule
	// BCGSkinTestFrom is the age from which a BCG catch-up dose needs a negative TB-PPD
	// or BCG-PPD test first; BCGBefore the age from which BCG is not caught up.
	BCGSkinTestFrom, BCGBefore Span
	// Polio is the 4-dose polio series (IPV, IPV, bOPV, bOPV).
	Polio []DoseRule
	// PolioRoutineIPV is how many IPV doses come first ("IPV first, then bOPV").
	PolioRoutineIPV int
	// DTP is the routine DTaP/DT series.
	DTP []DoseRule
	// DTaPBefore is the age from which DT replaces DTaP.
	DTaPBefore Span
	// SchoolAge is the age from which a DTaP-or-DT dose is the school-age booster, and
	// from which the DTP catch-up rules apply.
	SchoolAge Span
	// DTCatchUp are the doses that complete a school-age child with fewer than 3 DTP doses
	// (rows by the dose number being given; only Interval is used).
	DTCatchUp []DoseRule
	// DTAfterThree is the interval from the third DTP dose to the school-age dose of a
	// child with exactly 3 doses; DTAfterFour the interval from the fourth DTaP dose to
	// the DT of a child reaching DTAfterFourAge with no school-age dose.
	DTAfterThree, DTAfterFour, DTAfterFourAge Span
	// MMR is the 2-dose MMR series.
	MMR []DoseRule
	// JEL and JEI are the alternative Japanese encephalitis series.
	JEL, JEI []DoseRule
	// MenA is the MPSV-A series and MenABefore the age from which it is not given.
	MenA       []DoseRule
	MenABefore Span
	// MenAC is the MPSV-AC series. MenACAfterNoA and MenACAfterOneA are the minimum age and
	// the interval after a single MPSV-A dose for a child past MenABefore who missed MPSV-A.
	MenAC                         []DoseRule
	MenACAfterNoA, MenACAfterOneA Span
	// HepAL and HepAI are the alternative hepatitis A series.
	HepAL, HepAI []DoseRule
	// CatchUpBefore is the age from which NIP doses are no longer caught up.
	CatchUpBefore Span
	// LiveInterval is the interval between two injectable live vaccines not given on the
	// same day.
	LiveInterval Span
	// IGLong is the wait after immunoglobulin before MMR, JE-L and HepA-L; IGShort before
	// JE-I.
	IGLong, IGShort Span
	// Counts says which programme dose a dose of another product counts as: the earlier
	// programme products of a series, and the combination and conjugate products whose
	// programme component the edition counts (immunization.md §1.3 Combination vaccines,
	// §1.4). A product may have several rows (one per series it counts toward, or per age
	// band); a programme product of the 2021 edition counts as itself without a row.
	Counts []Count
}

// Count is one row of [Edition.Counts]: a dose of Product given at an age from From
// (inclusive) to Before (exclusive; zero: no upper bound) counts as a dose of As in As's
// series, under As's rules. A later row for the same Product and As replaces an earlier
// one, so [Edition.WithCounts] can amend a row.
type Count struct {
	// Product is the vaccine given; As the programme series it counts in.
	Product, As Vaccine
	// From and Before are the age band of the row (Before excluded; zero: no upper
	// bound).
	From, Before Span
	// Ages are the minimum ages of the series doses (Ages[0] dose 1, ...) under the
	// product's label, which replace the series' own for a dose of Product ("given per
	// label", immunization.md §1.4 Polio); empty or zero: the series' ages. The labels'
	// ages are not in the references, so a host that counts them sets them, e.g. the
	// 18-month fourth dose of a DTaP-IPV/Hib label.
	Ages []Span
}

// nip2021Counts are the rows of [NIP2021.Counts], each with its source:
//   - OPV as bOPV (oral polio; immunization.md §1.4 Polio, History: the programme's polio
//     vaccine before 2016; §1.3 "another manufacturer's vaccine of the same kind may
//     finish a series"), whole-cell DTP as DTaP, adult Td as DT (§1.4 DTaP, the older
//     rule giving Td from 12), freeze-dried HepA-L as HepA-L (the same vaccine, code 1902,
//     §1.6);
//   - DTaP-IPV/Hib as IPV: "IPV or IPV-containing combinations given per label count as
//     the matching doses" (§1.4 Polio);
//   - MenAC conjugate and MenAC-Hib as MPSV-A under 24 months and as MPSV-AC from 24
//     months, MPSV-ACYW135 as MPSV-AC from 24 months: "under 24 months, meningococcal
//     conjugate vaccine given per label counts as MPSV-A; at ages 3 and 6, an
//     A+C-containing vaccine counts as the matching MPSV-AC dose" (§1.4 MPSV; from 24
//     months, when MPSV-AC replaces missed MPSV-A, is our reading);
//   - HepA-B as HepA-I: "≥ 2 HepA-I-containing doses count as a complete series" (§1.4
//     HepA).
//
// The general rule that any combination containing a programme antigen counts as the
// matching dose (§1.3) is UNCONFIRMED in reference and was not found in the sources
// searched, so the DTaP component of DTaP-IPV/Hib and DTaP-Hib and the HepB component of
// HepA-B are not counted here; a host whose province counts them adds rows with
// [Edition.WithCounts] (e.g. Count{Product: DTaPIPVHib, As: DTaP}).
var nip2021Counts = []Count{
	{Product: OPV, As: BOPV},
	{Product: DTwP, As: DTaP},
	{Product: Td, As: DT},
	{Product: HepALFD, As: HepAL},
	{Product: DTaPIPVHib, As: IPV},
	{Product: MenACConj, As: MPSVA, Before: Months(24)},
	{Product: MenACConj, As: MPSVAC, From: Months(24)},
	{Product: MenACHib, As: MPSVA, Before: Months(24)},
	{Product: MenACHib, As: MPSVAC, From: Months(24)},
	{Product: MPSVACYW, As: MPSVAC, From: Months(24)},
	{Product: HepAB, As: HepAI},
}

// WithCounts returns a copy of e whose Counts are e's followed by rows: a province that
// counts the DTaP component of DTaP-IPV/Hib adds Count{Product: DTaPIPVHib, As: DTaP}.
func (e *Edition) WithCounts(rows ...Count) *Edition {
	c := *e
	c.Counts = append(append([]Count(nil), e.Counts...), rows...)
	return &c
}

// NIP2021 is the 2021 edition (国家免疫规划疫苗儿童免疫程序及说明（2021年版）), transcribed
// from immunization.md §1.1-§1.4. Its effective date is the date of the notice as the
// repost shows it (immunization.md §1.0: "2021年2[月]23[日]", garbled; UNCONFIRMED in
// reference; implemented as given). The edition is also applied to doses given before it
// (the 2016 edition is not modelled).
var NIP2021 = &Edition{
	Name:      "NIP-2021",
	Effective: gongwei.MustDate(2021, 2, 23),
	Source:    "国家免疫规划疫苗儿童免疫程序及说明（2021年版）; immunization.md §1.1-§1.4",

	// immunization.md §1.4 HepB: 0, 1, 6 months; 24 h; ≥28 d; ≥60 d; 12 m.
	HepB: []DoseRule{
		{Vaccine: HepB, Age: Span{}, Before: Days(1)},
		{Vaccine: HepB, Age: Months(1), Interval: Days(28)},
		{Vaccine: HepB, Age: Months(6), Before: Months(12), Interval: Days(60)},
	},
	// immunization.md §1.4 HepB, "same mothers, birth weight < 2000 g": birth, 1, 2, 7
	// months. The reference gives the ages only; the 28-day minimum interval of the
	// 3-dose series is applied between doses (UNCONFIRMED in reference).
	HepBLowWeight: []DoseRule{
		{Vaccine: HepB, Age: Span{}, Before: Days(1)},
		{Vaccine: HepB, Age: Months(1), Interval: Days(28)},
		{Vaccine: HepB, Age: Months(2), Interval: Days(28)},
		{Vaccine: HepB, Age: Months(7), Interval: Days(28)},
	},
	HepBLowWeightGrams: 2000,
	// immunization.md §1.4 HepB: "Dose 1 to dose 3 ≥ 4 months" (UNCONFIRMED in reference;
	// implemented as given).
	HepBFirstToThird: Months(4),

	// immunization.md §1.4 BCG: birth, complete before 3 months; PPD test from 3 months;
	// no catch-up from age 4.
	BCG:             []DoseRule{{Vaccine: BCG, Before: Months(3)}},
	BCGSkinTestFrom: Months(3),
	BCGBefore:       Years(4),

	// immunization.md §1.4 Polio: IPV 2 m, IPV 3 m, bOPV 4 m (before 12 m), bOPV 4 y
	// (before 5 y), ≥28 d apart (dose 3 → 4: UNCONFIRMED in reference; implemented as given).
	Polio: []DoseRule{
		{Vaccine: IPV, Age: Months(2)},
		{Vaccine: IPV, Age: Months(3), Interval: Days(28)},
		{Vaccine: BOPV, Age: Months(4), Before: Months(12), Interval: Days(28)},
		{Vaccine: BOPV, Age: Years(4), Before: Years(5), Interval: Days(28)},
	},
	PolioRoutineIPV: 2,

	// immunization.md §1.4 DTaP and DT: 3, 4, 5 m (before 12 m), 18 m (before 24 m,
	// ≥6 months after dose 3), DT at 6 y (before 7 y).
	DTP: []DoseRule{
		{Vaccine: DTaP, Age: Months(3)},
		{Vaccine: DTaP, Age: Months(4), Interval: Days(28)},
		{Vaccine: DTaP, Age: Months(5), Before: Months(12), Interval: Days(28)},
		{Vaccine: DTaP, Age: Months(18), Before: Months(24), Interval: Months(6)},
		{Vaccine: DT, Age: Years(6), Before: Years(7)},
	},
	DTaPBefore: Years(6),
	SchoolAge:  Years(6),
	// immunization.md §1.4 DTaP catch-up, "Age 6+ with fewer than 3 doses: complete 3
	// doses with DT"; intervals 1-2 months and 6-12 months, of which the minimum is used
	// (UNCONFIRMED in reference; implemented as given).
	DTCatchUp: []DoseRule{
		{Vaccine: DT},
		{Vaccine: DT, Interval: Months(1)},
		{Vaccine: DT, Interval: Months(6)},
	},
	DTAfterThree:   Months(6),
	DTAfterFour:    Months(12),
	DTAfterFourAge: Years(7),

	// immunization.md §1.4 MMR: 8 m (before 12 m), 18 m (before 24 m), ≥28 d.
	MMR: []DoseRule{
		{Vaccine: MMR, Age: Months(8), Before: Months(12)},
		{Vaccine: MMR, Age: Months(18), Before: Months(24), Interval: Days(28)},
	},

	// immunization.md §1.4 JE-L: 8 m (before 12 m), 2 y (before 3 y), ≥12 months.
	JEL: []DoseRule{
		{Vaccine: JEL, Age: Months(8), Before: Months(12)},
		{Vaccine: JEL, Age: Years(2), Before: Years(3), Interval: Months(12)},
	},
	// immunization.md §1.4 JE-I: 8 m; 8 m and 7-10 d after dose 1 (before 12 m);
	// 2 y (before 3 y), 1-12 months after dose 2; 6 y (before 7 y), ≥3 years after dose 3.
	JEI: []DoseRule{
		{Vaccine: JEI, Age: Months(8)},
		{Vaccine: JEI, Age: Months(8), Before: Months(12), Interval: Days(7), RecInterval: Days(7)},
		{Vaccine: JEI, Age: Years(2), Before: Years(3), Interval: Months(1)},
		{Vaccine: JEI, Age: Years(6), Before: Years(7), Interval: Years(3)},
	},

	// immunization.md §1.4 MPSV-A: 6 m; 9 m (before 18 m), ≥3 months; not from 24 months.
	MenA: []DoseRule{
		{Vaccine: MPSVA, Age: Months(6)},
		{Vaccine: MPSVA, Age: Months(9), Before: Months(18), Interval: Months(3)},
	},
	MenABefore: Months(24),
	// immunization.md §1.4 MPSV-AC: 3 y (before 4 y), ≥12 months after MPSV-A dose 2;
	// 6 y (before 7 y), ≥3 years. From 24 months with no MPSV-A: as soon as possible;
	// with one MPSV-A: ≥3 months after it.
	MenAC: []DoseRule{
		{Vaccine: MPSVAC, Age: Years(3), Before: Years(4), Interval: Months(12)},
		{Vaccine: MPSVAC, Age: Years(6), Before: Years(7), Interval: Years(3)},
	},
	MenACAfterNoA:  Months(24),
	MenACAfterOneA: Months(3),

	// immunization.md §1.4 HepA-L: 18 m (before 24 m). HepA-I: 18 m (before 24 m);
	// 24 m (before 3 y), ≥6 months.
	HepAL: []DoseRule{{Vaccine: HepAL, Age: Months(18), Before: Months(24)}},
	HepAI: []DoseRule{
		{Vaccine: HepAI, Age: Months(18), Before: Months(24)},
		{Vaccine: HepAI, Age: Months(24), Before: Years(3), Interval: Months(6)},
	},

	// immunization.md §1.3: catch-up under 18; injectable live vaccines ≥28 days apart;
	// after immunoglobulin ≥3 months (MMR, JE-L, HepA-L) and ≥1 month (JE-I).
	CatchUpBefore: Years(18),
	LiveInterval:  Days(28),
	IGLong:        Months(3),
	IGShort:       Months(1),

	Counts: nip2021Counts,
}

// NIP2025 is the 2021 edition with the DTaP adjustment in force from 2025-01-01
// (关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知, Dec 2024;
// immunization.md §1.0 and §1.4 DTaP): DTaP at 2, 4, 6 and 18 months and DTaP instead
// of DT at 6 years. UNCONFIRMED in reference; implemented as given. The reference gives
// no catch-up rules for it: this edition keeps the 2021 rules, with DTaP used up to
// age 7 (the school-age dose is now DTaP) and DT from 7 (UNCONFIRMED; our reading).
var NIP2025 = nip2025()

func nip2025() *Edition {
	e := *NIP2021
	e.Name = "NIP-2025"
	e.Effective = gongwei.MustDate(2025, 1, 1)
	e.Source = "关于国家免疫规划百白破疫苗和白破疫苗免疫程序调整相关工作的通知 (2024-12); immunization.md §1.0, §1.4"
	e.DTP = []DoseRule{
		{Vaccine: DTaP, Age: Months(2)},
		{Vaccine: DTaP, Age: Months(4), Interval: Days(28)},
		{Vaccine: DTaP, Age: Months(6), Before: Months(12), Interval: Days(28)},
		{Vaccine: DTaP, Age: Months(18), Before: Months(24), Interval: Months(6)},
		{Vaccine: DTaP, Age: Years(6), Before: Years(7)},
	}
	e.DTaPBefore = Years(7)
	e.DTCatchUp = []DoseRule{
		{Vaccine: DTaP},
		{Vaccine: DTaP, Interval: Months(1)},
		{Vaccine: DTaP, Interval: Months(6)},
	}
	return &e
}

// editions lists every edition the package knows, oldest first.
var editions = []*Edition{NIP2021, NIP2025}

// Editions returns the editions the package knows, oldest first.
func Editions() []*Edition { return append([]*Edition(nil), editions...) }

// Schedule is the set of editions that apply to one birth cohort, oldest first. Each
// dose is evaluated under the edition in force on the day it was given, and a forecast
// is made under the edition in force on the forecast date (immunization.md §2.4 item 2).
// The zero Schedule behaves like [ScheduleFor] of the child's birth date.
type Schedule struct {
	editions []*Edition
}

// ScheduleFor returns the schedule in force for children born on birth: the edition in
// force on that day (the oldest known for earlier births) and every later edition,
// because later adjustments overlap children alive today (immunization.md §1.0,
// "Engineering consequence").
func ScheduleFor(birth gongwei.Date) Schedule {
	i := 0
	for j, e := range editions {
		if !birth.Before(e.Effective) {
			i = j
		}
	}
	return Schedule{editions: editions[i:]}
}

// NewSchedule returns a schedule of the given editions, which must be in order of
// Effective. A host uses it to test a provincial variant or a future edition.
func NewSchedule(eds ...*Edition) Schedule { return Schedule{editions: eds} }

// Editions returns the editions of s, oldest first.
func (s Schedule) Editions() []*Edition { return append([]*Edition(nil), s.editions...) }

// On returns the edition of s in force on d: the latest with Effective on or before d,
// or the oldest when d is before all of them.
func (s Schedule) On(d gongwei.Date) *Edition {
	eds := s.editions
	if len(eds) == 0 {
		eds = editions
	}
	e := eds[0]
	for _, x := range eds[1:] {
		if !d.Before(x.Effective) {
			e = x
		}
	}
	return e
}
