package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

func TestAuditStore(t *testing.T) {
	recordtest.TestAuditStore(t, func(*testing.T) healthrecord.AuditStore { return memstore.NewAudit() })
}
