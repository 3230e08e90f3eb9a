package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

func TestConformance(t *testing.T) {
	recordtest.TestStore(t, func() healthrecord.Store { return memstore.New() })
}
