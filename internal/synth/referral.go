package synth

import (
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/referral"
)

// drawReferral is the purpose of the referral register's stream, apart from every other
// so that the register changes no other draw.
const drawReferral uint64 = 311

// Demonstration shares (per mille) of the referral register.
const (
	chronicReferred   = 60  // chronic patients referred once in the year (at a follow-up)
	referralsOnTime   = 850 // referrals followed up within their window
	referralsLate     = 100 // followed up late; the rest not followed up
	referralLateExtra = 10  // at most this many days late
)

// referralKinds are the kinds of the chronic conditions' referrals.
var referralKinds = map[chronic.Condition]referral.Kind{
	chronic.Hypertension: referral.Hypertension, chronic.Diabetes: referral.Diabetes,
	chronic.Mental: referral.Mental, chronic.Tuberculosis: referral.TBPatient,
}

// Referrals returns p's slips in the referral register: the TB suspect's referral of a
// TB patient the township found and referred (the date of the chronic record's
// TBCourse.Referred, so the register and the deprecated field agree), and, for a few
// chronic patients, one referral at a follow-up of the year. Each is followed up on time,
// late or not at all; no follow-up is dated after the year. The draws are on a stream of
// their own.
func (c *County) Referrals(p *Person) []*referral.Referral {
	cases := c.Chronic(p)
	if len(cases) == 0 {
		return nil
	}
	r := c.rng(p.Index, drawReferral)
	res := p.Resident
	var out []*referral.Referral
	add := func(k referral.Kind, d gongwei.Date, to, reason string) {
		ref := &referral.Referral{ID: referral.ID(string(res.ID) + "-R" + strconv.Itoa(len(out)+1)), Resident: res.ID,
			Village: res.Archive.Village(), Kind: k, Referred: d, To: to, Reason: reason}
		window := referral.FollowUpWindow(k)
		var f gongwei.Date
		switch x := r.IntN(1000); {
		case x < referralsOnTime:
			f = d.AddDays(between(r, 1, window))
		case x < referralsOnTime+referralsLate:
			f = d.AddDays(window + between(r, 1, referralLateExtra))
		}
		if !f.IsZero() && !f.After(c.period.Last()) {
			ref.FollowedUp, ref.Outcome = f, referral.Attended
		}
		out = append(out, ref)
	}
	for _, cs := range cases {
		pt := cs.Patient
		//lint:ignore SA1019 the register's slip is the one the chronic record notes
		if pt.TB != nil && pt.TB.FoundLocally && !pt.TB.Referred.IsZero() {
			add(referral.TBSuspect, pt.TB.Referred, "县结核病定点医院", "咳嗽、咳痰2周以上") //lint:ignore SA1019 same slip
		}
		if !chance(r, chronicReferred) {
			continue
		}
		var dates []gongwei.Date
		for _, v := range cs.Visits {
			if c.period.Contains(v.Date()) {
				dates = append(dates, v.Date())
			}
		}
		if len(dates) > 0 {
			add(referralKinds[pt.Condition], dates[r.IntN(len(dates))], "县人民医院", "随访控制不满意")
		}
	}
	return out
}
