package healthrecord_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// doctor is a village doctor of the fixtures' village 110105001101.
var doctor = gongwei.Actor{Staff: "D01", Institution: "110105001101", Within: "110105001101"}

func auditedRegistry() (*healthrecord.Registry, *memstore.Audit) {
	a := memstore.NewAudit()
	day := func() time.Time { return time.Date(2025, 6, 1, 9, 0, 0, 0, gongwei.Shanghai()) }
	return healthrecord.New(memstore.New(), healthrecord.Options{Audit: a, Now: day}), a
}

func TestWriteNeedsActor(t *testing.T) {
	g, a := auditedRegistry()
	r := recordtest.Resident(1)
	err := g.SaveResident(context.Background(), r)
	if !errors.Is(err, gongwei.ErrNoActor) || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("save without actor: %v, want ErrNoActor (ErrInvalid)", err)
	}
	if es, _ := storetest.Collect(a.Audit(context.Background(), healthrecord.AuditFilter{})); len(es) != 0 {
		t.Errorf("%d entries for a refused write", len(es))
	}
	if _, err := g.Resident(context.Background(), r.ID); !errors.Is(err, gongwei.ErrNotFound) {
		t.Errorf("refused write stored: %v", err)
	}
	// The migration opt-out.
	m := healthrecord.New(memstore.New(), healthrecord.Options{Unattributed: true})
	if err := m.SaveResident(context.Background(), recordtest.Resident(1)); err != nil {
		t.Errorf("unattributed registry: %v", err)
	}
}

func TestAuditTrailAndHistory(t *testing.T) {
	g, a := auditedRegistry()
	ctx := gongwei.WithActor(context.Background(), doctor)
	at := time.Date(2025, 3, 4, 10, 30, 0, 0, gongwei.Shanghai())
	r := recordtest.Resident(1)
	if err := g.SaveResident(healthrecord.WithWriteTime(ctx, at), r); err != nil {
		t.Fatal(err)
	}
	r.Info.Phone, _ = healthrecord.ParsePhone("13912345678")
	if err := g.SaveResident(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := recordtest.Checkup(r, gongwei.MustDate(2025, 3, 5))
	if err := g.SaveCheckup(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := g.Close(ctx, r.ID, healthrecord.Closure{Reason: healthrecord.ClosedDeath, Cause: "脑卒中", Date: gongwei.MustDate(2025, 4, 1)}); err != nil {
		t.Fatal(err)
	}
	hist, err := storetest.Collect(healthrecord.History(ctx, a, "healthrecord.Resident", string(r.ID)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		op            healthrecord.AuditOp
		before, after int64
		field         string
	}{
		{healthrecord.AuditCreate, 0, 1, "IDNumber"},
		{healthrecord.AuditUpdate, 1, 2, "Info"},
		{healthrecord.AuditClose, 2, 3, "Closure"},
	}
	if len(hist) != len(tests) {
		t.Fatalf("history has %d entries, want %d: %+v", len(hist), len(tests), hist)
	}
	for i, tt := range tests {
		e := hist[i]
		if e.Op != tt.op || e.Before != tt.before || e.After != tt.after || !slices.Contains(e.Fields, tt.field) ||
			e.Actor != doctor || e.Division != "110105001101" || e.Resident != r.ID {
			t.Errorf("entry %d = %+v, want %s %d->%d changing %s by %v", i, e, tt.op, tt.before, tt.after, tt.field, doctor)
		}
	}
	if got := hist[1].Fields; !slices.Equal(got, []string{"Info"}) {
		t.Errorf("update changed fields %v, want [Info]", got)
	}
	if !hist[0].Time.Equal(at) {
		t.Errorf("creation at %v, want the write time %v", hist[0].Time, at)
	}
	if hist[2].Date != gongwei.MustDate(2025, 4, 1) {
		t.Errorf("closure entry dated %v, want the closure's date", hist[2].Date)
	}
	ck, _ := storetest.Collect(healthrecord.History(ctx, a, "healthrecord.Checkup", string(c.ID)))
	if len(ck) != 1 || ck[0].Date != c.Date || ck[0].Resident != r.ID || ck[0].Op != healthrecord.AuditCreate {
		t.Errorf("checkup history %+v, want one creation on its date", ck)
	}
}

func TestJurisdiction(t *testing.T) {
	g, a := auditedRegistry()
	own := gongwei.WithActor(context.Background(), doctor)
	r := recordtest.Resident(1)
	if err := g.SaveResident(own, r); err != nil {
		t.Fatal(err)
	}
	other := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "D77", Institution: "110105002101", Within: "110105002101"})
	township := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "T01", Institution: "110105001", Within: "110105001"})
	for name, tt := range map[string]struct {
		ctx  context.Context
		fail bool
	}{"other village": {other, true}, "own township": {township, false}, "own village": {own, false}} {
		_, err := g.Resident(tt.ctx, r.ID)
		c := recordtest.Checkup(r, gongwei.MustDate(2025, 3, 5))
		werr := g.SaveCheckup(tt.ctx, c)
		var je *gongwei.JurisdictionError
		if got := errors.As(err, &je) && errors.Is(werr, gongwei.ErrOutsideJurisdiction); got != tt.fail {
			t.Errorf("%s: read %v, write %v; want outside jurisdiction %v", name, err, werr, tt.fail)
		}
		if tt.fail && (je.Within != "110105002101" || je.Record != "110105001101") {
			t.Errorf("%s: error %+v, want the two divisions", name, je)
		}
	}
	es, _ := storetest.Collect(a.Audit(context.Background(), healthrecord.AuditFilter{Staff: "D77"}))
	if len(es) != 0 {
		t.Errorf("a refused write left %d entries", len(es))
	}
}

