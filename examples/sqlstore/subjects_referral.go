package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/referral"
)

// The referral register yields its slips with the subjects of [DB.Subjects] (the
// worklist's referral follow-ups), read in the same pass as the other tables.
var _ indicators.SubjectSource = (*ReferralStore)(nil)

// Subjects implements indicators.SubjectSource: see [DB.Subjects].
func (s *ReferralStore) Subjects(ctx context.Context, q indicators.SubjectQuery) (iter.Seq2[*indicators.Subject, error], bool) {
	return s.db.Subjects(ctx, q)
}

// ownsReferrals reports whether q's referral register, when it has one, is db's.
func (db *DB) ownsReferrals(q indicators.SubjectQuery) bool {
	if q.Referrals == nil {
		return true
	}
	s, ok := q.Referrals.(*ReferralStore)
	return ok && s != nil && s.db == db
}

// openReferrals opens the scan of the referrals under the jurisdiction (cond, the
// village-prefix condition on alias r) referred in p, in resident order (the index of
// migrations/referral/0003_resident_scan.sql serves it without a sort), each resident's
// by referral date, then ID: referral.Store's order.
func (db *DB) openReferrals(open func(op, query string, dec func(string, []byte) (any, error), args ...any) (*scan, error),
	village func(alias string) (string, []any), p gongwei.Period) (*scan, error) {
	cond, args := village("r")
	un := db.d.unindexed // the dates filter; the index keeps the resident order
	return open("scan referrals",
		"SELECT "+db.d.rawText("r.resident")+", '', "+db.d.rawText("r.body")+" FROM referrals r WHERE "+cond+" AND "+un+"r.referred >= ? AND "+un+"r.referred < ? ORDER BY r.resident, r.referred, r.id",
		decoder[referral.Referral](), append(args, dateText(p.Start), dateText(p.End))...)
}
