package womenshealth_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/badinput"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

// TestPremarital: every problem at once (a check after the registration is not
// premarital); a valid registration is saved with its version; a store without
// premarital checks reports errors.ErrUnsupported.
func TestPremarital(t *testing.T) {
	bad := &womenshealth.Premarital{Village: "1101", Sex: 9, Birth: day, Registered: day.AddDays(-1), Checked: day.AddDays(1)}
	badinput.Check(t, bad.Validate(), []badinput.Problem{
		{Field: "ID", Code: gongwei.CodeRequired},
		{Field: "Village", Code: gongwei.CodeFormat},
		{Field: "Sex", Code: gongwei.CodeUnknownCode},
		{Field: "Registered", Code: gongwei.CodeBeforeBirth},
		{Field: "Checked", Code: gongwei.CodeOrder},
	}, "")
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "S01", Institution: "110101001", Within: "110101001"})
	g := womenshealth.New(memstore.New(), womenshealth.Options{})
	m := womenshealthtest.Premarital("M1", womenshealthtest.Village, day)
	if err := g.SavePremarital(ctx, m); err != nil || m.Version != 1 {
		t.Fatalf("save: %v, version %d", err, m.Version)
	}
	ps := g.Store().(womenshealth.PremaritalStore)
	if got, err := ps.Premarital(ctx, "M1"); err != nil || got.Checked != day.AddDays(-10) {
		t.Errorf("stored: %+v, %v", got, err)
	}
	if err := g.SavePremarital(ctx, bad); !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("invalid: %v", err)
	}
	plain := womenshealth.New(onlyStore{memstore.New()}, womenshealth.Options{})
	if err := plain.SavePremarital(ctx, womenshealthtest.Premarital("M2", womenshealthtest.Village, day)); !errors.Is(err, errors.ErrUnsupported) {
		t.Errorf("store without premarital checks: %v", err)
	}
}

// onlyStore hides every method but womenshealth.Store's.
type onlyStore struct{ womenshealth.Store }
