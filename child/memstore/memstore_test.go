package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
)

func TestStore(t *testing.T) {
	childtest.TestStore(t, func(*testing.T) child.Store { return memstore.New() })
}
