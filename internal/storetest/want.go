package storetest

import (
	"iter"
	"reflect"
)

// WantIDs reports a failure of the clause, named what, unless the stream yields the
// records with the keys want, in that order; it stops the clause on an error of the
// stream.
func WantIDs[R any](t *T, what string, seq iter.Seq2[*R, error], key func(*R) string, want ...string) {
	t.Helper()
	if got := IDs(t, seq, key); !reflect.DeepEqual(got, want) {
		t.Failf("%s: got %v, want %v", what, got, want)
	}
}
