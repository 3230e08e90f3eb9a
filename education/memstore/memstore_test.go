package memstore_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

func TestStore(t *testing.T) {
	educationtest.TestStore(t, func(*testing.T) education.Store { return memstore.New() })
}
