package maternal_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

// A Registry built without Records refuses to save, with an error rather than a panic.
func TestNewWithoutRecords(t *testing.T) {
	g := maternal.New(memstore.New(), maternal.Options{Unattributed: true})
	err := g.Save(context.Background(), &maternal.Pregnancy{Resident: "R1"})
	if !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("Save without Records = %v, want an error wrapping gongwei.ErrInvalid", err)
	}
}
