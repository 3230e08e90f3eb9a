package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
)

// chronicStores adapts a DB opener to the newStore of chronictest.TestStore.
func chronicStores(newDB func() *sqlstore.DB) func(*testing.T) chronic.Store {
	return func(*testing.T) chronic.Store {
		db := newDB()
		if db == nil {
			return nil
		}
		return db.Chronic()
	}
}

func TestChronicSQLite(t *testing.T) {
	chronictest.TestStore(t, chronicStores(sqliteStores(t)))
}

func TestChronicPostgres(t *testing.T) {
	chronictest.TestStore(t, chronicStores(postgresStores(t)))
}
