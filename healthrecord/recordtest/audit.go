package recordtest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// TestAuditStore checks an implementation of healthrecord.AuditStore against the
// contract, one subtest per clause, each on a fresh store from newStore.
func TestAuditStore(t *testing.T, newStore func(t *testing.T) healthrecord.AuditStore) {
	t.Helper()
	storetest.Run(t, auditCases, func(t *storetest.T) *tc { return &tc{t} }, newStore)
}

type auditCase = storetest.Clause[*tc, healthrecord.AuditStore]

// AuditEntry returns entry n of a fixture trail: a change of record n%3 of kind "k"
// (resident "R" + n%3, village 110105001101 or 110105002101 by n%2), by staff "S" + n%2,
// at 08:00 plus n minutes on 2025-03-01 in Asia/Shanghai.
func AuditEntry(n int) healthrecord.AuditEntry {
	ids := []string{"A", "B", "C"}
	villages := []gongwei.Division{"110105001101", "110105002101"}
	staff := []string{"S0", "S1"}
	return healthrecord.AuditEntry{
		Time:     time.Date(2025, 3, 1, 8, n, 0, 0, gongwei.Shanghai()),
		Actor:    gongwei.Actor{Staff: staff[n%2], Institution: "110105001", Within: "110105"},
		Op:       healthrecord.AuditUpdate,
		Kind:     "k",
		ID:       ids[n%3],
		Resident: healthrecord.ResidentID("R" + ids[n%3]),
		Division: villages[n%2],
		Date:     gongwei.MustDate(2025, 3, 1),
		Before:   int64(n), After: int64(n + 1),
		Fields: []string{"Info", "Vitals"},
	}
}

func (t *tc) appendN(s healthrecord.AuditStore, n int) []healthrecord.AuditEntry {
	t.Helper()
	var out []healthrecord.AuditEntry
	for i := range n {
		e := AuditEntry(i)
		t.Must(s.AppendAudit(t.Ctx, &e), "AppendAudit")
		out = append(out, e)
	}
	return out
}

func (t *tc) collect(s healthrecord.AuditStore, f healthrecord.AuditFilter) []healthrecord.AuditEntry {
	t.Helper()
	got, err := storetest.Collect(s.Audit(t.Ctx, f))
	t.Must(err, "Audit")
	return got
}

func sameEntry(a, b healthrecord.AuditEntry) bool {
	return a.Seq == b.Seq && a.Time.Equal(b.Time) && a.Actor == b.Actor && a.Op == b.Op && a.Kind == b.Kind &&
		a.ID == b.ID && a.Resident == b.Resident && a.Division == b.Division && a.Date == b.Date &&
		a.Before == b.Before && a.After == b.After && slices.Equal(a.Fields, b.Fields)
}

func seqs(es []healthrecord.AuditEntry) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.Seq)
	}
	return out
}

