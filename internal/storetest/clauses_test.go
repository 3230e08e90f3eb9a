package storetest

import (
	"errors"
	"testing"
)

// box is the store of the clause tests: a value clauses may read and change.
type box struct{ n int }

// handle is a suite's own handle, with a helper of its own.
type handle struct{ *T }

func (h *handle) set(b *box, n int) { b.n = n }

var errBox = errors.New("box")

// breaking are clauses each broken by one of the helpers, and by a nil store.
var breaking = []Clause[*handle, *box]{
	{Name: "Failf", Text: "failf breaks", Run: func(t *handle, _ *box) { t.Failf("broken %d", 1) }},
	{Name: "Stopf", Text: "stopf breaks", Run: func(t *handle, _ *box) { t.Stopf("broken") }},
	{Name: "Must", Text: "must breaks", Run: func(t *handle, _ *box) { t.Must(errBox, "call") }},
	{Name: "WantErr", Text: "wanterr breaks", Run: func(t *handle, _ *box) { t.WantErr(nil, errBox, "call") }},
}

func TestRunBreaks(t *testing.T) {
	if IsChild() {
		Run(t, breaking, func(t *T) *handle { return &handle{t} }, func(*testing.T) *box { return &box{} })
		t.Run("nil store", func(t *testing.T) {
			Fresh(t, func(*testing.T) *box { return nil })
		})
		return
	}
	for _, c := range breaking {
		Caught(t, 1, "TestRunBreaks", c.Name)
	}
	Caught(t, 1, "TestRunBreaks", "nil store")
}

func TestRunPasses(t *testing.T) {
	var seen []string
	fresh := 0
	clauses := []Clause[*handle, *box]{
		{Name: "first", Text: "the first clause", Run: func(t *handle, b *box) {
			t.Must(nil, "call")
			t.WantErr(errBox, errBox, "call")
			if b.n != 0 {
				t.Failf("store not fresh: %d", b.n)
			}
			t.set(b, 1)
			if t.Ctx == nil || t.Ctx.Err() != nil {
				t.Failf("context %v", t.Ctx)
			}
			seen = append(seen, t.Name()+": "+t.Clause)
		}},
		{Name: "second", Text: "the second clause", Run: func(t *handle, b *box) {
			if b.n != 0 {
				t.Failf("store not fresh: %d", b.n)
			}
			seen = append(seen, t.Name()+": "+t.Clause)
		}},
	}
	Run(t, clauses, func(t *T) *handle { return &handle{t} }, func(*testing.T) *box { fresh++; return &box{} })
	want := []string{"TestRunPasses/first: the first clause", "TestRunPasses/second: the second clause"}
	if len(seen) != 2 || seen[0] != want[0] || seen[1] != want[1] || fresh != 2 {
		t.Errorf("ran %q on %d stores, want %q on 2", seen, fresh, want)
	}
}

func TestCollect(t *testing.T) {
	seq := func(n int, failAt int) func(func(int, error) bool) {
		return func(yield func(int, error) bool) {
			for i := 1; i <= n; i++ {
				if i == failAt {
					yield(0, errBox)
					return
				}
				if !yield(i, nil) {
					return
				}
			}
		}
	}
	for _, tc := range []struct {
		n, failAt int
		want      []int
		err       error
	}{
		{3, 0, []int{1, 2, 3}, nil},
		{0, 0, nil, nil},
		{3, 3, []int{1, 2}, errBox},
		{3, 1, nil, errBox},
	} {
		got, err := Collect(seq(tc.n, tc.failAt))
		if !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) || len(got) != len(tc.want) {
			t.Errorf("Collect(%d, fail at %d) = %v, %v; want %v, %v", tc.n, tc.failAt, got, err, tc.want, tc.err)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Collect(%d, fail at %d) = %v, want %v", tc.n, tc.failAt, got, tc.want)
			}
		}
	}
}
