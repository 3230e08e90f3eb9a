package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
)

// educationStores adapts a DB opener to the newStore of educationtest.TestStore.
func educationStores(newDB func() *sqlstore.DB) func(*testing.T) education.Store {
	return func(*testing.T) education.Store {
		db := newDB()
		if db == nil {
			return nil
		}
		return db.Education()
	}
}

func TestEducationSQLite(t *testing.T) {
	educationtest.TestStore(t, educationStores(sqliteStores(t)))
}

func TestEducationPostgres(t *testing.T) {
	educationtest.TestStore(t, educationStores(postgresStores(t)))
}
