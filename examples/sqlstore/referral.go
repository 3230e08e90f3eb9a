package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/referral"
)

// ReferralStore is the referral register (referral.Store) in the database: the table of
// migrations/referral. Get it from [DB.Referrals]; wrap it in a referral.Service.
type ReferralStore struct {
	store
}

var _ referral.Store = (*ReferralStore)(nil)

// Referrals returns the referral register's store in db.
func (db *DB) Referrals() *ReferralStore { return &ReferralStore{store{db}} }

var referrals = newRecords("referrals", "referral", "referrals", []string{"village", "resident", "kind", "referred"},
	func(r *referral.Referral) (string, int64, []any) {
		return string(r.ID), r.Version, []any{string(r.Village), string(r.Resident), string(r.Kind), dateText(r.Referred)}
	})

// Referral implements referral.Store.
func (s *ReferralStore) Referral(ctx context.Context, id referral.ID) (*referral.Referral, error) {
	return referrals.get(ctx, s.db, string(id))
}

// PutReferral implements referral.Store.
func (s *ReferralStore) PutReferral(ctx context.Context, r *referral.Referral, prev int64) error {
	return referrals.put(ctx, s.db, r, prev)
}

// Referrals implements referral.Store: selected by the prefix of the village code, the
// resident, the kind and the referral date, ordered by referral date, then ID.
func (s *ReferralStore) Referrals(ctx context.Context, f referral.Filter) iter.Seq2[*referral.Referral, error] {
	q := referrals.query()
	hasPrefixCond(&q, "village", f.Prefix)
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	if f.Kind != "" {
		q.and("kind = ?", string(f.Kind))
	}
	q.period("referred", f.Period)
	return referrals.stream(ctx, s.db, q, "referred, id")
}
