package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/memstore"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

func TestStore(t *testing.T) {
	supervisiontest.TestStore(t, func(*testing.T) supervision.Store { return memstore.New() })
}
