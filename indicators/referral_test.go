package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/referral"
	referralmem "github.com/gongwei-lib/gongwei/referral/memstore"
)

func putReferral(t *testing.T, s referral.Store, id referral.ID, res healthrecord.ResidentID, k referral.Kind, referred, followedUp gongwei.Date) {
	t.Helper()
	r := &referral.Referral{ID: id, Resident: res, Village: healthrecord.Village(assessedVillage), Kind: k,
		Referred: referred, To: "县医院", Version: 1}
	if !followedUp.IsZero() {
		r.FollowedUp, r.Outcome = followedUp, referral.Attended
	}
	require.NoError(t, s.PutReferral(context.Background(), r, 0))
}

// TestReferralIndicators: the follow-up of referrals due in 2025 (nbphs-spec §0: within
// 2 weeks; §10: a TB suspect's within 1 week). 2-week rule: A due 2025-01-03 (referred
// 2024-12-20), followed up on the day; B followed up on day 15; C never; D due in 2024.
// 2 of… A and C and B count: 1 of 3. TB suspects: E checked on day 7, F on day 8: 1 of 2.
func TestReferralIndicators(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := referralmem.New()
	d := gongwei.MustDate
	putReferral(t, s, "A", "RA", referral.Hypertension, d(2024, 12, 20), d(2025, 1, 3))
	putReferral(t, s, "B", "RB", referral.Maternal, d(2025, 5, 1), d(2025, 5, 16))
	putReferral(t, s, "C", "RC", referral.Child, d(2025, 6, 1), gongwei.Date{})
	putReferral(t, s, "D", "RD", referral.Mental, d(2024, 12, 1), d(2024, 12, 2))
	putReferral(t, s, "E", "RE", referral.TBSuspect, d(2025, 3, 1), d(2025, 3, 8))
	putReferral(t, s, "F", "RF", referral.TBSuspect, d(2025, 3, 1), d(2025, 3, 9))
	tally := NewTally(0)
	require.NoError(t, ReferralIndicators(ctx, s, "", p, tally))
	got, ok := tally.Get(Key{Code: codeReferralFollowUp, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{1, 3}, got)
	got, ok = tally.Get(Key{Code: codeTBSuspectCheck, Unit: assessedVillage, Period: p})
	require.True(t, ok)
	assert.Equal(t, Counts{1, 2}, got)
	assert.Equal(t, 2, tally.Len())
	assert.ErrorIs(t, ReferralIndicators(ctx, s, "", gongwei.Period{}, tally), gongwei.ErrInvalid)
}

// TestTBReferralFromRegister: with a referral register, tb.referral's numerator is the
// register's TB-suspect referrals (on or before the notice), not TBCourse.Referred.
// Found locally and notified in 2025: A referred in the register (the old field empty),
// B referred in the old field only, C referred in the register after the notice.
// Register: 1 of 3; without it: 1 of 3 from the old field (B).
func TestTBReferralFromRegister(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	d := gongwei.MustDate
	cs := chronicmem.New()
	for _, c := range []struct {
		id       string
		notified gongwei.Date
		old      gongwei.Date
	}{{"A", d(2025, 4, 10), gongwei.Date{}}, {"B", d(2025, 5, 10), d(2025, 5, 1)}, {"C", d(2025, 6, 10), gongwei.Date{}}} {
		pt := &chronic.Patient{ID: chronic.PatientID(c.id), Resident: healthrecord.ResidentID("R" + c.id), Condition: chronic.Tuberculosis,
			Village: healthrecord.Village(assessedVillage), Registered: c.notified, Version: 1,
			//lint:ignore SA1019 the old field, overridden by the register
			TB: &chronic.TBCourse{Notified: c.notified, FoundLocally: true, Referred: c.old}}
		require.NoError(t, cs.PutPatient(ctx, pt, 0))
	}
	rs := referralmem.New()
	putReferral(t, rs, "F1", "RA", referral.TBSuspect, d(2025, 4, 1), d(2025, 4, 5))
	putReferral(t, rs, "F2", "RA", referral.TBSuspect, d(2025, 3, 1), d(2025, 3, 5))
	putReferral(t, rs, "F3", "RC", referral.TBSuspect, d(2025, 6, 20), gongwei.Date{})
	putReferral(t, rs, "F4", "RB", referral.Hypertension, d(2025, 4, 1), gongwei.Date{})
	key := Key{Code: codeTBReferral, Unit: assessedVillage, Period: p}

	with := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Chronic: cs, Referrals: rs}, "", p, with))
	got, _ := with.Get(key)
	assert.Equal(t, Counts{1, 3}, got)
	m, err := TBReferrals(ctx, rs, "")
	require.NoError(t, err)
	assert.Equal(t, map[healthrecord.ResidentID]gongwei.Date{"RA": d(2025, 3, 1), "RC": d(2025, 6, 20)}, m)

	without := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Chronic: cs}, "", p, without))
	got, _ = without.Get(key)
	assert.Equal(t, Counts{1, 3}, got)
	_, ok := without.Get(Key{Code: codeReferralFollowUp, Unit: assessedVillage, Period: p})
	assert.False(t, ok, "no register, no referral rows")
	row, ok := with.Get(Key{Code: codeReferralFollowUp, Unit: assessedVillage, Period: p})
	assert.True(t, ok)
	assert.Equal(t, Counts{0, 1}, row, "F4 never followed up, due 2025-04-15")
}
