package memtable

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

type rec struct {
	ID      string
	Group   string
	Tag     string
	Version int64
	Notes   []string
}

func cloneRec(r *rec) *rec {
	c := *r
	c.Notes = slices.Clone(r.Notes)
	return &c
}

var errDup = fmt.Errorf("tag: %w", gongwei.ErrDuplicate)

func newRecs() (*Table[string, rec], *Index[string, string, rec], *Unique[string, string, rec]) {
	t := New("rec", cloneRec,
		func(r *rec) string { return r.ID },
		func(r *rec) int64 { return r.Version },
		func(a, b *rec) int { return cmp.Or(cmp.Compare(a.Group, b.Group), cmp.Compare(a.ID, b.ID)) })
	return t, NewIndex(t, func(r *rec) string { return r.Group }), NewUnique(t, func(r *rec) string { return r.Tag }, errDup)
}

func ids(t *testing.T, seq func(func(*rec, error) bool)) []string {
	t.Helper()
	var out []string
	for r, err := range seq {
		if err != nil {
			t.Fatalf("stream: %v", err)
		}
		out = append(out, r.ID)
	}
	return out
}

func TestPutVersions(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		strict bool
		stored *rec // stored first with prev 0, when not nil
		put    rec
		prev   int64
		want   error
	}{
		{"insert", false, nil, rec{ID: "a", Version: 1}, 0, nil},
		{"insert over stored", false, &rec{ID: "a", Version: 1}, rec{ID: "a", Version: 1}, 0, gongwei.ErrConflict},
		{"update of absent", false, nil, rec{ID: "a", Version: 2}, 1, gongwei.ErrConflict},
		{"update", false, &rec{ID: "a", Version: 1}, rec{ID: "a", Version: 2}, 1, nil},
		{"stale update", false, &rec{ID: "a", Version: 1}, rec{ID: "a", Version: 3}, 2, gongwei.ErrConflict},
		{"insert over version 0", false, &rec{ID: "a"}, rec{ID: "a", Version: 1}, 0, nil},
		{"strict insert over version 0", true, &rec{ID: "a"}, rec{ID: "a", Version: 1}, 0, gongwei.ErrConflict},
		{"strict update", true, &rec{ID: "a", Version: 1}, rec{ID: "a", Version: 2}, 1, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, _, _ := newRecs()
			if tc.strict {
				tab.RejectInsertOverStored()
			}
			if tc.stored != nil {
				if err := tab.Put(ctx, tc.stored, 0); err != nil {
					t.Fatal(err)
				}
			}
			err := tab.Put(ctx, &tc.put, tc.prev)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("Put = %v, want %v", err, tc.want)
			}
			got, err := tab.Get(ctx, "a")
			switch {
			case tc.want == nil && (err != nil || got.Version != tc.put.Version):
				t.Errorf("after put: %+v, %v; want version %d", got, err, tc.put.Version)
			case tc.want != nil && tc.stored == nil && !errors.Is(err, gongwei.ErrNotFound):
				t.Errorf("a failed insert stored %+v, %v", got, err)
			case tc.want != nil && tc.stored != nil && got.Version != tc.stored.Version:
				t.Errorf("a failed put changed the version to %d", got.Version)
			}
		})
	}
}

func TestCopies(t *testing.T) {
	ctx := context.Background()
	tab, _, _ := newRecs()
	in := &rec{ID: "a", Version: 1, Notes: []string{"x"}}
	if err := tab.Put(ctx, in, 0); err != nil {
		t.Fatal(err)
	}
	in.Notes[0] = "changed by the caller"
	got, _ := tab.Get(ctx, "a")
	got.Notes[0] = "changed by a reader"
	for r, err := range tab.All(ctx, func(*rec) bool { return true }) {
		if err != nil || r.Notes[0] != "x" {
			t.Errorf("stored record shares memory with a caller: %+v, %v", r, err)
		}
	}
	if _, err := tab.Get(ctx, "b"); !errors.Is(err, gongwei.ErrNotFound) {
		t.Errorf("Get of absent = %v, want ErrNotFound", err)
	}
}

func TestIndexAndOrder(t *testing.T) {
	ctx := context.Background()
	tab, byGroup, _ := newRecs()
	for _, r := range []rec{{ID: "c", Group: "g1"}, {ID: "a", Group: "g2"}, {ID: "b", Group: "g1"}, {ID: "d", Group: "g2"}} {
		r.Version = 1
		if err := tab.Put(ctx, &r, 0); err != nil {
			t.Fatal(err)
		}
	}
	// Moving a to g1 takes it out of g2.
	if err := tab.Put(ctx, &rec{ID: "a", Group: "g1", Version: 2}, 1); err != nil {
		t.Fatal(err)
	}
	all := func(*rec) bool { return true }
	for _, tc := range []struct {
		group string
		match func(*rec) bool
		want  []string
	}{
		{"", all, []string{"a", "b", "c", "d"}},
		{"g1", all, []string{"a", "b", "c"}},
		{"g2", all, []string{"d"}},
		{"g3", all, nil},
		{"g1", func(r *rec) bool { return r.ID != "b" }, []string{"a", "c"}},
	} {
		if got := ids(t, byGroup.Select(ctx, tc.group, tc.match)); !slices.Equal(got, tc.want) {
			t.Errorf("Select(%q) = %v, want %v", tc.group, got, tc.want)
		}
	}
	if len(byGroup.ids["g2"]) != 1 {
		t.Errorf("index of g2 = %v, want [d]", byGroup.ids["g2"])
	}
}

