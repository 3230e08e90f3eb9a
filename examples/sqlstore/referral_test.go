package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
)

// referralStores adapts a DB opener to the newStore of referraltest.TestStore.
func referralStores(newDB func() *sqlstore.DB) func(*testing.T) referral.Store {
	return func(*testing.T) referral.Store {
		if db := newDB(); db != nil {
			return db.Referrals()
		}
		return nil
	}
}

func TestReferralSQLite(t *testing.T) { referraltest.TestStore(t, referralStores(sqliteStores(t))) }

func TestReferralPostgres(t *testing.T) { referraltest.TestStore(t, referralStores(postgresStores(t))) }
