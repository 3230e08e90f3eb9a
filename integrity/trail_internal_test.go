package integrity

import (
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// TestDayCounts: counts per day kept in an array grown either way from the first day,
// and in a map beyond denseDays of it.
func TestDayCounts(t *testing.T) {
	var d dayCounts
	day := gongwei.MustDate(2025, time.March, 10)
	steps := []struct {
		day  gongwei.Date
		want int32
	}{
		{day, 1}, {day, 2}, {day.AddDays(5), 1}, {day.AddDays(-3), 1}, {day, 3},
		{day.AddDays(denseDays + 10), 1}, {day.AddDays(-denseDays - 10), 1}, {day.AddDays(denseDays + 10), 2},
	}
	for i, s := range steps {
		if got := d.inc(s.day); got != s.want {
			t.Fatalf("step %d: inc(%s) = %d, want %d", i, s.day, got, s.want)
		}
	}
	for _, c := range []struct {
		day  gongwei.Date
		want int32
	}{{day, 3}, {day.AddDays(5), 1}, {day.AddDays(-3), 1}, {day.AddDays(1), 0}, {day.AddDays(denseDays + 10), 2}, {day.AddDays(-denseDays - 10), 1}} {
		if got := d.get(c.day); got != c.want {
			t.Errorf("get(%s) = %d, want %d", c.day, got, c.want)
		}
	}
	if len(d.n) > 10 {
		t.Errorf("the array holds %d days, want the 9 from the earliest to the latest near day", len(d.n))
	}
}

// TestTrailInTimeOrder: a trail in time order, two villages' writes interleaved, keeps
// a sliding window per account and finds the burst and the follow-ups in two places
// whatever the interleaving.
func TestTrailInTimeOrder(t *testing.T) {
	th := DefaultThresholds
	tc := newTrailCheck(map[healthrecord.ResidentID]gongwei.Date{}, nil, th)
	start := time.Date(2025, time.March, 3, 10, 0, 0, 0, gongwei.Shanghai())
	villages := []gongwei.Division{"410523001101", "410523001102"}
	for i := range 600 {
		at := start.Add(time.Duration(i) * 10 * time.Second)
		v := villages[i%2]
		staff := "V" + string(v[6:])
		kind := "healthrecord.Resident"
		if i >= 100 && i%2 == 0 { // V001101 stops creating after 50: its burst is the first 50 creations
			kind = "child.Visit"
		}
		tc.add(&healthrecord.AuditEntry{Time: at, Actor: gongwei.Actor{Staff: staff, Within: v}, Op: healthrecord.AuditCreate,
			Kind: kind, ID: fmt.Sprint(i), Division: v})
		if i%50 == 0 { // the township's account: a follow-up in each village two minutes apart
			for k, w := range villages {
				tc.add(&healthrecord.AuditEntry{Time: at.Add(time.Duration(k) * 2 * time.Minute), Actor: gongwei.Actor{Staff: "T001", Within: "410523001"},
					Op: healthrecord.AuditCreate, Kind: "chronic.Visit", ID: fmt.Sprint("v", i, k), Division: w})
			}
		}
	}
	for _, ac := range tc.accounts {
		for _, tr := range []*track{ac.created, ac.visits} {
			if tr != nil && (!tr.ordered || len(tr.cur) > 300) {
				t.Errorf("account %s holds %d instants (ordered %v), want a window", tr.staff, len(tr.cur), tr.ordered)
			}
		}
	}
	got := map[string]int{}
	for _, f := range tc.findings() {
		got[string(f.Rule)+" "+f.Staff] = f.Count
	}
	// 10 minutes hold 30 creations of one account 20 s apart: a burst of each village's
	// account; the township's follow-ups, every 500 s in one village and 2 minutes later
	// in the other, are 12 + 11 pairs in two places.
	want := map[string]int{"integrity.burst V001101": 30, "integrity.burst V001102": 30, "integrity.two_places T001": 23}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}
