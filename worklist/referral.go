package worklist

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/referral"
)

// Referral is the service of the referral register's items.
const Referral Service = "referral"

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: "worklist.service.referral", ZhHans: "双向转诊", ZhHant: "雙向轉診", En: "referral"},
		gongwei.Message{Key: "worklist.what.referral_followup", ZhHans: "转诊结果随访", ZhHant: "轉診結果隨訪", En: "referral outcome follow-up"},
		gongwei.Message{Key: "worklist.what.tb_suspect_check", ZhHans: "肺结核可疑者到位核实", ZhHant: "肺結核可疑者到位核實", En: "TB suspect attendance check"},
	)
}

// ReferralSource lists the referrals of the register (indicators.Subject.Referrals) not
// yet followed up: due while their follow-up window (referral.FollowUpWindow: 2 weeks,
// a TB suspect's 1 week; nbphs-spec §0 and §10) is open in the range, overdue once it
// closed before the range began. Urgent referrals give urgent items. It is not among
// [Sources]: a host with a register passes it to [New].
type ReferralSource struct{}

// Append implements [Source].
func (ReferralSource) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	for _, x := range s.Referrals {
		if x == nil || !x.FollowedUp.IsZero() || x.Referred.IsZero() || !x.Referred.Before(r.End) {
			continue
		}
		w := gongwei.Period{Start: x.Referred, End: x.Due().AddDays(1)}
		st := Due
		if !w.End.After(r.Start) {
			st = Overdue
		}
		what, src := "worklist.what.referral_followup", "nbphs-spec §0 (2周内主动随访转诊情况); referral.FollowUpWindow"
		if x.Kind == referral.TBSuspect {
			what, src = "worklist.what.tb_suspect_check", "nbphs-spec §10 (1周内电话随访); referral.FollowUpWindow"
		}
		dst = append(dst, Item{Service: Referral, Status: st, Window: w, Source: src, Urgent: x.Urgent, What: what})
	}
	return dst
}
