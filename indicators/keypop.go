package indicators

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// The indicator codes of the key populations (重点人群), filled by [RecordIndicatorsWith].
const (
	codeKeyContract Code = "record.key_contract"
	codeKeyCoverage Code = "record.key_coverage"
)

// KeyPopulationCodes lists the key-population indicators, in catalogue order.
var KeyPopulationCodes = []Code{codeKeyContract, codeKeyCoverage}

// RecordOptions configures [RecordIndicatorsWith]. A nil *RecordOptions gives
// RecordIndicators' rows only.
type RecordOptions struct {
	// ElderlyMinAge is the age in completed years from which a resident counts as
	// elderly in the elderly indicators (elderly.management, elderly.checkup_complete,
	// tcm.elderly) and in the elderly key population. Zero means the specification's
	// healthrecord.ElderlyMinAge (65); a plan that counts from 60 sets
	// healthrecord.ElderlyMinAgePlan60 (plan-targets.md), and the rows keep their codes
	// with that denominator. Take it from the plan with [Plan.RecordOptions].
	ElderlyMinAge int
}

// elderlyAge returns the elderly age of o (nil: the specification's).
func (o *RecordOptions) elderlyAge() int {
	if o == nil || o.ElderlyMinAge <= 0 {
		return healthrecord.ElderlyMinAge
	}
	return o.ElderlyMinAge
}

// addKeyPopulation adds a permanent resident active on p's last day to the key-population
// rows when it belongs to a key population then (healthrecord.Resident.InKeyPopulation,
// the 2016 guidance's groups, with the options' elderly age):
//
//   - record.key_contract (重点人群签约率): key-group members under contract ÷ key-group
//     members (plan-services.md §2.5: 重点人群签约服务覆盖率, one implementation, SN01);
//     numerator a family-doctor contract in force on the last day.
//   - record.key_coverage (重点人群建档率): key-group members with a complete record ÷
//     key-group members. The formula is UNCONFIRMED (plans name the target only,
//     plan-targets.md "60岁以上老人、特困残疾人、低保户 建档率"); as record.coverage, the
//     store's records are the counted population, and a host with a register of its key
//     population replaces the denominator with Tally.SetDenominator.
//
// Each resident counts once, however many groups it belongs to. [BasisStock]
func (rs *residentRecords) addKeyPopulation(p gongwei.Period, unit Unit, complete, contracted bool, sink Sink) {
	if !rs.resident.InKeyPopulation(p.Last(), rs.opts.elderlyAge()) {
		return
	}
	sink.Add(codeKeyContract, unit, p, b2i(contracted), 1)
	sink.Add(codeKeyCoverage, unit, p, b2i(complete), 1)
}

// addElderlyFrom adds the elderly rows of RecordIndicators with the options' elderly
// age in place of 65: the same rules (a checkup dated in p on which the resident had
// that age, complete and valid; a complete TCM record) through
// healthrecord.Checkup.ManagedFrom and TCMManagedFrom, so the stored outcomes, derived
// for 65, are not read.
func (rs *residentRecords) addElderlyFrom(p gongwei.Period, unit Unit, sink Sink) {
	r, age := rs.resident, rs.opts.elderlyAge()
	if !healthrecord.IsAgedOn(r.BirthDate, p.Last(), age) {
		return
	}
	var examined, managed, tcm bool
	for _, c := range rs.checkups {
		if !p.Contains(c.Date) || !healthrecord.IsAgedOn(r.BirthDate, c.Date, age) {
			continue
		}
		examined = true
		managed = managed || c.ManagedFrom(r.BirthDate, age)
		tcm = tcm || c.TCMManagedFrom(r.BirthDate, age)
	}
	sink.Add(codeElderlyManaged, unit, p, b2i(managed), 1)
	sink.Add(codeTCMElderly, unit, p, b2i(tcm), 1)
	if examined {
		sink.Add(codeElderlyComplete, unit, p, b2i(managed), 1)
	}
}
