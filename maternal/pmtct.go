package maternal

import (
	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// Infection is one of the three infections of the prevention of mother-to-child
// transmission programme (预防艾滋病、梅毒和乙肝母婴传播, 三阻断): the first prenatal
// examination tests hepatitis B, and, where feasible, syphilis serology and HIV
// (nbphs-spec §5.1); plans count the three tests and the share done before 28 weeks
// (plan-targets.md "孕期艾滋病、梅毒、乙肝检测率 ≥90%, with the rate before 28 weeks
// rising"). The numbering is persisted: append only.
type Infection int

// The three infections.
const (
	HIV      Infection = iota + 1 // 艾滋病 (HIV antibody)
	Syphilis                      // 梅毒 (syphilis serology)
	HBV                           // 乙肝 (HBsAg, 乙肝表面抗原)
)

// Infections lists the three in a fixed order.
var Infections = [...]Infection{HIV, Syphilis, HBV}

var infectionKeys = [...]string{"maternal.infection.hiv", "maternal.infection.syphilis", "maternal.infection.hbv"}
var infectionCodes = [...]string{"hiv", "syphilis", "hbsag"}

// IsValid reports whether i is one of the three.
func (i Infection) IsValid() bool { return i >= HIV && i <= HBV }

// Code returns a short stable code: "hiv", "syphilis", "hbsag" (used as the qualifier
// of the testing indicators).
func (i Infection) Code() string {
	if !i.IsValid() {
		return ""
	}
	return infectionCodes[i-1]
}

// Label returns the infection's name in language tag.
func (i Infection) Label(tag language.Tag) string {
	if !i.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(infectionKeys[i-1])
}

// Result is the result of an infection test.
type Result int

// Test results.
const (
	Negative Result = iota + 1 // 阴性
	Positive                   // 阳性
)

// TimelyTestWeeks is the timely-testing limit: a test before 28 weeks of gestation (by
// 27+6) counts for the before-28-weeks testing rate (plan-targets.md).
const TimelyTestWeeks = 28

// InfectionTest is one test of the three-infection programme.
type InfectionTest struct {
	// Infection is the infection tested for: HIV, syphilis or HBV.
	Infection Infection
	// Date the sample was taken.
	Date gongwei.Date
	// Result is negative or positive.
	Result Result
}

// TestStatus is where one infection's testing stands for a pregnancy.
type TestStatus struct {
	// Infection is the infection the status is for.
	Infection Infection
	// Tested reports a test in pregnancy (dated on or before the end of pregnancy).
	Tested bool
	// First is the date of the first test in pregnancy.
	First gongwei.Date
	// Timely reports a test before 28 weeks ([TimelyTestWeeks]).
	Timely bool
	// Positive reports any positive result: the woman needs positive-case management
	// (treatment, counselling, delivery planning) and her child the flags of
	// [ChildFlags].
	Positive bool
}

// Testing returns the status of each of the three infections ([Infections] order). A
// test counts when dated from the LMP to the end of pregnancy (tests at delivery count;
// tests after it do not).
func (p *Pregnancy) Testing() [3]TestStatus {
	var out [3]TestStatus
	lmp, end := p.Dating.LMPDate(), p.EndDate()
	for i, inf := range Infections {
		st := TestStatus{Infection: inf}
		for _, t := range p.Tests {
			if t.Infection != inf || t.Date.IsZero() || (!lmp.IsZero() && t.Date.Before(lmp)) ||
				(!end.IsZero() && t.Date.After(end)) {
				continue
			}
			if !st.Tested || t.Date.Before(st.First) {
				st.First = t.Date
			}
			st.Tested = true
			st.Timely = st.Timely || Of(lmp, t.Date) < Weeks(TimelyTestWeeks, 0)
			st.Positive = st.Positive || t.Result == Positive
		}
		out[i] = st
	}
	return out
}

// TestedAll reports whether the pregnancy was tested for all three infections, and
// whether all three before 28 weeks.
func (p *Pregnancy) TestedAll() (tested, timely bool) {
	tested, timely = true, true
	for _, st := range p.Testing() {
		tested = tested && st.Tested
		timely = timely && st.Timely
	}
	return tested, timely
}

// ChildFlags is what a child's record must carry from the mother's pregnancy: the
// exposures that change the newborn's care. The child and immunization packages do not
// import this package; a host copies these fields into their inputs (the dependency rule
// of DESIGN.md: a domain package never imports a sibling).
type ChildFlags struct {
	// HBsAgPositive: the mother tested HBsAg-positive. The newborn gets hepatitis B
	// vaccine dose 1 within 12 hours of birth and, on a doctor's order, 100 IU hepatitis B
	// immunoglobulin (HBIG) at the same visit; post-vaccination serology at 1-2 months
	// after the last dose (immunization.md, HepB).
	HBsAgPositive bool
	// HBsAgUnknown: the mother has no HBsAg result in pregnancy: dose 1 within 12 hours
	// as for a positive mother (immunization.md, HepB).
	HBsAgUnknown bool
	// HIVExposed: the mother tested HIV-positive: the child is an HIV-exposed infant
	// under PMTCT follow-up (plan-targets.md: 艾滋病感染孕产妇及所生儿童用药干预率).
	HIVExposed bool
	// SyphilisExposed: the mother tested syphilis-positive: the child is followed as a
	// syphilis-exposed infant.
	SyphilisExposed bool
}

// Any reports whether any flag is set.
func (f ChildFlags) Any() bool {
	return f.HBsAgPositive || f.HBsAgUnknown || f.HIVExposed || f.SyphilisExposed
}

// ChildFlags returns the flags the pregnancy's children carry (see [ChildFlags]).
func (p *Pregnancy) ChildFlags() ChildFlags {
	st := p.Testing()
	return ChildFlags{
		HIVExposed:      st[0].Positive,
		SyphilisExposed: st[1].Positive,
		HBsAgPositive:   st[2].Positive,
		HBsAgUnknown:    !st[2].Tested,
	}
}
