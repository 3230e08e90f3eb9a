package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
)

// childStores adapts a DB opener to the newStore of childtest.TestStore.
func childStores(newDB func() *sqlstore.DB) func(*testing.T) child.Store {
	return func(*testing.T) child.Store {
		db := newDB()
		if db == nil {
			return nil
		}
		return db.Child()
	}
}

func TestChildSQLite(t *testing.T) {
	childtest.TestStore(t, childStores(sqliteStores(t)))
}

func TestChildPostgres(t *testing.T) {
	childtest.TestStore(t, childStores(postgresStores(t)))
}
