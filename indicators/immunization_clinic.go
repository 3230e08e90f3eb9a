package indicators

import (
	"context"
	"iter"

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
	codeImmCampaign    Code = "imm.campaign"
)

// ImmunizationClinicCodes lists the indicators [ImmunizationCardIndicators],
// [AEFIIndicators] and [CampaignIndicators] fill (imm.campaign as its family code).
var ImmunizationClinicCodes = []Code{codeImmCard, codeImmAEFIHandled, codeImmAEFITimely, codeImmCampaign}

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

// ManagedImmunizationIndicators is [ImmunizationIndicators] following the residence rule
// of floating children (immunization.ResidenceOn with rule, on p's last day): a child who
// has left the area, or arrived from elsewhere and not yet lived in it for the rule's
// months, is not counted; a child who became resident is counted as a local child is. It
// fills the same cells for the children it counts, plus imm.card: for a local child as
// [ImmunizationCardIndicators] does, for a resident one when the day the rule's months
// were completed (immunization.ManagedSince) falls in p. moves holds the movements.
func ManagedImmunizationIndicators(ctx context.Context, s immunization.Store, moves immunization.MovementStore, prefix string, rule immunization.ResidenceRule, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	last := p.Last()
	var (
		doses []immunization.Dose
		ms    []immunization.Movement
		sc    immScratch
	)
	for r, err := range s.Registrations(ctx, immunization.Filter{Prefix: prefix}) {
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return err
		}
		if ms, err = appendMapped(ms[:0], moves.Movements(ctx, immunization.MovementFilter{Resident: r.Resident}),
			func(m *immunization.Movement) immunization.Movement { return *m }); err != nil {
			return err
		}
		since := immunization.ManagedSince(r.Child.Birth, ms, last, rule)
		if r.Child.Birth.IsZero() || since.IsZero() {
			continue
		}
		if doses, err = appendMapped(doses[:0], s.Vaccinations(ctx, immunization.VaccinationFilter{Resident: r.Resident}),
			func(v *immunization.Vaccination) immunization.Dose { return v.Dose }); err != nil {
			return err
		}
		addRegistration(r, doses, p, b, &sc)
		due := r.Child.Birth.AddMonths(1)
		if since != r.Child.Birth {
			due = since
		}
		if p.Contains(due) {
			b.Add(codeImmCard, Unit(r.Village), p, b2i(!r.Card.IsZero() && !r.Card.After(last)), 1)
		}
	}
	return nil
}

// CampaignIndicators adds, for every campaign of campaigns starting in p, its own
// coverage, counted apart from routine coverage (immunization.md §1.3: campaigns are
// reported on their own; a catch-up or supplementary campaign's valid doses also count
// in the routine series, an outbreak campaign's do not): imm.campaign/<campaign ID>, per
// village Unit and period p, denominator the campaign's targets on its first day
// (immunization.CampaignService.Targets), numerator those of them given a dose of the
// campaign. s holds the registrations and doses.
func CampaignIndicators(ctx context.Context, s immunization.Store, campaigns immunization.CampaignStore, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	cs := immunization.New(s, immunization.Options{}).Campaigns(campaigns)
	for c, err := range campaigns.Campaigns(ctx, p) {
		if err != nil {
			return err
		}
		if !p.Contains(c.Period.Start) {
			continue
		}
		cov, err := cs.Coverage(ctx, c.ID)
		if err != nil {
			return err
		}
		code := codeImmCampaign.With(string(c.ID))
		for v, n := range cov.ByVillage {
			sink.Add(code, Unit(v), p, int64(n[1]), int64(n[0]))
		}
	}
	return nil
}

// appendMapped appends f of each record of seq to buf, or returns the first error the
// stream yields.
func appendMapped[T, U any](buf []U, seq iter.Seq2[*T, error], f func(*T) U) ([]U, error) {
	for x, err := range seq {
		if err != nil {
			return buf, err
		}
		buf = append(buf, f(x))
	}
	return buf, nil
}
