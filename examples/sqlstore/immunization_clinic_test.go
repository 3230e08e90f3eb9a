package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
)

// clinicStore adapts a DB opener to the newStore of the clinic suites.
func clinicStore[S any](newDB func() *sqlstore.DB, of func(*sqlstore.ImmunizationClinicStore) S) func(*testing.T) S {
	return fresh(newDB, func(db *sqlstore.DB) S { return of(db.ImmunizationClinic()) })
}

// clinicSuites runs the four clinic suites on the stores of newDB.
func clinicSuites(t *testing.T, newDB func() *sqlstore.DB) {
	t.Run("AEFI", func(t *testing.T) {
		immunizationtest.TestAEFIStore(t, clinicStore(newDB, func(c *sqlstore.ImmunizationClinicStore) immunization.AEFIStore { return c }))
	})
	t.Run("ColdChain", func(t *testing.T) {
		immunizationtest.TestColdChainStore(t, clinicStore(newDB, func(c *sqlstore.ImmunizationClinicStore) immunization.ColdChainStore { return c }))
	})
	t.Run("Movements", func(t *testing.T) {
		immunizationtest.TestMovementStore(t, clinicStore(newDB, func(c *sqlstore.ImmunizationClinicStore) immunization.MovementStore { return c }))
	})
	t.Run("Campaigns", func(t *testing.T) {
		immunizationtest.TestCampaignStore(t, clinicStore(newDB, func(c *sqlstore.ImmunizationClinicStore) immunization.CampaignStore { return c }))
	})
}

func TestImmunizationClinicSQLite(t *testing.T) { clinicSuites(t, sqliteStores(t)) }

func TestImmunizationClinicPostgres(t *testing.T) { clinicSuites(t, postgresStores(t)) }
