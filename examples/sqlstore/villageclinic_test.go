package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
)

// villageClinicStores adapts a DB opener to the newStore of villageclinictest.TestStore.
func villageClinicStores(newDB func() *sqlstore.DB) func(*testing.T) villageclinic.Store {
	return func(*testing.T) villageclinic.Store {
		if db := newDB(); db != nil {
			return db.VillageClinics()
		}
		return nil
	}
}

func TestVillageClinicSQLite(t *testing.T) {
	villageclinictest.TestStore(t, villageClinicStores(sqliteStores(t)))
}

func TestVillageClinicPostgres(t *testing.T) {
	villageclinictest.TestStore(t, villageClinicStores(postgresStores(t)))
}
