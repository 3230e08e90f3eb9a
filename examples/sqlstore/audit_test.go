package sqlstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// auditStores adapts a DB opener to the newStore of recordtest.TestAuditStore.
func auditStores(newDB func() *sqlstore.DB) func(*testing.T) healthrecord.AuditStore {
	return func(*testing.T) healthrecord.AuditStore {
		db := newDB()
		if db == nil {
			return nil
		}
		return db.Audit()
	}
}

func TestAuditSQLite(t *testing.T) {
	recordtest.TestAuditStore(t, auditStores(sqliteStores(t)))
}

func TestAuditPostgres(t *testing.T) {
	recordtest.TestAuditStore(t, auditStores(postgresStores(t)))
}
