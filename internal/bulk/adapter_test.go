package bulk

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
)

// TestImport imports through a capturing map store: a new record is stored, the same
// record again is skipped, one with other content under a stored key is rejected as a
// conflict, and one with a version is rejected as not allowed.
func TestImport(t *testing.T) {
	type rec struct {
		ID, Name string
		Version  int64
	}
	stored := map[string]rec{"old": {"old", "b", 1}}
	var c Capture[*rec]
	put := func(_ context.Context, r *rec, prev int64) error {
		if _, ok := stored[r.ID]; ok || prev != 0 {
			return fmt.Errorf("put: %w", gongwei.ErrConflict)
		}
		stored[r.ID] = *r
		return nil
	}
	k := Kind[*rec]{
		Name:    "test.Record",
		Version: func(r *rec) int64 { return r.Version },
		Capture: &c,
		Save: func(ctx context.Context, r *rec) error {
			w := *r
			w.Version = 1
			return Put(ctx, &c, put, &w, 0)
		},
		Get: func(_ context.Context, r *rec) (*rec, error) {
			x, ok := stored[KeyOr(r.ID, func() string { return "derived" })]
			if !ok {
				return nil, gongwei.ErrNotFound
			}
			return &x, nil
		},
	}
	rep, err := Import(context.Background(), nil, slices.Values([]*rec{
		{ID: "new", Name: "a"}, {ID: "new", Name: "a"}, {ID: "old", Name: "a"}, {ID: "v", Name: "a", Version: 3},
	}), k)
	require.NoError(t, err)
	assert.Equal(t, 4, rep.Read)
	assert.Equal(t, 1, rep.Stored)
	assert.Equal(t, 1, rep.Skipped)
	require.Len(t, rep.Rejected, 2)
	assert.Equal(t, 2, rep.Rejected[0].Index)
	assert.ErrorIs(t, rep.Rejected[0].Err, gongwei.ErrConflict)
	assert.Equal(t, 3, rep.Rejected[1].Index)
	assert.ErrorIs(t, rep.Rejected[1].Err, gongwei.ErrInvalid)
	assert.Equal(t, []string{"new", "old"}, slices.Sorted(maps.Keys(stored)))
}

func TestKeyOr(t *testing.T) {
	derive := func() string { return "derived" }
	assert.Equal(t, "given", KeyOr("given", derive))
	assert.Equal(t, "derived", KeyOr("", derive))
}
