// Package educationtest checks implementations of [education.Store] against the store
// contract (TestStore) and provides fixtures that build valid activities.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		educationtest.TestStore(t, func(t *testing.T) education.Store { return mystore.Open(t) })
//		educationtest.TestSurveyStore(t, func(t *testing.T) education.SurveyStore { return mystore.Open(t) })
//	}
package educationtest

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// Divisions used by the fixtures: a township centre, one of its village clinics, and
// another township's centre.
const (
	Township      = "110101001"
	Village       = "110101001001"
	OtherTownship = "110101002"
)

// Lecture returns a valid lecture held by the township centre on d, with 40 attendees.
func Lecture(id education.ID, division string, d gongwei.Date) *education.Activity {
	inst := education.Centre
	if len(division) == 12 {
		inst = education.Station
	}
	return &education.Activity{ID: id, Division: division, Institution: inst, Kind: education.KindLecture,
		Date: d, Topic: "高血压防治", Audience: "35岁以上居民", Place: "卫生院会议室", Attendees: 40, Materials: 40}
}

// Activity returns a valid activity of kind k (with a title for print, AV and board).
func Activity(id education.ID, division string, k education.Kind, title string, d gongwei.Date) *education.Activity {
	a := Lecture(id, division, d)
	a.Kind, a.Title = k, title
	return a
}

