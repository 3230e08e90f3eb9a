// Package referraltest checks implementations of [referral.Store] against the store
// contract (TestStore) and provides fixtures that build valid referrals.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		referraltest.TestStore(t, func(t *testing.T) referral.Store { return mystore.Open(t) })
//	}
package referraltest

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
	"github.com/gongwei-lib/gongwei/referral"
)

// Villages used by the fixtures: two villages of one township and a village of another.
const (
	Village      healthrecord.Village = "110101001001"
	OtherVillage healthrecord.Village = "110101001002"
	OtherTown    healthrecord.Village = "110101002001"
)

// Referral returns a valid referral of kind k made on d for the resident R<n> of
// village v, not yet followed up.
func Referral(id referral.ID, v healthrecord.Village, k referral.Kind, d gongwei.Date) *referral.Referral {
	return &referral.Referral{ID: id, Resident: healthrecord.ResidentID("R-" + string(id)), Village: v, Kind: k,
		Referred: d, To: "县人民医院", Reason: "血压控制不满意"}
}

// TestStore checks that an implementation of referral.Store meets every clause of the
// contract documented on referral.Store, each case a subtest on a fresh store from
// newStore naming the clause it checks. Run it with -race: one case runs concurrent
// writers.
func TestStore(t *testing.T, newStore func(t *testing.T) referral.Store) {
	t.Helper()
	storetest.Run(t, cases, func(t *storetest.T) *tc { return &tc{t} }, newStore)
}

// tc is the test handle of a clause.
type tc struct{ *storetest.T }

func (t *tc) put(s referral.Store, r *referral.Referral) {
	t.Helper()
	prev := r.Version
	r.Version = prev + 1
	t.Must(s.PutReferral(t.Ctx, r, prev), "PutReferral")
}

func (t *tc) ids(s referral.Store, f referral.Filter) []referral.ID {
	t.Helper()
	rs, err := storetest.Collect(s.Referrals(t.Ctx, f))
	t.Must(err, "Referrals")
	var ids []referral.ID
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return ids
}

var day = gongwei.MustDate(2025, time.March, 10)

