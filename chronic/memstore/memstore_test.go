package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
)

func TestStore(t *testing.T) {
	chronictest.TestStore(t, func(*testing.T) chronic.Store { return memstore.New() })
}
