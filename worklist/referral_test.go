package worklist

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/referral"
)

// TestReferralSource: in the week 2025-03-17..23, a hypertension referral of 03-10 (due
// 03-24) is due, an urgent one of 03-01 (due 03-15) overdue, a TB suspect's of 03-12
// (due 03-19) due with its own label; one followed up and one made after the range give
// nothing.
func TestReferralSource(t *testing.T) {
	d := gongwei.MustDate
	ref := func(k referral.Kind, on gongwei.Date, urgent bool) *referral.Referral {
		return &referral.Referral{Kind: k, Referred: on, Urgent: urgent}
	}
	done := ref(referral.Child, d(2025, 3, 12), false)
	done.FollowedUp, done.Outcome = d(2025, 3, 14), referral.Attended
	s := &indicators.Subject{Referrals: []*referral.Referral{
		ref(referral.Hypertension, d(2025, 3, 10), false),
		ref(referral.Diabetes, d(2025, 3, 1), true),
		ref(referral.TBSuspect, d(2025, 3, 12), false),
		done,
		ref(referral.Maternal, d(2025, 3, 24), false),
	}}
	items := ReferralSource{}.Append(nil, s, gongwei.Period{Start: d(2025, 3, 17), End: d(2025, 3, 24)})
	if len(items) != 3 {
		t.Fatalf("%d items: %+v", len(items), items)
	}
	for i, want := range []struct {
		status Status
		due    gongwei.Date
		urgent bool
		label  string
	}{
		{Due, d(2025, 3, 24), false, "转诊结果随访"},
		{Overdue, d(2025, 3, 15), true, "转诊结果随访"},
		{Due, d(2025, 3, 19), false, "肺结核可疑者到位核实"},
	} {
		it := items[i]
		if it.Status != want.status || it.Due() != want.due || it.Urgent != want.urgent || it.Label(language.SimplifiedChinese) != want.label {
			t.Errorf("item %d: %v due %v urgent %v %q, want %v %v %v %q", i, it.Status, it.Due(), it.Urgent,
				it.Label(language.SimplifiedChinese), want.status, want.due, want.urgent, want.label)
		}
	}
	if got := Referral.Label(language.English); got != "referral" {
		t.Errorf("service label %q", got)
	}
}
