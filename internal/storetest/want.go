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

// WantSame stops the clause on err, the error of the lookup what, and reports a failure
// unless got, the record it returned, equals want in every field.
func WantSame[R any](t *T, what string, got R, err error, want R) {
	t.Helper()
	t.Must(err, what)
	if !reflect.DeepEqual(got, want) {
		t.Failf("%s:\ngot  %+v\nwant %+v", what, got, want)
	}
}
