package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/villageclinic/memstore"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
)

func TestStore(t *testing.T) {
	villageclinictest.TestStore(t, func(*testing.T) villageclinic.Store { return memstore.New() })
}
