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

// TestImport imports into a map store, with the records put captured by a capturing
// store (Put) and by the service handing them to Keep: a new record is stored, the same
// record again is skipped, one with other content under a stored key is rejected as a
// conflict, and one with a version is rejected as not allowed.
func TestImport(t *testing.T) {
	for _, capturing := range []bool{true, false} {
		t.Run(fmt.Sprintf("capturing store %v", capturing), func(t *testing.T) { testImport(t, capturing) })
	}
}

func testImport(t *testing.T, capturing bool) {
	type rec struct {
		ID, Name string
		Version  int64
	}
	stored := map[string]rec{"old": {"old", "b", 1}}
	var c *Capture[*rec]
	if capturing {
		c = new(Capture[*rec])
	}
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
		Capture: c,
		Save: func(ctx context.Context, r *rec) error {
			w := *r
			w.Version = 1
			if capturing {
				return Put(ctx, c, put, &w, 0)
			}
			return PutKeeping(ctx, put, &w, 0)
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

// TestKeepOutsideImport: outside an import Keep does nothing (and does not fail).
func TestKeepOutsideImport(t *testing.T) {
	ctx := context.Background()
	Keep(ctx, "a record")
	var c Capture[string]
	ctx = context.WithValue(ctx, captureKey[string]{}, &c)
	Keep(ctx, 42) // another type: not captured
	_, ok := c.Take()
	assert.False(t, ok)
	Keep(ctx, "b")
	x, ok := c.Take()
	assert.True(t, ok)
	assert.Equal(t, "b", x)
}

func TestKeyOr(t *testing.T) {
	derive := func() string { return "derived" }
	assert.Equal(t, "given", KeyOr("given", derive))
	assert.Equal(t, "derived", KeyOr("", derive))
}
