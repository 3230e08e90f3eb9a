// Package memstore is an in-memory [referral.Store] that passes referraltest.TestStore.
// Records live in an internal/memtable table and are copied in and out.
package memstore

import (
	"cmp"
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/internal/memtable"
	"github.com/gongwei-lib/gongwei/referral"
)

// Store is an in-memory referral.Store, safe for concurrent use. Create one with New.
type Store struct {
	referrals *memtable.Table[referral.ID, referral.Referral]
}

var _ referral.Store = (*Store)(nil)

// New returns an empty Store.
func New() *Store {
	return &Store{referrals: memtable.New("referral", (*referral.Referral).Clone,
		func(r *referral.Referral) referral.ID { return r.ID },
		func(r *referral.Referral) int64 { return r.Version },
		func(a, b *referral.Referral) int {
			return cmp.Or(a.Referred.Compare(b.Referred), cmp.Compare(a.ID, b.ID))
		})}
}

// Referral implements referral.Store.
func (s *Store) Referral(ctx context.Context, id referral.ID) (*referral.Referral, error) {
	return s.referrals.Get(ctx, id)
}

// PutReferral implements referral.Store.
func (s *Store) PutReferral(ctx context.Context, r *referral.Referral, prev int64) error {
	return s.referrals.Put(ctx, r, prev)
}

// Referrals implements referral.Store.
func (s *Store) Referrals(ctx context.Context, f referral.Filter) iter.Seq2[*referral.Referral, error] {
	return s.referrals.All(ctx, f.Match)
}