var auditCases = []auditCase{
	{Name: "AppendAssignsIncreasingSeq", Text: "AppendAudit assigns e.Seq, the store's next position: increasing, unique",
		Run: func(t *tc, s healthrecord.AuditStore) {
			es := t.appendN(s, 5)
			for i := 1; i < len(es); i++ {
				if es[i].Seq <= es[i-1].Seq {
					t.Failf("Seq %d after %d: want increasing", es[i].Seq, es[i-1].Seq)
				}
			}
		}},
	{Name: "EntriesReadBackWhole", Text: "Audit streams every field appended, by Seq",
		Run: func(t *tc, s healthrecord.AuditStore) {
			es := t.appendN(s, 6)
			got := t.collect(s, healthrecord.AuditFilter{})
			if len(got) != len(es) {
				t.Stopf("got %d entries, want %d", len(got), len(es))
			}
			for i := range es {
				if !sameEntry(got[i], es[i]) {
					t.Failf("entry %d = %+v, want %+v", i, got[i], es[i])
				}
			}
		}},
	{Name: "AppendOnlyCopies", Text: "the store keeps a copy: changing an appended or yielded entry changes nothing stored",
		Run: func(t *tc, s healthrecord.AuditStore) {
			e := AuditEntry(0)
			t.Must(s.AppendAudit(t.Ctx, &e), "AppendAudit")
			e.Fields[0], e.ID = "changed", "changed"
			got := t.collect(s, healthrecord.AuditFilter{})
			got[0].Fields[0] = "changed too"
			again := t.collect(s, healthrecord.AuditFilter{})
			if again[0].ID != "A" || again[0].Fields[0] != "Info" {
				t.Failf("stored entry changed through a caller's copy: %+v", again[0])
			}
		}},
	{Name: "HistoryOfOneRecord", Text: "History (Kind and ID) yields the entries of one record only, oldest first",
		Run: func(t *tc, s healthrecord.AuditStore) {
			es := t.appendN(s, 7)
			got, err := storetest.Collect(healthrecord.History(t.Ctx, s, "k", "B"))
			t.Must(err, "History")
			want := []int64{es[1].Seq, es[4].Seq}
			if !slices.Equal(seqs(got), want) {
				t.Failf("history of B = %v, want %v", seqs(got), want)
			}
		}},
	{Name: "Filters", Text: "Audit yields exactly the entries AuditFilter.Match selects",
		Run: func(t *tc, s healthrecord.AuditStore) {
			es := t.appendN(s, 8)
			base := es[0].Time
			for _, f := range []healthrecord.AuditFilter{
				{Resident: "RC"}, {Division: "110105002"}, {Division: "110105001101"}, {Staff: "S1"},
				{Since: base.Add(3 * time.Minute)}, {Until: base.Add(2 * time.Minute)},
				{Kind: "k", Staff: "S0", Since: base.Add(time.Minute), Until: base.Add(6 * time.Minute)},
				{Kind: "other"},
			} {
				var want []int64
				for _, e := range es {
					if f.Match(&e) {
						want = append(want, e.Seq)
					}
				}
				if got := seqs(t.collect(s, f)); !slices.Equal(got, want) {
					t.Failf("filter %+v: got %v, want %v", f, got, want)
				}
			}
		}},
	{Name: "ConcurrentAppends", Text: "appends from many goroutines each get their own Seq and all are kept",
		Run: func(t *tc, s healthrecord.AuditStore) {
			errs := storetest.Contend(t.Ctx, 8, 10, func(ctx context.Context, w, u int) error {
				e := AuditEntry(w*10 + u)
				return s.AppendAudit(ctx, &e)
			})
			for _, err := range errs {
				t.Must(err, "AppendAudit")
			}
			got := t.collect(s, healthrecord.AuditFilter{})
			if len(got) != 80 {
				t.Stopf("got %d entries, want 80", len(got))
			}
			for i := 1; i < len(got); i++ {
				if got[i].Seq <= got[i-1].Seq {
					t.Failf("Seq %d after %d", got[i].Seq, got[i-1].Seq)
				}
			}
		}},
	{Name: "CancelledContext", Text: "a call with a cancelled context fails with the context's error and appends nothing",
		Run: func(t *tc, s healthrecord.AuditStore) {
			ctx, cancel := context.WithCancel(t.Ctx)
			cancel()
			e := AuditEntry(0)
			t.WantErr(s.AppendAudit(ctx, &e), context.Canceled, "AppendAudit")
			n := 0
			for _, err := range s.Audit(ctx, healthrecord.AuditFilter{}) {
				n++
				if !errors.Is(err, context.Canceled) {
					t.Failf("stream error %v, want context.Canceled", err)
				}
			}
			if n != 1 {
				t.Failf("a cancelled stream yielded %d times, want its error once", n)
			}
			if got := t.collect(s, healthrecord.AuditFilter{}); len(got) != 0 {
				t.Failf("%d entries appended with a cancelled context", len(got))
			}
		}},
}
