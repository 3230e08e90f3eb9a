package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/referral"
)

// ReferralStore is the referral register (referral.Store) in the database: the table of
// migrations/referral. Get it from [DB.Referrals]; wrap it in a referral.Service.
type ReferralStore struct {
	db *DB
}

var _ referral.Store = (*ReferralStore)(nil)

// Referrals returns the referral register's store in db.
func (db *DB) Referrals() *ReferralStore { return &ReferralStore{db: db} }

var referralsTable = newTable("referrals", "referral", "village", "resident", "kind", "referred")

// Referral implements referral.Store.
func (s *ReferralStore) Referral(ctx context.Context, id referral.ID) (*referral.Referral, error) {
	return getRow[referral.Referral](ctx, s.db, referralsTable, string(id))
}

// PutReferral implements referral.Store.
func (s *ReferralStore) PutReferral(ctx context.Context, r *referral.Referral, prev int64) error {
	return s.db.write(ctx, "put referral", func(tx *txn) error {
		return putRow(ctx, s.db, tx, referralsTable, string(r.ID), r.Version, prev, r,
			string(r.Village), string(r.Resident), string(r.Kind), dateText(r.Referred))
	})
}

// Referrals implements referral.Store: selected by the prefix of the village code, the
// resident, the kind and the referral date, ordered by referral date, then ID.
func (s *ReferralStore) Referrals(ctx context.Context, f referral.Filter) iter.Seq2[*referral.Referral, error] {
	q := query{base: "SELECT body FROM referrals"}
	hasPrefixCond(&q, "village", f.Prefix)
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	if f.Kind != "" {
		q.and("kind = ?", string(f.Kind))
	}
	q.period("referred", f.Period)
	return stream[referral.Referral](ctx, s.db, "stream referrals", q.sql("referred, id"), q.args...)
}
