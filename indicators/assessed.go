package indicators

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
)

// The indicator codes that the year-end assessment asks for beyond the specification's
// list, filled by the computations of their service (ChronicIndicators,
// MaternalIndicators, ImmunizationIndicators) with the rules below.
const (
	codeSMIManaged        Code = "smi.management"
	codeTBReferral        Code = "tb.referral"
	codeMaternalScreening Code = "maternal.prenatal_screening"
	codeImmSchoolCheck    Code = "imm.school_entry_check"
	codeImmFullSeries     Code = "imm.full_series"
)

// addSMIManaged adds a severe-mental-disorder patient's contribution to smi.management
// (精神病综合管理率). No source defines the 综合管理率 that local plans name
// (plan-services.md §2.1); it is computed as the national information system's 管理率
// (a local training sheet, plan-services.md §2.1 "在管患者 and 管理率"): denominator the
// patients on the register (在册: registered and not closed before p starts, so the dead
// and moved-out leave it, chronic.Patient.ManagedIn), numerator those of them in
// management (在管): at least one follow-up in p at which the patient was reached, that is
// a risk assessment was made (chronic.Visit.FaceToFace of a mental-disorder follow-up).
// [BasisService]
func addSMIManaged(pt *chronic.Patient, visits []*chronic.Visit, p gongwei.Period, unit Unit, sink Sink) {
	reached := false
	for _, v := range visits {
		if v.Mental != nil && p.Contains(v.Date()) && v.FaceToFace() {
			reached = true
			break
		}
	}
	sink.Add(codeSMIManaged, unit, p, b2i(reached), 1)
}

// addTBReferral adds a TB patient's contribution to tb.referral (结核病人转诊率). The TB
// programme's 患者转诊率 divides the referral slips issued by non-TB institutions for TB
// and suspected TB patients by the TB and suspected patients those institutions reported
// (plan-services.md §2.2, a TB glossary entry). For a township: denominator the TB
// patients whose notice was received in p and whom the township or village clinic found
// (chronic.TBCourse.FoundLocally), numerator those of them it referred to the designated
// facility on or before the notice. The referral is read from the referral register
// (register: each resident's first TB-suspect referral, see ChronicOptions.TBReferrals)
// when there is one, and from the deprecated chronic.TBCourse.Referred otherwise.
// Suspects never confirmed are not in the chronic store and are left out (UNCONFIRMED
// whether a scheme counts them). [BasisReport]
func addTBReferral(pt *chronic.Patient, register map[healthrecord.ResidentID]gongwei.Date, p gongwei.Period, unit Unit, sink Sink) {
	c := pt.TB
	if !c.FoundLocally || !p.Contains(c.Notified) {
		return
	}
	//lint:ignore SA1019 read when the host keeps no referral register
	referred := !c.Referred.IsZero()
	if register != nil {
		d, ok := register[pt.Resident]
		referred = ok && !d.After(c.Notified)
	}
	sink.Add(codeTBReferral, unit, p, b2i(referred), 1)
}

// addScreening adds a woman delivered in p to maternal.prenatal_screening (产前筛查率):
// the maternal and child health annual report's 孕产妇产前筛查率, pregnant women given
// (serological) prenatal screening ÷ women delivered (产妇数) × 100%
// (plan-services.md §2.3, 《妇幼报表各种率的计算》). Denominator 1, numerator 1 if
// screened during the pregnancy (maternal.Pregnancy.Screened). [BasisBirth]
func addScreening(preg *maternal.Pregnancy, p gongwei.Period, unit Unit, sink Sink) {
	sink.Add(codeMaternalScreening, unit, p, b2i(preg.Screened()), 1)
}

// addSchoolEntries adds a child's school entries to imm.school_entry_check and
// imm.full_series. Neither has an official formula (plan-services.md §2.4, a China CDC
// analysis names the school-entry set: 查验率, 全程接种率 …); the rules are the proposed
// ones of plan-services.md §2.4:
//
//   - imm.school_entry_check (入托入学预防接种证查验率): denominator the entries into a
//     nursery or school dated in p (新入托、入学儿童), numerator those whose certificate
//     was checked (SchoolEntryCheck.Checked, on or before p's last day).
//   - imm.full_series (全程接种率, school-entry use): denominator the children checked in
//     p, numerator those with every programme dose due for their age given at the check
//     (SchoolEntryCheck.Complete, immunization.CheckSchoolEntry). [BasisService]
func addSchoolEntries(r *immunization.Registration, p gongwei.Period, sink Sink) {
	unit := Unit(r.Village)
	last := p.Last()
	for _, e := range r.SchoolEntries {
		if p.Contains(e.Entered) {
			sink.Add(codeImmSchoolCheck, unit, p, b2i(!e.Checked.IsZero() && !e.Checked.After(last)), 1)
		}
		if p.Contains(e.Checked) {
			sink.Add(codeImmFullSeries, unit, p, b2i(e.Complete), 1)
		}
	}
}
