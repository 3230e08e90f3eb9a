package indicators

import (
	"context"
	"errors"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// The indicator codes filled by [RecordIndicators].
const (
	codeRecordCoverage   Code = "record.coverage"
	codeRecordElectronic Code = "record.electronic"
	codeRecordQualified  Code = "record.qualified"
	codeRecordUsage      Code = "record.usage"
	codeRecordContract   Code = "record.contract"
	codeRecordHousehold  Code = "record.household"
	codeElderlyManaged   Code = "elderly.management"
	codeElderlyComplete  Code = "elderly.checkup_complete"
	codeTCMElderly       Code = "tcm.elderly"
)

// RecordCodes lists the indicators [RecordIndicators] fills, in catalogue order.
var RecordCodes = []Code{
	codeRecordCoverage, codeRecordElectronic, codeRecordUsage, codeRecordQualified,
	codeRecordContract, codeRecordHousehold, codeElderlyManaged, codeElderlyComplete, codeTCMElderly,
}

// RecordIndicators streams the residents of the jurisdiction prefix (archive-number
// digits, see healthrecord.ResidentFilter.Prefix; empty for every resident) once, reads
// each one's checkups, contracts and service events, and adds to sink the counts of the
// health-record, elderly and elderly-TCM indicators ([RecordCodes]) for period p (a year
// for the annual indicators, but any valid period works). Each resident is counted under
// its village: the [Unit] made of the first 12 digits of its archive number (roll the
// tally up for townships and counties). Residents without an archive number are skipped.
//
// The rules, all evaluated on the period's last day asOf = p.Last():
//
//   - Placing a resident in the period: the record is active on asOf
//     (healthrecord.Resident.ActiveOn: created on or before asOf and not closed by death,
//     move-out or loss on or before it; nbphs-spec §1.3). A record closed before the
//     period ends counts in no denominator.
//   - 常住居民 (the denominator of record.coverage, record.electronic and
//     record.contract): an active record whose resident is a permanent resident on asOf
//     (healthrecord.BasicInfo.PermanentOn, nbphs-spec §0). The store's records are the
//     counted population: a host dividing by a census figure builds that denominator
//     itself (see [Estimate]).
//   - record.coverage (建档率, nbphs-spec §1.6): numerator the permanent residents whose
//     record is complete on asOf (healthrecord.Resident.Complete: cover and personal
//     basic information form filled and valid; 0–6-year-olds need no basic information
//     form — UNCONFIRMED wording in reference; implemented as given).
//   - record.electronic (电子建档率, nbphs-spec §1.6): numerator the permanent residents
//     whose record is electronic (healthrecord.Resident.Electronic).
//   - record.qualified (档案合格率): denominator every active record (all records held
//     are the records checked), numerator those complete on asOf. The formula is
//     UNCONFIRMED in reference (plans name the target only); implemented as the
//     catalogue gives it.
//   - record.usage (健康档案使用率, nbphs-spec §1.6): denominator every active record
//     (档案总份数), numerator those dynamically used as of asOf
//     (healthrecord.DynamicallyUsed: a service event in the 12 months ending on asOf;
//     the 1-year window is UNCONFIRMED in reference; implemented as given).
//   - record.contract (签约率): numerator the permanent residents with a family-doctor
//     contract in force on asOf (healthrecord.Contract.ActiveOn). The formula is
//     UNCONFIRMED in reference; implemented as the catalogue gives it.
//   - record.household (家庭健康档案建档率, plan-targets.md; formula UNCONFIRMED in
//     reference, implemented as the catalogue gives it): numerator the households with
//     a family record (healthrecord.Household) whose head is a permanent resident
//     counted above — each household is counted once, when its head is streamed. The
//     denominator, 辖区内常住户数, is not in the records: the cell is created with
//     denominator 0 ("no data") until the host supplies the census figure with
//     [Tally.ApplyPopulation].
//   - Census denominators: the store's records are the counted population; a host
//     that has census figures (常住人口, 常住户数) replaces the denominators of
//     record.coverage, record.electronic, record.contract and record.household with
//     [Tally.ApplyPopulation] after the pass.
//   - 65岁及以上常住居民 (the denominator of elderly.management and tcm.elderly,
//     nbphs-spec §6.2 and §11.3): the permanent residents aged 65 or more in completed
//     years on asOf (healthrecord.IsElderlyOn), so a resident who turns 65 during the
//     year counts for that year.
//   - elderly.management (老年人健康管理率, nbphs-spec §6.2): numerator those with a
//     checkup dated in p that counts as elderly health management
//     (healthrecord.Checkup.ElderlyManaged: 65+ on the checkup date, valid, form
//     complete; the meaning of 接受健康管理 is UNCONFIRMED wording in reference;
//     implemented as given).
//   - elderly.checkup_complete (老年人体检完整率, nbphs-spec §6.2, a local assessment
//     indicator): denominator the residents of the elderly denominator examined in p
//     (at least one checkup dated in p on which they were 65 or over), numerator those
//     of them with a checkup that counts as elderly health management (complete form).
//     Reading 接受健康管理人数 as "examined" is UNCONFIRMED in reference.
//   - tcm.elderly (老年人中医药健康管理率, nbphs-spec §11.3): numerator the residents of
//     the elderly denominator with a checkup dated in p carrying a complete TCM
//     constitution record (healthrecord.Checkup.TCMManaged).
//
// A resident contributes at most 1 to each numerator and denominator, and every
// numerator counts only residents of its denominator. Every active resident creates the
// cells of the indicators it is a candidate for, with 0 where it is not counted, so a
// village with records reports "0 %" rather than "no data".
//
// The error is the first one the store yields, or one wrapping gongwei.ErrInvalid when
// p is not a valid period, or ctx's error.
func RecordIndicators(ctx context.Context, s healthrecord.Store, prefix string, p gongwei.Period, sink Sink) error {
	return RecordIndicatorsWith(ctx, s, prefix, p, nil, sink)
}

// RecordIndicatorsWith is [RecordIndicators] with options (nil for the defaults, which
// give RecordIndicators' figures): the elderly age a plan sets, and the key-population
// rows ([KeyPopulationCodes]) that it adds.
func RecordIndicatorsWith(ctx context.Context, s healthrecord.Store, prefix string, p gongwei.Period, opts *RecordOptions, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	asOf := p.Last()
	rs := residentRecords{opts: opts}
	for r, err := range s.Residents(ctx, healthrecord.ResidentFilter{Prefix: prefix}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Archive.IsZero() || !r.ActiveOn(asOf) {
			continue
		}
		if err := rs.read(ctx, s, r, p); err != nil {
			return err
		}
		rs.add(p, b)
	}
	return nil
}

// residentRecords are one resident's records that the record indicators read: the
// bundle a [Subject] carries, gathered from a Store by read.
type residentRecords struct {
	resident  *healthrecord.Resident
	head      bool
	checkups  []*healthrecord.Checkup
	contracts []*healthrecord.Contract
	events    []healthrecord.ServiceEvent
	// useWindow is healthrecord.DynamicUseWindow of the last asOf, worked out once.
	useWindow gongwei.Period
	// elderly is the elderly birth cutoff of the last asOf, worked out once.
	elderly elderlyCutoff
	// opts are the options of RecordIndicatorsWith; nil for RecordIndicators.
	opts *RecordOptions
}

// elderlyCutoff answers healthrecord.IsElderlyOn for one date (on) by comparing birth
// dates: a person's age in completed years on a date grows as the birth date goes back
// (gongwei.Date.AgeYears: the largest n with birth.AddYears(n) on or before it), so
// those elderly on it are exactly those born on or before the latest birth date that
// is (last). The cutoff is found with IsElderlyOn itself, so the rule stays in one
// place; ok is false when it could not be found, and isElderly then asks the rule.
type elderlyCutoff struct {
	on, last gongwei.Date
	ok       bool
}

// elderlyCutoffOn returns the elderly birth cutoff of date on.
func elderlyCutoffOn(on gongwei.Date) elderlyCutoff {
	e := elderlyCutoff{on: on}
	b := on.AddYears(-healthrecord.ElderlyMinAge)
	// The cutoff is within a few days of the same day ElderlyMinAge years before:
	// step to the last birth date that is elderly and whose next day is not.
	for range 8 {
		switch {
		case b.IsZero():
			return e
		case !healthrecord.IsElderlyOn(b, on):
			b = b.AddDays(-1)
		case healthrecord.IsElderlyOn(b.AddDays(1), on):
			b = b.AddDays(1)
		default:
			e.last, e.ok = b, true
			return e
		}
	}
	return e
}

// isElderly reports healthrecord.IsElderlyOn(birth, e.on).
func (e elderlyCutoff) isElderly(birth gongwei.Date) bool {
	if !e.ok {
		return healthrecord.IsElderlyOn(birth, e.on)
	}
	return !birth.IsZero() && !birth.After(e.last)
}

// read gathers r's records from s: its checkups dated in p, its contracts in force on
// p's last day, its events in the dynamic-use window ending then, and whether it heads
// its household. The slices are reused from the previous read.
func (rs *residentRecords) read(ctx context.Context, s healthrecord.Store, r *healthrecord.Resident, p gongwei.Period) error {
	asOf := p.Last()
	*rs = residentRecords{
		resident:  r,
		checkups:  rs.checkups[:0],
		contracts: rs.contracts[:0],
		events:    rs.events[:0],
		useWindow: rs.useWindow,
		elderly:   rs.elderly,
		opts:      rs.opts,
	}
	for e, err := range s.Events(ctx, healthrecord.EventFilter{Resident: r.ID, Period: healthrecord.DynamicUseWindow(asOf)}) {
		if err != nil {
			return err
		}
		rs.events = append(rs.events, e)
	}
	if !r.Info.PermanentOn(asOf) {
		return nil
	}
	for c, err := range s.Contracts(ctx, healthrecord.ContractFilter{Resident: r.ID, Period: gongwei.Days(asOf, 1)}) {
		if err != nil {
			return err
		}
		rs.contracts = append(rs.contracts, c)
	}
	head, err := headsHousehold(ctx, s, r)
	if err != nil {
		return err
	}
	rs.head = head
	if !healthrecord.IsAgedOn(r.BirthDate, asOf, rs.opts.elderlyAge()) {
		return nil
	}
	for c, err := range s.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID, Period: p}) {
		if err != nil {
			return err
		}
		rs.checkups = append(rs.checkups, c)
	}
	return nil
}

