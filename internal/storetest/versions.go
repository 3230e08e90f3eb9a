package storetest

import (
	"context"

	"github.com/gongwei-lib/gongwei"
)

// CheckVersions checks the compare-and-swap of a put on one record type, as the health
// record's and the maternal store's contracts state it: prev 0 inserts and fails with
// gongwei.ErrConflict when the key is stored; prev > 0 updates and fails with
// gongwei.ErrConflict when the stored version differs or the record is absent; a failed
// put stores nothing; the version is stored as given, not computed. x and absent are
// valid records of two keys, neither stored; version points at a record's Version, put
// is the store's put and get reads the stored record of a record's key.
func CheckVersions[R any](t *T, x, absent R, version func(R) *int64, put func(ctx context.Context, x R, prev int64) error, get func(ctx context.Context, x R) (R, error)) {
	t.Helper()
	putAs := func(x R, v, prev int64) error {
		*version(x) = v
		return put(t.Ctx, x, prev)
	}
	t.Must(putAs(x, 1, 0), "insert with prev 0")
	t.WantErr(putAs(x, 1, 0), gongwei.ErrConflict, "second insert with prev 0")
	t.Must(putAs(x, 2, 1), "update from version 1")
	t.WantErr(putAs(x, 2, 1), gongwei.ErrConflict, "update from stale version 1")
	t.WantErr(putAs(x, 5, 4), gongwei.ErrConflict, "update from version 4, ahead of the stored 2")
	got, err := get(t.Ctx, x)
	t.Must(err, "get")
	if v := *version(got); v != 2 {
		t.Failf("stored version %d after failed puts, want 2", v)
	}
	t.WantErr(putAs(absent, 4, 3), gongwei.ErrConflict, "update of an absent record")
	_, err = get(t.Ctx, absent)
	t.WantErr(err, gongwei.ErrNotFound, "get after a failed update of an absent record")
	// The version is stored as given, not computed: a jump is the caller's business.
	t.Must(putAs(x, 10, 2), "update to version 10 from 2")
	got, err = get(t.Ctx, x)
	t.Must(err, "get")
	if v := *version(got); v != 10 {
		t.Failf("stored version %d, want 10 as given", v)
	}
}
