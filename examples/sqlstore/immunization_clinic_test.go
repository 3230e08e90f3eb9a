package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
)

// clinicStores adapts a DB opener to the newStore of the clinic suites.
func clinicStores[S any](newDB func() *sqlstore.DB, of func(*sqlstore.ImmunizationClinicStore) S) func(*testing.T) S {
	return func(*testing.T) S {
		var zero S
		db := newDB()
		if db == nil {
			return zero
		}
		return of(db.ImmunizationClinic())
	}
}

func aefiStore(c *sqlstore.ImmunizationClinicStore) immunization.AEFIStore { return c }

func coldChainStore(c *sqlstore.ImmunizationClinicStore) immunization.ColdChainStore { return c }

func movementStore(c *sqlstore.ImmunizationClinicStore) immunization.MovementStore { return c }

func campaignStore(c *sqlstore.ImmunizationClinicStore) immunization.CampaignStore { return c }

func TestImmunizationClinicSQLite(t *testing.T) {
	t.Run("AEFI", func(t *testing.T) { immunizationtest.TestAEFIStore(t, clinicStores(sqliteStores(t), aefiStore)) })
	t.Run("ColdChain", func(t *testing.T) {
		immunizationtest.TestColdChainStore(t, clinicStores(sqliteStores(t), coldChainStore))
	})
	t.Run("Movements", func(t *testing.T) {
		immunizationtest.TestMovementStore(t, clinicStores(sqliteStores(t), movementStore))
	})
	t.Run("Campaigns", func(t *testing.T) {
		immunizationtest.TestCampaignStore(t, clinicStores(sqliteStores(t), campaignStore))
	})
}

func TestImmunizationClinicPostgres(t *testing.T) {
	t.Run("AEFI", func(t *testing.T) { immunizationtest.TestAEFIStore(t, clinicStores(postgresStores(t), aefiStore)) })
	t.Run("ColdChain", func(t *testing.T) {
		immunizationtest.TestColdChainStore(t, clinicStores(postgresStores(t), coldChainStore))
	})
	t.Run("Movements", func(t *testing.T) {
		immunizationtest.TestMovementStore(t, clinicStores(postgresStores(t), movementStore))
	})
	t.Run("Campaigns", func(t *testing.T) {
		immunizationtest.TestCampaignStore(t, clinicStores(postgresStores(t), campaignStore))
	})
}
