package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
)

// maternalStores adapts a DB opener to the newStore of maternaltest.TestStore.
func maternalStores(newDB func() *sqlstore.DB) func(*testing.T) maternal.Store {
	return func(*testing.T) maternal.Store {
		db := newDB()
		if db == nil {
			return nil
		}
		return db.Maternal()
	}
}

func TestMaternalSQLite(t *testing.T) {
	maternaltest.TestStore(t, maternalStores(sqliteStores(t)))
}

func TestMaternalPostgres(t *testing.T) {
	maternaltest.TestStore(t, maternalStores(postgresStores(t)))
}
