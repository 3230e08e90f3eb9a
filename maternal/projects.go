package maternal

import (
	"github.com/gongwei-lib/gongwei"
)

// The women's health projects absorbed into the basic public health services in 2019
// (nbphs-spec "2019 restructuring": 增补叶酸预防神经管缺陷, 国家免费孕前优生健康检查,
// 预防艾滋病、梅毒和乙肝母婴传播) record on the pregnancy they serve: the free
// pre-pregnancy check that preceded it, the folic acid taken around conception, the
// intervention given to a mother positive for one of the three infections and to her
// infants, and the rural hospital-delivery subsidy (住院分娩补助) paid.

// FolicAcid records folic-acid supplementation (增补叶酸预防神经管缺陷): the programme gives
// folic acid to women planning a pregnancy, taken from 3 months before conception to 3
// months of pregnancy (plan-services.md §8, MoH 2009 programme). The dose (0.4 mg a day)
// is not a rule here: the programme text with it was not seen (UNCONFIRMED).
type FolicAcid struct {
	// Before reports folic acid taken in the 3 months before conception.
	Before bool
	// FirstTrimester reports folic acid taken in the first 3 months of pregnancy.
	FirstTrimester bool
}

// Taken reports folic acid taken before conception or in the first 3 months: what the
// plans' 叶酸服用率 counts (plan-targets.md: "叶酸增补 (planning pregnancy or first 3
// months) ≥90%").
func (f *FolicAcid) Taken() bool { return f != nil && (f.Before || f.FirstTrimester) }

// Intervention is the intervention given for one infection the mother tested positive
// for (预防艾滋病、梅毒和乙肝母婴传播, plan-services.md §8): her treatment (antiretroviral
// therapy for HIV, penicillin for syphilis) and her infants' prophylaxis (ARV
// prophylaxis for HIV, prophylactic penicillin for syphilis, hepatitis B immunoglobulin
// with the vaccine for HBsAg). The hour windows of the infant's prophylaxis (HIV 6-12 h,
// HBIG 12 h in the 2020 guideline, 24 h in the 2011 scheme) are clinical guidance the
// dates here cannot carry; the record says whether and when each was given.
type Intervention struct {
	// Infection is the infection the intervention is for.
	Infection Infection
	// Mother is the day the mother's treatment started; zero when none was given.
	Mother gongwei.Date
	// Infant is the day the infants' prophylaxis was given; zero when none was (or no
	// infant was born alive).
	Infant gongwei.Date
}

// intervention returns the intervention recorded for inf, or nil.
func (p *Pregnancy) intervention(inf Infection) *Intervention {
	for i := range p.Interventions {
		if p.Interventions[i].Infection == inf {
			return &p.Interventions[i]
		}
	}
	return nil
}

// Intervened reports, for each infection the pregnancy tested positive for
// ([Pregnancy.Testing]), whether the mother and her infants were given the
// intervention: the mother treated and, when an infant was born alive, the infants'
// prophylaxis given (plan-targets.md: 艾滋病感染孕产妇及所生儿童用药干预率 counts mother
// and child). positive[i] is false for an infection not found, in [Infections] order.
func (p *Pregnancy) Intervened() (positive, intervened [3]bool) {
	live := p.Delivery != nil && p.Delivery.LiveBirths > 0
	for i, st := range p.Testing() {
		if !st.Positive {
			continue
		}
		positive[i] = true
		x := p.intervention(st.Infection)
		intervened[i] = x != nil && !x.Mother.IsZero() && (!live || !x.Infant.IsZero())
	}
	return positive, intervened
}

// PrePregnancyChecked reports a free pre-pregnancy check (国家免费孕前优生健康检查,
// plan-services.md §8: recommended 4-6 months before conception, once per planned
// birth) before the pregnancy's LMP.
func (p *Pregnancy) PrePregnancyChecked() bool {
	lmp := p.Dating.LMPDate()
	return !p.PrePregnancyCheck.IsZero() && (lmp.IsZero() || p.PrePregnancyCheck.Before(lmp))
}

// SubsidyPaidOut reports an eligible woman ([Pregnancy.SubsidyEligible]) paid the
// hospital-delivery subsidy.
func (p *Pregnancy) SubsidyPaidOut() bool { return p.SubsidyEligible() && !p.SubsidyPaid.IsZero() }

// validateProjects adds the checks of the projects' fields: a pre-pregnancy check after
// the LMP, an intervention for an infection without a positive test or given twice, an
// infant's prophylaxis before the delivery, and a subsidy paid to a woman not eligible or
// before the delivery are errors.
func (p *Pregnancy) validateProjects(ve *gongwei.ValidationError) {
	lmp := p.Dating.LMPDate()
	ve.Check(p.PrePregnancyCheck.IsZero() || lmp.IsZero() || p.PrePregnancyCheck.Before(lmp), "PrePregnancyCheck", gongwei.CodeOrder)
	st := p.Testing()
	seen := [3]bool{}
	var born gongwei.Date
	if p.Delivery != nil {
		born = p.Delivery.Date
	}
	for i, x := range p.Interventions {
		path := "Interventions[" + itoa(i) + "]."
		if !x.Infection.IsValid() {
			ve.Add(path+"Infection", gongwei.CodeUnknownCode)
			continue
		}
		ve.Check(st[x.Infection-1].Positive, path+"Infection", gongwei.CodeNotAllowed)
		ve.Check(!seen[x.Infection-1], path+"Infection", gongwei.CodeDuplicate)
		seen[x.Infection-1] = true
		ve.Check(x.Mother.IsZero() || lmp.IsZero() || !x.Mother.Before(lmp), path+"Mother", gongwei.CodeOrder)
		ve.Check(x.Infant.IsZero() || (!born.IsZero() && !x.Infant.Before(born)), path+"Infant", gongwei.CodeOrder)
	}
	if !p.SubsidyPaid.IsZero() {
		ve.Check(p.SubsidyEligible(), "SubsidyPaid", gongwei.CodeNotAllowed)
		ve.Check(born.IsZero() || !p.SubsidyPaid.Before(born), "SubsidyPaid", gongwei.CodeOrder)
	}
}
