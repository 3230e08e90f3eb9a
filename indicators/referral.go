package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/referral"
)

// The indicator codes filled by [ReferralIndicators].
const (
	codeReferralFollowUp Code = "referral.followup"
	codeTBSuspectCheck   Code = "tb.suspect_attendance"
)

// ReferralCodes lists the indicators [ReferralIndicators] fills, in catalogue order.
// tb.referral, also read from the register, is filled by the TB computation (see
// ChronicOptions.TBReferrals).
var ReferralCodes = []Code{codeReferralFollowUp, codeTBSuspectCheck}

// ReferralIndicators streams the referral register of the jurisdiction prefix (village
// digits) once and adds to sink, for period p, each referral whose follow-up fell due
// in p (referral.Referral.Due in p, so a slip of late December counts in the year its
// follow-up is due), counted under its village:
//
//   - referral.followup (转诊后2周内随访率): every kind but TB suspects; numerator those
//     followed up within 2 weeks (nbphs-spec §0 "Recurring rule": 2周内主动随访转诊情况).
//   - tb.suspect_attendance (肺结核可疑者转诊后1周内随访率): TB suspects; numerator those
//     whose attendance was checked within 1 week (nbphs-spec §10 "Screening and
//     referral": phone follow-up within 1 week).
//
// Neither rate has a national formula (plan-services.md §2.2 lists the TB programme's
// 转诊到位率 and 追踪率 without their denominators; UNCONFIRMED): they count the rules of
// the specification, each referral once. [BasisDue]
//
// The error is the first the store yields, one wrapping gongwei.ErrInvalid when p is
// not valid, or ctx's error.
func ReferralIndicators(ctx context.Context, s referral.Store, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	// A follow-up due in p belongs to a referral made at most the longest window before.
	f := referral.Filter{Prefix: prefix, Period: gongwei.Period{Start: p.Start.AddDays(-referral.FollowUpWindow(referral.Other)), End: p.End}}
	for r, err := range s.Referrals(ctx, f) {
		if err != nil {
			return err
		}
		if !p.Contains(r.Due()) {
			continue
		}
		code := codeReferralFollowUp
		if r.Kind == referral.TBSuspect {
			code = codeTBSuspectCheck
		}
		b.Add(code, Unit(r.Village), p, b2i(r.OnTime()), 1)
	}
	return ctx.Err()
}

// TBReferrals reads the TB-suspect referrals of the jurisdiction prefix from the
// referral register and returns each resident's first referral date: the value of
// ChronicOptions.TBReferrals that makes the register the source of tb.referral.
func TBReferrals(ctx context.Context, s referral.Store, prefix string) (map[healthrecord.ResidentID]gongwei.Date, error) {
	m := map[healthrecord.ResidentID]gongwei.Date{}
	for r, err := range s.Referrals(ctx, referral.Filter{Prefix: prefix, Kind: referral.TBSuspect}) {
		if err != nil {
			return nil, err
		}
		if d, ok := m[r.Resident]; !ok || r.Referred.Before(d) {
			m[r.Resident] = r.Referred
		}
	}
	return m, nil
}