// TestStore checks every clause of the education.Store contract, each as a subtest on a
// fresh store from newStore. Run with -race.
func TestStore(t *testing.T, newStore func(t *testing.T) education.Store) {
	t.Helper()
	ctx := context.Background()
	d := gongwei.MustDate(2025, 3, 24)
	put := func(t *testing.T, s education.Store, a *education.Activity) {
		t.Helper()
		a.Version = 1
		if err := s.PutActivity(ctx, a, 0); err != nil {
			t.Fatalf("put: %v", err)
		}
	}
	list := func(t *testing.T, s education.Store, f education.Filter) []education.ID {
		t.Helper()
		var ids []education.ID
		for a, err := range s.Activities(ctx, f) {
			if err != nil {
				t.Fatalf("stream: %v", err)
			}
			ids = append(ids, a.ID)
		}
		return ids
	}
	t.Run("round trip: every field reads back equal", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		a := Lecture("A1", Township, d)
		a.HealthDay = "tb"
		put(t, s, a)
		got, err := s.Activity(ctx, "A1")
		if err != nil || !reflect.DeepEqual(got, a) {
			t.Errorf("got %+v, %v", got, err)
		}
	})
	t.Run("not found: ErrNotFound", func(t *testing.T) {
		if _, err := storetest.Fresh(t, newStore).Activity(ctx, "X"); !errors.Is(err, gongwei.ErrNotFound) {
			t.Errorf("got %v", err)
		}
	})
	t.Run("versions: insert of existing, stale update and update of absent fail with ErrConflict", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		put(t, s, Lecture("A1", Township, d))
		b := Lecture("A1", Township, d)
		b.Version = 1
		if err := s.PutActivity(ctx, b, 0); !errors.Is(err, gongwei.ErrConflict) {
			t.Errorf("insert of existing: %v", err)
		}
		b.Version, b.Topic = 3, "changed"
		if err := s.PutActivity(ctx, b, 2); !errors.Is(err, gongwei.ErrConflict) {
			t.Errorf("stale: %v", err)
		}
		if got, _ := s.Activity(ctx, "A1"); got.Topic == "changed" {
			t.Error("a failed put changed the record")
		}
		c := Lecture("A2", Township, d)
		c.Version = 2
		if err := s.PutActivity(ctx, c, 1); !errors.Is(err, gongwei.ErrConflict) {
			t.Errorf("absent: %v", err)
		}
		b.Version = 2
		if err := s.PutActivity(ctx, b, 1); err != nil {
			t.Errorf("good update: %v", err)
		}
	})
	t.Run("copies: the store shares no memory with callers", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		a := Lecture("A1", Township, d)
		put(t, s, a)
		a.Topic = "changed"
		got, _ := s.Activity(ctx, "A1")
		if got.Topic == "changed" {
			t.Error("shares memory with the record put")
		}
	})
	t.Run("streams: order by date then ID; filters by prefix, kind and period; early break", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		put(t, s, Lecture("A3", Township, d))
		put(t, s, Lecture("A1", Village, d))
		put(t, s, Activity("A2", OtherTownship, education.KindBoard, "1号栏", d.AddDays(-1)))
		put(t, s, Lecture("A4", Township, gongwei.MustDate(2024, 12, 31)))
		if got := list(t, s, education.Filter{}); !reflect.DeepEqual(got, []education.ID{"A4", "A2", "A1", "A3"}) {
			t.Errorf("all: %v", got)
		}
		if got := list(t, s, education.Filter{Prefix: Township, Period: gongwei.Year(2025)}); !reflect.DeepEqual(got, []education.ID{"A1", "A3"}) {
			t.Errorf("prefix+period: %v", got)
		}
		if got := list(t, s, education.Filter{Kind: education.KindBoard}); !reflect.DeepEqual(got, []education.ID{"A2"}) {
			t.Errorf("kind: %v", got)
		}
		n := 0
		for range s.Activities(ctx, education.Filter{}) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("early break: %d", n)
		}
	})
	t.Run("streams: the store may be used inside the loop", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		put(t, s, Lecture("A1", Township, d))
		done := make(chan struct{})
		go func() {
			defer close(done)
			for a, err := range s.Activities(ctx, education.Filter{}) {
				if err != nil {
					t.Errorf("stream: %v", err)
					return
				}
				if _, err := s.Activity(ctx, a.ID); err != nil {
					t.Errorf("get inside loop: %v", err)
				}
				b := Lecture("A2", Township, d)
				b.Version = 1
				_ = s.PutActivity(ctx, b, 0)
			}
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("deadlock inside a stream's loop")
		}
	})
	t.Run("cancelled context: calls fail; a stream yields the error once", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Activity(cctx, "A1"); !errors.Is(err, context.Canceled) {
			t.Errorf("get: %v", err)
		}
		if err := s.PutActivity(cctx, Lecture("A1", Township, d), 0); !errors.Is(err, context.Canceled) {
			t.Errorf("put: %v", err)
		}
		n := 0
		for a, err := range s.Activities(cctx, education.Filter{}) {
			n++
			if a != nil || !errors.Is(err, context.Canceled) {
				t.Errorf("stream: %v %v", a, err)
			}
		}
		if n != 1 {
			t.Errorf("yielded %d times", n)
		}
	})
	t.Run("concurrency: one writer wins each version", func(t *testing.T) {
		s := storetest.Fresh(t, newStore)
		// Two writers forced to interleave between read and put: one put succeeds, the
		// other fails with gongwei.ErrConflict, and the winner's record is stored.
		put(t, s, Lecture("A2", Township, d))
		if err := storetest.CheckRecord(ctx,
			func(ctx context.Context) (*education.Activity, error) { return s.Activity(ctx, "A2") },
			func(a *education.Activity) *int64 { return &a.Version },
			func(w int, a *education.Activity) {
				a.Attendees += w + 1
			},
			s.PutActivity, gongwei.ErrConflict); err != nil {
			t.Fatalf("PutActivity of two writers that both read before either puts: %v", err)
		}

		put(t, s, Lecture("A1", Township, d))
		wins := storetest.Wins(8, func(int) error {
			b := Lecture("A1", Township, d)
			b.Version = 2
			err := s.PutActivity(ctx, b, 1)
			for range s.Activities(ctx, education.Filter{}) {
			}
			return err
		})
		if wins != 1 {
			t.Errorf("%d winners", wins)
		}
	})
}