func TestChangedFields(t *testing.T) {
	type rec struct {
		A       int
		B       string
		C       []int
		Version int64
		hidden  int
	}
	tests := []struct {
		before, after any
		want          []string
	}{
		{nil, &rec{A: 1, C: []int{1}, Version: 3}, []string{"A", "C"}},
		{&rec{A: 1, B: "x"}, &rec{A: 1, B: "y", Version: 2}, []string{"B"}},
		{&rec{C: []int{1, 2}}, &rec{C: []int{1, 2}, hidden: 1}, nil},
		{"not a record", rec{A: 2}, []string{"A"}},
	}
	for i, tt := range tests {
		if got := healthrecord.ChangedFields(tt.before, tt.after); !slices.Equal(got, tt.want) {
			t.Errorf("%d: ChangedFields = %v, want %v", i, got, tt.want)
		}
	}
}

// TestWriteNext checks the services' save: the prepared copy gets the version after the
// one the caller read, is put over that version, and the audit entry records both; a
// stale version stores nothing and audits nothing.
func TestWriteNext(t *testing.T) {
	ctx := gongwei.WithActor(context.Background(), doctor)
	s, a := memstore.New(), memstore.NewAudit()
	trail := healthrecord.NewTrail(a, false, nil)
	h := recordtest.Household(1, recordtest.Resident(1))
	ch := healthrecord.Change{Kind: "healthrecord.Household", ID: string(h.ID), Division: gongwei.Division(h.Village)}
	for _, c := range []struct {
		name      string
		read      int64 // the version the caller read
		want      error
		version   int64 // the prepared copy's version afterwards
		entries   int   // audit entries afterwards
		wantPrev  int64
		wantAfter int64
		stored    int64 // the stored version afterwards
	}{
		{name: "insert", read: 0, version: 1, entries: 1, wantPrev: 0, wantAfter: 1, stored: 1},
		{name: "update", read: 1, version: 2, entries: 2, wantPrev: 1, wantAfter: 2, stored: 2},
		{name: "stale", read: 1, want: gongwei.ErrConflict, version: 2, entries: 2, stored: 2},
		{name: "insert over a stored ID", read: 0, want: gongwei.ErrConflict, version: 1, entries: 2, stored: 2},
	} {
		x := *h
		x.Version = c.read
		err := healthrecord.WriteNext(ctx, trail, ch, &x, &x.Version, s.PutHousehold)
		if !errors.Is(err, c.want) || (c.want == nil && err != nil) {
			t.Fatalf("%s: %v, want %v", c.name, err, c.want)
		}
		if x.Version != c.version {
			t.Errorf("%s: version %d, want %d", c.name, x.Version, c.version)
		}
		es, err := storetest.Collect(a.Audit(ctx, healthrecord.AuditFilter{}))
		if err != nil || len(es) != c.entries {
			t.Fatalf("%s: %d audit entries (%v), want %d", c.name, len(es), err, c.entries)
		}
		if c.want == nil {
			if e := es[len(es)-1]; e.Before != c.wantPrev || e.After != c.wantAfter || e.ID != string(h.ID) {
				t.Errorf("%s: entry %s %d→%d, want %s %d→%d", c.name, e.ID, e.Before, e.After, h.ID, c.wantPrev, c.wantAfter)
			}
		}
		stored, err := s.Household(ctx, h.ID)
		if err != nil || stored.Version != c.stored {
			t.Errorf("%s: stored version %d (%v), want %d", c.name, stored.Version, err, c.stored)
		}
	}
}