// add adds the contributions of one resident (see RecordIndicators). The resident must
// have an archive number and be active on p's last day. Records outside the windows the
// rules read (checkups not dated in p, contracts not in force on its last day, events
// outside the dynamic-use window) are ignored, so a Subject may carry every record.
func (rs *residentRecords) add(p gongwei.Period, sink Sink) {
	r := rs.resident
	asOf := p.Last()
	unit := Unit(r.Archive.Village())
	// 档案合格 from the outcome the Registry stored with the record, recomputed when
	// it was derived by another edition of the rules (healthrecord.Resident.Outcome).
	complete := r.Outcome().CompleteOn(r, asOf)

	// Records held: usage and quality.
	if rs.useWindow.End != asOf.AddDays(1) {
		rs.useWindow = healthrecord.DynamicUseWindow(asOf)
	}
	sink.Add(codeRecordUsage, unit, p, b2i(healthrecord.UsedWithin(rs.events, rs.useWindow)), 1)
	sink.Add(codeRecordQualified, unit, p, b2i(complete), 1)

	if !r.Info.PermanentOn(asOf) {
		return
	}
	// 常住居民.
	contracted := false
	for _, c := range rs.contracts {
		contracted = contracted || c.ActiveOn(asOf)
	}
	sink.Add(codeRecordCoverage, unit, p, b2i(complete), 1)
	sink.Add(codeRecordElectronic, unit, p, b2i(r.Electronic), 1)
	sink.Add(codeRecordContract, unit, p, b2i(contracted), 1)
	sink.Add(codeRecordHousehold, unit, p, b2i(rs.head), 0)

	if rs.opts != nil {
		rs.addKeyPopulation(p, unit, complete, contracted, sink)
		if rs.opts.elderlyAge() != healthrecord.ElderlyMinAge {
			rs.addElderlyFrom(p, unit, sink)
			return
		}
	}
	if rs.elderly.on != asOf {
		rs.elderly = elderlyCutoffOn(asOf)
	}
	if !rs.elderly.isElderly(r.BirthDate) {
		return
	}
	// 65岁及以上常住居民.
	var examined, managed, tcm bool
	for _, c := range rs.checkups {
		if !p.Contains(c.Date) || !healthrecord.IsElderlyOn(r.BirthDate, c.Date) {
			continue
		}
		examined = true
		o := c.Outcome(r.BirthDate)
		managed = managed || o.ElderlyManaged
		tcm = tcm || o.TCMManaged
	}
	sink.Add(codeElderlyManaged, unit, p, b2i(managed), 1)
	sink.Add(codeTCMElderly, unit, p, b2i(tcm), 1)
	if examined {
		sink.Add(codeElderlyComplete, unit, p, b2i(managed), 1)
	}
}

// headsHousehold reports whether r is the head of the family record it belongs to. A
// household the store no longer holds counts as none.
func headsHousehold(ctx context.Context, s healthrecord.Store, r *healthrecord.Resident) (bool, error) {
	if r.Household == "" {
		return false, nil
	}
	h, err := s.Household(ctx, r.Household)
	if errors.Is(err, gongwei.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return h.Head == r.ID, nil
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
