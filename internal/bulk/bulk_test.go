package bulk

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
)

// batchLog is a store whose batches are all-or-nothing: writes go to the batch's list
// and reach saved only when f returns nil. It counts its batches.
type batchLog struct {
	saved   []int
	batches int
}

type pendingKey struct{}

func (b *batchLog) Batch(ctx context.Context, f func(context.Context) error) error {
	b.batches++
	var pending []int
	if err := f(context.WithValue(ctx, pendingKey{}, &pending)); err != nil {
		return err
	}
	b.saved = append(b.saved, pending...)
	return nil
}

func (b *batchLog) put(ctx context.Context, x int) {
	if p, ok := ctx.Value(pendingKey{}).(*[]int); ok {
		*p = append(*p, x)
		return
	}
	b.saved = append(b.saved, x)
}

var errDown = errors.New("store down")

// items returns n items in groups of size group; item i is invalid when bad(i), and
// the store fails at item fail (-1 for never).
func items(b *batchLog, n, group int, bad func(int) bool, fail int) []Item {
	var out []Item
	for i := range n {
		out = append(out, Item{Kind: "test.Record", Group: i / group, Save: func(ctx context.Context) (Outcome, error) {
			switch {
			case i == fail:
				return Stored, errDown
			case bad(i):
				ve := &gongwei.ValidationError{Record: "test.Record"}
				ve.Add("Field", gongwei.CodeRequired)
				return Stored, fmt.Errorf("test: %w", ve)
			}
			b.put(ctx, i)
			return Stored, nil
		}})
	}
	return out
}

func TestRunChunksByGroupAndReports(t *testing.T) {
	for _, tc := range []struct {
		name              string
		n, group, chunk   int
		wantBatches       int
		wantRejectedIndex []int
	}{
		// 10 records, every third invalid, chunks of 4 single-record groups: 3 batches.
		{"singles", 10, 1, 4, 3, []int{0, 3, 6, 9}},
		// Groups of 3 records, chunks of 2 groups (6 records): 2 batches, no group split.
		{"groups", 10, 3, 2, 2, []int{0, 3, 6, 9}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &batchLog{}
			rep, err := Run(context.Background(), b, tc.chunk, slices.Values(items(b, tc.n, tc.group, func(i int) bool { return i%3 == 0 }, -1)))
			require.NoError(t, err)
			assert.Equal(t, tc.wantBatches, b.batches)
			assert.Equal(t, tc.n, rep.Read)
			assert.Equal(t, tc.n, rep.Done)
			assert.Equal(t, 6, rep.Stored)
			assert.Equal(t, []int{1, 2, 4, 5, 7, 8}, b.saved)
			var got []int
			for _, p := range rep.Rejected {
				got = append(got, p.Index)
				assert.Equal(t, "test.Record", p.Kind)
				var ve *gongwei.ValidationError
				require.ErrorAs(t, p, &ve)
				assert.True(t, ve.Has("Field", gongwei.CodeRequired))
			}
			assert.Equal(t, tc.wantRejectedIndex, got)
		})
	}
}

func TestRunStopsOnStoreFailure(t *testing.T) {
	b := &batchLog{}
	// Chunks of 4: the failure at record 6 rolls back the second chunk (4-7).
	rep, err := Run(context.Background(), b, 4, slices.Values(items(b, 10, 1, func(int) bool { return false }, 6)))
	require.ErrorIs(t, err, errDown)
	assert.Equal(t, 4, rep.Done)
	assert.Equal(t, 4, rep.Stored)
	assert.Equal(t, 8, rep.Read)
	assert.False(t, rep.Complete())
	assert.Equal(t, []int{0, 1, 2, 3}, b.saved)
}

func TestRunCancelled(t *testing.T) {
	b := &batchLog{}
	ctx, cancel := context.WithCancel(context.Background())
	all := items(b, 10, 1, func(int) bool { return false }, -1)
	// Cancel while the second chunk saves its second record.
	inner := all[5].Save
	all[5].Save = func(ctx context.Context) (Outcome, error) {
		cancel()
		return inner(ctx)
	}
	rep, err := Run(ctx, b, 4, slices.Values(all))
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 4, rep.Done)
	assert.Equal(t, []int{0, 1, 2, 3}, b.saved)
}

