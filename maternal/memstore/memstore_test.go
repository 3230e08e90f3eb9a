package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

func TestConformance(t *testing.T) {
	maternaltest.TestStore(t, func(*testing.T) maternal.Store { return memstore.New() })
}
