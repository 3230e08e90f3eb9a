package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision"
)

// The indicator codes filled by [SupervisionIndicators].
const (
	codeSupCoverage      Code = "sup.coverage"
	codeSupInfoReport    Code = "sup.info_report"
	codeSupPatrols       Code = "sup.patrols"
	codeSupFrequency     Code = "sup.frequency"
	codeSupComplaint     Code = "sup.complaint_timely"
	codeSupCertificate   Code = "sup.health_certificate"
	codeSupFiveDiseases  Code = "sup.five_disease_removal"
	codeInfReport        Code = "inf.report"
	codeInfReportTimely  Code = "inf.report_timely"
	codeInfEmergencyRept Code = "inf.emergency_report"
)

// SupervisionCodes lists the indicators [SupervisionIndicators] fills, in catalogue order.
var SupervisionCodes = []Code{
	codeInfReport, codeInfReportTimely, codeInfEmergencyRept,
	codeSupInfoReport, codeSupCoverage, codeSupPatrols,
	codeSupFrequency, codeSupComplaint, codeSupCertificate, codeSupFiveDiseases,
}

// SupervisionIndicators streams the supervision store of the jurisdiction prefix (village
// code digits: 6 county, 9 township, 12 village; empty for everything) once per record
// type and adds to sink the counts of the supervision-assistance and infectious-disease
// reporting indicators ([SupervisionCodes]) for period p (annual for the national
// indicators; any valid period works, but sup.frequency compares with a yearly quota and
// is meant for calendar years). Every record is counted under its 12-digit village
// ([Unit]); roll the tally up for townships and counties. asOf is p.Last().
//
//   - sup.coverage (卫生监督协管覆盖率, plan-targets.md 100%; formula UNCONFIRMED in
//     reference): denominator the units active on asOf (supervision.Unit.ActiveOn),
//     numerator those with at least one inspection dated in p.
//   - sup.patrols (协助开展实地巡查次数, nbphs-spec §13): the inspections dated in p.
//   - sup.frequency (巡查频次达标率, plan-targets.md "≥4 inspections a unit a year", water
//     twice, dry and wet season): denominator the units active on asOf whose kind has a
//     quota in asOf's year (supervision.Frequencies, pro rata from registration),
//     numerator those meeting it with the inspections dated in p
//     (supervision.MeetsFrequency).
//   - sup.info_report (卫生计生监督协管信息报告率, nbphs-spec §13): denominator the clues
//     found in p (by Found), numerator those reported (Reported set, whenever).
//   - sup.complaint_timely (投诉举报及时处理率, plan-targets.md 5 / 1 working days):
//     denominator the complaints received in p, numerator those acted on by their
//     working-day deadline (supervision.Complaint.Timely). A complaint received in a year
//     without a holiday arrangement makes the computation fail with a
//     *supervision.NoCalendarError rather than guess. A complaint recorded without a
//     village is counted under the zero Unit (the whole-catalogue figure).
//   - sup.health_certificate (从业人员体检率, plan-targets.md 100%): over the
//     practitioners of the units active on asOf, those with a health certificate valid on
//     asOf (BasisStock).
//   - sup.five_disease_removal (五病人员调离率, plan-targets.md 100%): over the
//     practitioners of the units active on asOf with one of the five disqualifying
//     conditions, those removed on or before asOf (BasisStock).
//   - inf.report (传染病疫情报告率, nbphs-spec §12.2): denominator the case reports
//     registered in p (by Registered, 登记), numerator those reported online.
//   - inf.report_timely (传染病疫情报告及时率, nbphs-spec §12.2): denominator the cases
//     registered in p and reported, numerator those reported within their time limit
//     (supervision.CaseReport.Timely: 2 or 24 hours on the Asia/Shanghai clock).
//   - inf.emergency_report (突发公共卫生事件相关信息报告率, nbphs-spec §12.2: 及时报告的 ÷
//     报告的): denominator the emergency reports discovered in p (Asia/Shanghai date)
//     and reported, numerator those reported within 2 hours.
//
// The error is the first one a stream yields, a *supervision.NoCalendarError, one
// wrapping gongwei.ErrInvalid when p is not valid, or ctx's error.
func SupervisionIndicators(ctx context.Context, s supervision.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	asOf := p.Last()
	byUnit := map[supervision.UnitID][]*supervision.Inspection{}
	for in, err := range s.Inspections(ctx, supervision.InspectionFilter{Prefix: prefix, Period: p}) {
		if err != nil {
			return err
		}
		byUnit[in.Unit] = append(byUnit[in.Unit], in)
		sink.Add(codeSupPatrols, Unit(in.Village), p, 1, 0)
	}
	for u, err := range s.Units(ctx, supervision.UnitFilter{Prefix: prefix}) {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if !u.ActiveOn(asOf) {
			continue
		}
		unit := Unit(u.Village)
		ins := byUnit[u.ID]
		sink.Add(codeSupCoverage, unit, p, b2i(len(ins) > 0), 1)
		if f := supervision.Frequencies[u.Kind]; f.PerYear > 0 {
			sink.Add(codeSupFrequency, unit, p, b2i(supervision.MeetsFrequency(u, ins, asOf.Year(), nil)), 1)
		}
		cs := u.Certificates(asOf)
		if cs.Practitioners > 0 {
			sink.Add(codeSupCertificate, unit, p, int64(cs.Certified), int64(cs.Practitioners))
		}
		if cs.Disqualified > 0 {
			sink.Add(codeSupFiveDiseases, unit, p, int64(cs.Removed), int64(cs.Disqualified))
		}
	}
	f := supervision.Filter{Prefix: prefix, Period: p}
	for c, err := range s.Clues(ctx, f) {
		if err != nil {
			return err
		}
		sink.Add(codeSupInfoReport, Unit(c.Village), p, b2i(!c.Reported.IsZero()), 1)
	}
	for c, err := range s.Complaints(ctx, f) {
		if err != nil {
			return err
		}
		timely, _, err := c.Timely()
		if err != nil {
			return err
		}
		sink.Add(codeSupComplaint, Unit(c.Village), p, b2i(timely), 1)
	}
	for r, err := range s.CaseReports(ctx, f) {
		if err != nil {
			return err
		}
		unit := Unit(r.Village)
		sink.Add(codeInfReport, unit, p, b2i(r.IsReported()), 1)
		if r.IsReported() {
			sink.Add(codeInfReportTimely, unit, p, b2i(r.Timely()), 1)
		}
	}
	for e, err := range s.EmergencyReports(ctx, f) {
		if err != nil {
			return err
		}
		if !e.Reported.IsZero() {
			sink.Add(codeInfEmergencyRept, Unit(e.Village), p, b2i(e.Timely()), 1)
		}
	}
	return ctx.Err()
}
