package worklist_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/referral"
	refmem "github.com/gongwei-lib/gongwei/referral/memstore"
	"github.com/gongwei-lib/gongwei/worklist"
)

// TestReferralsThroughStores: the referral register is read with the other stores:
// resident r0001's open hypertension referral of 2025-05-26 (due 06-09) is due in the
// week of 06-02, their TB suspect's of 05-20 (due 05-27) overdue; a slip followed up,
// one of another resident and one made after the week are not listed. The resident's
// page (worklist.Subject, every date) carries all four of r0001's slips.
func TestReferralsThroughStores(t *testing.T) {
	ctx := context.Background()
	recs, refs := recordmem.New(), refmem.New()
	for _, r := range []*healthrecord.Resident{resident("r0001", "张三", "1950-01-01"), resident("r0002", "李四", "1960-01-01")} {
		r.Version = 1
		require.NoError(t, recs.PutResident(ctx, r, 0))
	}
	put := func(id, res string, k referral.Kind, on string, followed string) {
		r := &referral.Referral{ID: referral.ID(id), Resident: healthrecord.ResidentID(res), Village: "110105001101", Kind: k, Referred: d(on), To: "县医院", Version: 1}
		if followed != "" {
			r.FollowedUp, r.Outcome = d(followed), referral.Attended
		}
		require.NoError(t, refs.PutReferral(ctx, r, 0))
	}
	put("F1", "r0001", referral.Hypertension, "2025-05-26", "")
	put("F2", "r0001", referral.TBSuspect, "2025-05-20", "")
	put("F3", "r0001", referral.Maternal, "2025-05-25", "2025-05-30")
	put("F4", "r0001", referral.Child, "2025-06-10", "")
	put("F5", "r0002", referral.Diabetes, "2024-01-10", "2024-01-12")
	st := worklist.Stores{Records: recs, Referrals: refs}
	l := worklist.New(worklist.ReferralSource{})
	es, err := l.Collect(ctx, st, worklist.Query{Range: week("2025-06-02")})
	require.NoError(t, err)
	require.Len(t, es, 1)
	var got []string
	for _, it := range es[0].Items {
		got = append(got, fmt.Sprint(it.Service, " ", it.Status, " ", it.Due()))
	}
	require.Equal(t, []string{"referral overdue 2025-05-27", "referral due 2025-06-09"}, got)
	require.Equal(t, healthrecord.ResidentID("r0001"), es[0].Resident)

	s, err := worklist.Subject(ctx, st, "r0001", worklist.Window(week("2025-06-02")))
	require.NoError(t, err)
	require.Len(t, s.Referrals, 3, "the referrals made in the window, F4 after it")
	s, err = worklist.Subject(ctx, worklist.Stores{Records: recs, Referrals: refs}, "r0001", gongwei.Period{})
	require.NoError(t, err)
	require.Len(t, s.Referrals, 4, "every slip of the resident")
}
