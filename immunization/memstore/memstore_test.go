package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

func TestConformance(t *testing.T) {
	immunizationtest.TestStore(t, func(*testing.T) immunization.Store { return memstore.New() })
}
