package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// The indicator codes of the vaccination clinic's records beyond the schedule: the
// vaccination card (filled by [ImmunizationCardIndicators]) and AEFI handling (filled by
// [AEFIIndicators]). They are computed apart from [ImmunizationIndicators] and [Compute],
// from the stores a host passes.
const (
	codeImmCard        Code = "imm.card"
	codeImmAEFIHandled Code = "imm.aefi_handled"
	codeImmAEFITimely  Code = "imm.aefi_timely"
)

// ImmunizationClinicCodes lists the indicators [ImmunizationCardIndicators] and
// [AEFIIndicators] fill.
var ImmunizationClinicCodes = []Code{codeImmCard, codeImmAEFIHandled, codeImmAEFITimely}

// AEFIIndicators streams the AEFI reports of the villages under prefix found in p
// (immunization.AEFIFilter) and adds to sink, per village Unit and period p:
//
//   - imm.aefi_handled (疑似预防接种异常反应规范处置率): denominator the reports found in p,
//     numerator those reported by their deadline and classified by cause
//     (immunization.AEFIReport.HandledPerNorms);
//   - imm.aefi_timely (报告及时率): the same denominator, numerator those reported by
//     their deadline (immunization.AEFIReport.Timely).
//
// rules are the reporting rules: immunization.DefaultAEFIRules or the province's. The
// error is the first the store yields, or one wrapping gongwei.ErrInvalid when p is not
// valid, or ctx's error.
func AEFIIndicators(ctx context.Context, s immunization.AEFIStore, prefix string, rules immunization.AEFIRules, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	for r, err := range s.AEFIs(ctx, immunization.AEFIFilter{Prefix: prefix, Period: p}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		unit := Unit(r.Village)
		sink.Add(codeImmAEFIHandled, unit, p, b2i(r.HandledPerNorms(rules)), 1)
		sink.Add(codeImmAEFITimely, unit, p, b2i(r.Timely(rules)), 1)
	}
	return nil
}

// ImmunizationCardIndicators streams the registrations of the villages under prefix and
// adds to sink, per village Unit and period p, imm.card (预防接种建卡率): no national
// formula is known (plan-services.md §2.6, UNCONFIRMED), so it is counted as imm.certificate
// (建证率) is, with the card in the numerator, as local systems do: denominator the
// registered children whose 1-month date falls in p, numerator those of them with a card
// created on or before p's last day. A registration without a birth date is skipped.
func ImmunizationCardIndicators(ctx context.Context, s immunization.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	last := p.Last()
	for r, err := range s.Registrations(ctx, immunization.Filter{Prefix: prefix}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if r.Child.Birth.IsZero() || !p.Contains(r.Child.Birth.AddMonths(1)) {
			continue
		}
		sink.Add(codeImmCard, Unit(r.Village), p, b2i(!r.Card.IsZero() && !r.Card.After(last)), 1)
	}
	return nil
}