func TestUnique(t *testing.T) {
	ctx := context.Background()
	tab, _, byTag := newRecs()
	put := func(r rec, prev int64) error { return tab.Put(ctx, &r, prev) }
	if err := put(rec{ID: "a", Tag: "t1", Version: 1}, 0); err != nil {
		t.Fatal(err)
	}
	if err := put(rec{ID: "b", Tag: "t1", Version: 1}, 0); !errors.Is(err, errDup) {
		t.Fatalf("second record with t1: %v, want the duplicate error", err)
	}
	if _, err := tab.Get(ctx, "b"); !errors.Is(err, gongwei.ErrNotFound) {
		t.Errorf("a rejected duplicate was stored: %v", err)
	}
	if err := put(rec{ID: "b", Version: 1}, 0); err != nil {
		t.Fatalf("zero tag: %v", err)
	}
	if err := put(rec{ID: "c", Version: 1}, 0); err != nil {
		t.Fatalf("a second zero tag: %v", err)
	}
	if err := put(rec{ID: "a", Tag: "t2", Version: 2}, 1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		tag, want string
	}{{"t2", "a"}, {"t1", ""}, {"", ""}} {
		got, err := byTag.Get(ctx, tc.tag)
		switch {
		case tc.want == "" && !errors.Is(err, gongwei.ErrNotFound):
			t.Errorf("Get(%q) = %v, %v; want ErrNotFound", tc.tag, got, err)
		case tc.want != "" && (err != nil || got.ID != tc.want):
			t.Errorf("Get(%q) = %v, %v; want %s", tc.tag, got, err, tc.want)
		}
	}
	// t1 is free again once a moved away from it.
	if err := put(rec{ID: "b", Tag: "t1", Version: 2}, 1); err != nil {
		t.Errorf("t1 after it was freed: %v", err)
	}
}

func TestStreamContext(t *testing.T) {
	tab, _, _ := newRecs()
	for _, id := range []string{"a", "b", "c"} {
		if err := tab.Put(context.Background(), &rec{ID: id, Version: 1}, 0); err != nil {
			t.Fatal(err)
		}
	}
	all := func(*rec) bool { return true }

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n, errs := 0, 0
	for r, err := range tab.All(ctx, all) {
		n++
		if err != nil && r == nil && errors.Is(err, context.Canceled) {
			errs++
		}
	}
	if n != 1 || errs != 1 {
		t.Errorf("cancelled before the stream: %d items, %d errors; want the error once", n, errs)
	}

	// Cancelled after the first record: the record, then the error once, then nothing.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	var got []string
	for r, err := range tab.All(ctx, all) {
		if err != nil {
			got = append(got, "error")
			continue
		}
		got = append(got, r.ID)
		cancel()
	}
	if want := []string{"a", "error"}; !slices.Equal(got, want) {
		t.Errorf("cancelled in the loop: %v, want %v", got, want)
	}

	// The loop body may write to the table; a break stops the stream.
	got = nil
	for r, err := range tab.All(context.Background(), all) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r.ID)
		if err := tab.Put(context.Background(), &rec{ID: r.ID, Version: 2}, 1); err != nil {
			t.Fatal(err)
		}
		if len(got) == 2 {
			break
		}
	}
	if want := []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("break after two: %v, want %v", got, want)
	}

	for _, err := range []error{
		tab.Put(ctx, &rec{ID: "z", Version: 1}, 0),
		func() error { _, err := tab.Get(ctx, "a"); return err }(),
		Batch(ctx, func(context.Context) error { t.Error("Batch ran f on a cancelled context"); return nil }),
	} {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("call on a cancelled context: %v, want context.Canceled", err)
		}
	}
}

func TestBatch(t *testing.T) {
	ctx := context.Background()
	tab, _, _ := newRecs()
	boom := errors.New("boom")
	err := Batch(ctx, func(ctx context.Context) error {
		if err := tab.Put(ctx, &rec{ID: "a", Version: 1}, 0); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Batch = %v, want f's error", err)
	}
	if _, err := tab.Get(ctx, "a"); err != nil {
		t.Errorf("the write made before the failure: %v, want it kept", err)
	}
}

func TestCopy(t *testing.T) {
	in := &rec{ID: "a"}
	c := Copy(in)
	c.ID = "b"
	if in.ID != "a" {
		t.Error("Copy shares the record")
	}
}
