package healthrecord_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// FuzzLookUp checks that LookUp never panics, fails only with ErrInvalid or
// ErrNotFound, finds the stored resident by either of its numbers however typed, and
// never repeats the typed number in an error.
func FuzzLookUp(f *testing.F) {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	r := recordtest.Resident(1)
	r.ID, r.Archive = "", healthrecord.ArchiveNumber{}
	if err := g.Register(ctx, "110105001101", r); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		r.IDNumber.String(), r.Archive.String(), "11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ",
		"110105-001-101-00001", "", "x", "11010500110000001", "110105491231002",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		got, err := g.LookUp(ctx, typed)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) && !errors.Is(err, gongwei.ErrNotFound) {
				t.Fatalf("LookUp(%q): error %v wraps neither ErrInvalid nor ErrNotFound", typed, err)
			}
			if digits := gongwei.NormalizeCode(typed); len(digits) >= 6 && strings.Contains(err.Error(), digits) {
				t.Fatalf("LookUp(%q): error %q repeats the input", typed, err)
			}
			return
		}
		if got.ID != r.ID {
			t.Fatalf("LookUp(%q) found %q, want %q", typed, got.ID, r.ID)
		}
		if n := gongwei.NormalizeCode(typed); n != r.IDNumber.String() && n != r.Archive.String() {
			// A 15-digit legacy number upgrades to the stored 18-character one.
			if up, err := healthrecord.ParseIDNumber(n); err != nil || up != r.IDNumber {
				t.Fatalf("LookUp(%q) found a resident for a different number", typed)
			}
		}
	})
}

// FuzzResidentsPrefix checks that any prefix either streams residents that carry it
// (after normalisation) or yields exactly one ErrInvalid, and never panics.
func FuzzResidentsPrefix(f *testing.F) {
	g := healthrecord.NewRegistry(memstore.New(), nil)
	for i := 1; i <= 3; i++ {
		r := recordtest.Resident(i)
		r.ID, r.Archive = "", healthrecord.ArchiveNumber{}
		if err := g.Register(ctx, "110105001101", r); err != nil {
			f.Fatal(err)
		}
	}
	for _, s := range []string{"", "110105", "１１０１０５ ００１", "11010500110100002", "abc", "1101050011010000123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, prefix string) {
		n, errs := 0, 0
		norm := gongwei.NormalizeCode(prefix)
		for r, err := range g.Residents(ctx, healthrecord.ResidentFilter{Prefix: prefix}) {
			if err != nil {
				errs++
				if !errors.Is(err, gongwei.ErrInvalid) {
					t.Fatalf("prefix %q: error %v", prefix, err)
				}
				continue
			}
			n++
			if !strings.HasPrefix(r.Archive.String(), norm) {
				t.Fatalf("prefix %q: resident %s does not carry it", prefix, r.Archive)
			}
		}
		if errs > 1 || (errs == 1 && n > 0) {
			t.Fatalf("prefix %q: %d residents and %d errors", prefix, n, errs)
		}
	})
}