func TestRunWithoutBatcher(t *testing.T) {
	b := &batchLog{}
	rep, err := Run(context.Background(), struct{}{}, 4, slices.Values(items(b, 10, 1, func(i int) bool { return i == 2 }, -1)))
	require.NoError(t, err)
	assert.Equal(t, 0, b.batches)
	assert.Equal(t, 9, rep.Stored)
	assert.Equal(t, []int{0, 1, 3, 4, 5, 6, 7, 8, 9}, b.saved)
}

func TestInsert(t *testing.T) {
	ctx := context.Background()
	stored := func(ok bool) func(context.Context) (bool, error) {
		return func(context.Context) (bool, error) { return ok, nil }
	}
	fails := func(err error) func(context.Context) error { return func(context.Context) error { return err } }
	for _, tc := range []struct {
		name    string
		version int64
		save    error
		stored  bool
		want    Outcome
		wantErr error
	}{
		{"new", 0, nil, false, Stored, nil},
		{"stored before", 0, fmt.Errorf("put: %w", gongwei.ErrConflict), true, Skipped, nil},
		{"stored before (duplicate ID)", 0, fmt.Errorf("put: %w", gongwei.ErrDuplicate), true, Skipped, nil},
		{"another record's key", 0, fmt.Errorf("put: %w", gongwei.ErrDuplicate), false, Stored, gongwei.ErrDuplicate},
		{"invalid", 0, fmt.Errorf("save: %w", gongwei.ErrInvalid), false, Stored, gongwei.ErrInvalid},
		{"not new", 3, nil, false, Stored, gongwei.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Insert(ctx, "test.Record", tc.version, fails(tc.save), stored(tc.stored))
			assert.Equal(t, tc.want, out)
			if tc.wantErr == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tc.wantErr)
			}
		})
	}
}

func TestReportAdd(t *testing.T) {
	a := &gongwei.ImportReport{Read: 5, Done: 5, Stored: 4, Rejected: []gongwei.ImportProblem{{Index: 2, Kind: "a"}}}
	a.Add(&gongwei.ImportReport{Read: 3, Done: 3, Stored: 1, Skipped: 1, Rejected: []gongwei.ImportProblem{{Index: 0, Kind: "b"}}})
	assert.Equal(t, 8, a.Read)
	assert.Equal(t, 8, a.Done)
	assert.Equal(t, 5, a.Stored)
	assert.Equal(t, 1, a.Skipped)
	assert.Equal(t, []int{2, 5}, []int{a.Rejected[0].Index, a.Rejected[1].Index})
	assert.Equal(t, "read 8, done 8: stored 5, already stored 1, rejected 2", a.String())
}

func TestInsertSame(t *testing.T) {
	ctx := context.Background()
	type rec struct{ ID, Name string }
	for _, tc := range []struct {
		name      string
		prepared  *rec // what the service put, nil when it failed before the put
		saveErr   error
		stored    *rec // nil: not stored under the record's ID
		want      Outcome
		wantError error
	}{
		{"new", &rec{"1", "a"}, nil, nil, Stored, nil},
		{"stored identically", &rec{"1", "a"}, gongwei.ErrConflict, &rec{"1", "a"}, Skipped, nil},
		{"stored with other content", &rec{"1", "a"}, gongwei.ErrConflict, &rec{"1", "b"}, Stored, gongwei.ErrConflict},
		{"another record's key", &rec{"1", "a"}, gongwei.ErrDuplicate, nil, Stored, gongwei.ErrDuplicate},
		{"refused before the put", nil, gongwei.ErrDuplicate, &rec{"1", "a"}, Stored, gongwei.ErrConflict},
		{"invalid", nil, gongwei.ErrInvalid, nil, Stored, gongwei.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c Capture[*rec]
			c.Keep(&rec{"stale", "from an earlier record"})
			out, err := InsertSame(ctx, "test.Record", 0, &c, func(context.Context) error {
				if tc.prepared != nil {
					c.Keep(tc.prepared)
				}
				if tc.saveErr != nil {
					return fmt.Errorf("save: %w", tc.saveErr)
				}
				return nil
			}, func(context.Context) (*rec, error) {
				if tc.stored == nil {
					return nil, fmt.Errorf("get: %w", gongwei.ErrNotFound)
				}
				return tc.stored, nil
			})
			assert.Equal(t, tc.want, out)
			if tc.wantError == nil {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, tc.wantError)
			}
			_, kept := c.Take()
			assert.False(t, kept, "nothing kept for the next record")
		})
	}
}
