package main

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/referral"
)

// TestReferralForms records a referral and the follow-up of its outcome through the
// forms: CSRF and a signing staff member as every form, every problem at once, a
// follow-up before the referral refused (nbphs-spec §0: the follow-up comes after the
// referral, within 2 weeks; a TB suspect's within 1 week), the slips on the resident's
// page and the TB suspect's attendance check on the worklist, the audit trail naming
// the staff member, another village's doctor refused, nothing personal in the log.
func TestReferralForms(t *testing.T) {
	s := newTestServer(t)
	ctx := context.Background()
	_, res := hypertensive(t, s)
	village := string(res.Archive.Village())
	staff := "V" + village[9:]
	path := "/resident/" + string(res.ID) + "/referral"

	// No staff picked: refused, nothing saved.
	tok := s.csrf(t)
	st, body, _ := s.post(t, path, url.Values{"csrf": {tok}, "kind": {"tb_suspect"}, "date": {"2025-12-31"}, "to": {"县结核病定点医院"}})
	assert.Equal(t, http.StatusForbidden, st)
	assert.Contains(t, body, "请先选择当前工作人员")

	tok = s.pick(t, staff)
	st, body = s.get(t, "/resident/"+string(res.ID))
	require.Equal(t, 200, st)
	assert.Contains(t, body, `id="record-referral"`)
	st, body = s.get(t, path)
	require.Equal(t, 200, st)
	assert.Contains(t, body, "肺结核可疑者")
	assert.Contains(t, body, `name="csrf"`)

	s.postCases(t, path, []postCase{
		{"no token", url.Values{"kind": {"tb_suspect"}, "date": {"2025-12-31"}, "to": {"县医院"}}, 403, []string{"表单已过期"}},
		{"wrong token", url.Values{"csrf": {strings.Repeat("0", 64)}, "kind": {"tb_suspect"}}, 403, []string{"表单已过期"}},
		{"every problem at once", url.Values{"csrf": {tok}, "kind": {"nope"}, "date": {"2025-13-01"}, "to": {" "}}, 400,
			[]string{"请更正以下问题", "转诊类别", "日期格式应为", "转入机构", `value="2025-13-01"`}},
		{"nothing typed", url.Values{"csrf": {tok}}, 400, []string{"转诊类别", "日期", "转入机构"}},
		{"future date", url.Values{"csrf": {tok}, "kind": {"child"}, "date": {"2026-02-01"}, "to": {"县医院"}}, 400, []string{"日期"}},
	})

	// A TB suspect's referral today is saved as the staff member who signs it.
	st, _, loc := s.post(t, path, url.Values{"csrf": {tok}, "kind": {"tb_suspect"}, "urgent": {"1"}, "date": {"2025-12-31"},
		"to": {"县结核病定点医院"}, "reason": {"咳嗽咳痰2周以上"}})
	require.Equal(t, http.StatusSeeOther, st)
	assert.Equal(t, "/resident/"+string(res.ID)+"?saved=1", loc)
	id := referral.ID(string(res.ID) + "Z20251231tb_suspect")
	got, err := s.app.stores.Referrals.Referral(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, healthrecord.Village(village), got.Village)
	assert.True(t, got.Urgent)
	assert.Equal(t, gongwei.MustParseDate("2026-01-07"), got.Due(), "a TB suspect's check within 1 week")
	_, body = s.get(t, loc)
	assert.Contains(t, body, "已保存")
	assert.Contains(t, body, "县结核病定点医院")
	assert.Contains(t, body, "2026-01-07")
	// The same slip again: a duplicate, shown with the form.
	st, body, _ = s.post(t, path, url.Values{"csrf": {tok}, "kind": {"tb_suspect"}, "date": {"2025-12-31"}, "to": {"县医院"}})
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "该居民当天已有同类转诊记录")

	// The week's worklist of the village lists the attendance check, urgent.
	_, body = s.get(t, "/worklist?village="+village)
	assert.Contains(t, body, "肺结核可疑者到位核实")

	// The outcome: a follow-up before the referral and an unknown outcome are refused
	// together; then the check on 2026-01-04 is saved and shown on time.
	opath := path + "/" + string(id)
	st, body = s.get(t, opath)
	require.Equal(t, 200, st)
	assert.Contains(t, body, "已到位")
	st, body, _ = s.post(t, opath, url.Values{"csrf": {tok}, "date": {"2025-12-30"}, "outcome": {"9"}})
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "随访日期")
	assert.Contains(t, body, "随访结果")
	st, _, _ = s.post(t, opath, url.Values{"csrf": {tok}, "date": {"2025-12-31"}, "outcome": {"1"}})
	require.Equal(t, http.StatusSeeOther, st)
	got, err = s.app.stores.Referrals.Referral(ctx, id)
	require.NoError(t, err)
	assert.Equal(t, referral.Attended, got.Outcome)
	assert.True(t, got.OnTime())
	_, body = s.get(t, "/resident/"+string(res.ID))
	assert.Contains(t, body, "已到位 · 按时")
	_, body = s.get(t, "/worklist?village="+village)
	assert.NotContains(t, body, "肺结核可疑者到位核实", "the check is done")

	// Another resident's slip through this resident's path: not found.
	st, _ = s.get(t, "/resident/"+string(res.ID)+"/referral/nope")
	assert.Equal(t, 404, st)

	// The audit trail names who recorded the slip and its follow-up.
	var by []string
	for e, err := range healthrecord.History(ctx, s.app.audit, "referral.Referral", string(id)) {
		require.NoError(t, err)
		by = append(by, e.Actor.Staff)
	}
	assert.Equal(t, []string{staff, staff}, by)

	// Another village's doctor may not refer this resident.
	tok = s.pick(t, otherDoctor(village))
	st, body, _ = s.post(t, path, url.Values{"csrf": {tok}, "kind": {"other"}, "date": {"2025-12-30"}, "to": {"县医院"}})
	assert.Equal(t, 400, st)
	assert.Contains(t, body, "该居民不在当前人员的辖区内")

	s.assertLogImpersonal(t, res)
}