var cases = []storetest.Clause[*tc, referral.Store]{
	{Name: "RoundTrip", Text: "PutReferral stores r exactly as given, Version included; Referral returns it with every field equal",
		Run: func(t *tc, s referral.Store) {
			r := Referral("F1", Village, referral.TBSuspect, day)
			r.Urgent, r.FollowedUp, r.Outcome = true, day.AddDays(5), referral.Attended
			t.put(s, r)
			got, err := s.Referral(t.Ctx, "F1")
			t.Must(err, "Referral")
			if !reflect.DeepEqual(got, r) {
				t.Failf("got %+v\nwant %+v", got, r)
			}
		}},
	{Name: "NotFound", Text: "Referral of a missing ID fails with an error wrapping gongwei.ErrNotFound",
		Run: func(t *tc, s referral.Store) {
			_, err := s.Referral(t.Ctx, "missing")
			t.WantErr(err, gongwei.ErrNotFound, "Referral")
		}},
	{Name: "Versions", Text: "PutReferral stores only when the stored version equals prev (absent counts as 0), otherwise fails with gongwei.ErrConflict and stores nothing",
		Run: func(t *tc, s referral.Store) {
			r := Referral("F1", Village, referral.Hypertension, day)
			t.put(s, r)
			again := Referral("F1", Village, referral.Diabetes, day)
			again.Version = 1
			t.WantErr(s.PutReferral(t.Ctx, again, 0), gongwei.ErrConflict, "insert over a stored ID")
			again.Version = 3
			t.WantErr(s.PutReferral(t.Ctx, again, 2), gongwei.ErrConflict, "stale update")
			absent := Referral("F2", Village, referral.Child, day)
			absent.Version = 2
			t.WantErr(s.PutReferral(t.Ctx, absent, 1), gongwei.ErrConflict, "update of an absent ID")
			if got, err := s.Referral(t.Ctx, "F1"); err != nil || got.Kind != referral.Hypertension {
				t.Failf("a rejected put changed the stored referral: %+v, %v", got, err)
			}
			again.Version = 2
			t.Must(s.PutReferral(t.Ctx, again, 1), "update over the stored version")
		}},
	{Name: "Copies", Text: "records are copied in and out: changing a record put or got changes nothing stored",
		Run: func(t *tc, s referral.Store) {
			r := Referral("F1", Village, referral.Maternal, day)
			t.put(s, r)
			r.To = "changed"
			got, err := s.Referral(t.Ctx, "F1")
			t.Must(err, "Referral")
			got.Reason = "changed too"
			again, err := s.Referral(t.Ctx, "F1")
			t.Must(err, "Referral")
			if again.To == "changed" || again.Reason == "changed too" {
				t.Failf("the store shares memory with its callers")
			}
		}},
	{Name: "StreamOrderAndFilters", Text: "Referrals streams the referrals matching the filter (prefix, resident, kind, period of Referred) ordered by Referred, then ID",
		Run: func(t *tc, s referral.Store) {
			t.put(s, Referral("F3", Village, referral.Hypertension, day))
			t.put(s, Referral("F1", OtherVillage, referral.TBSuspect, day))
			t.put(s, Referral("F2", OtherTown, referral.TBSuspect, day.AddDays(-1)))
			t.put(s, Referral("F4", Village, referral.Mental, gongwei.MustDate(2024, time.December, 31)))
			for _, c := range []struct {
				f    referral.Filter
				want []referral.ID
			}{
				{referral.Filter{}, []referral.ID{"F4", "F2", "F1", "F3"}},
				{referral.Filter{Prefix: "110101001", Period: gongwei.Year(2025)}, []referral.ID{"F1", "F3"}},
				{referral.Filter{Kind: referral.TBSuspect}, []referral.ID{"F2", "F1"}},
				{referral.Filter{Resident: "R-F4"}, []referral.ID{"F4"}},
				{referral.Filter{Prefix: string(OtherVillage), Kind: referral.Mental}, nil},
			} {
				if got := t.ids(s, c.f); !reflect.DeepEqual(got, c.want) {
					t.Failf("%+v: got %v, want %v", c.f, got, c.want)
				}
			}
		}},
	{Name: "StreamReentrant", Text: "the store may be used inside a stream's loop, and a loop may stop early",
		Run: func(t *tc, s referral.Store) {
			t.put(s, Referral("F1", Village, referral.Child, day))
			t.put(s, Referral("F2", Village, referral.Child, day))
			done := make(chan int)
			go func() {
				n := 0
				for r, err := range s.Referrals(t.Ctx, referral.Filter{}) {
					if err != nil {
						break
					}
					n++
					if _, err := s.Referral(t.Ctx, r.ID); err != nil {
						t.Failf("Referral inside the loop: %v", err)
					}
					_ = s.PutReferral(t.Ctx, Referral("F9", Village, referral.Other, day), 0)
					break
				}
				done <- n
			}()
			select {
			case n := <-done:
				if n != 1 {
					t.Failf("the loop ran %d times after a break, want 1", n)
				}
			case <-time.After(10 * time.Second):
				t.Stopf("deadlock inside a stream's loop")
			}
		}},
	{Name: "Cancelled", Text: "a cancelled context gives its error; a failing stream yields the error once and stops",
		Run: func(t *tc, s referral.Store) {
			ctx, cancel := context.WithCancel(t.Ctx)
			cancel()
			_, err := s.Referral(ctx, "F1")
			t.WantErr(err, context.Canceled, "Referral")
			t.WantErr(s.PutReferral(ctx, Referral("F1", Village, referral.Other, day), 0), context.Canceled, "PutReferral")
			storetest.WantCancelled(t.T, "Referrals", s.Referrals(ctx, referral.Filter{}))
		}},
	{Name: "OneWriterWins", Text: "safe for concurrent use: of writers racing over one version exactly one wins and its record is stored",
		Run: func(t *tc, s referral.Store) {
			t.put(s, Referral("F1", Village, referral.Diabetes, day))
			err := storetest.Check(t.Ctx,
				func(ctx context.Context) (*referral.Referral, int64, error) {
					r, err := s.Referral(ctx, "F1")
					if err != nil {
						return nil, 0, err
					}
					return r, r.Version, nil
				},
				func(ctx context.Context, w int, r *referral.Referral, prev int64) error {
					r.FollowedUp, r.Outcome, r.Version = day.AddDays(w+1), referral.Attended, prev+1
					return s.PutReferral(ctx, r, prev)
				}, gongwei.ErrConflict)
			if err != nil {
				t.Failf("%v", err)
			}
		}},
}
