package storetest

import (
	"context"
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

// WantCancelled reports a failure of the clause unless seq, the stream name called with
// a cancelled context, yields the zero value and an error wrapping context.Canceled
// once, then stops.
func WantCancelled[V any](t *T, name string, seq iter.Seq2[V, error]) {
	t.Helper()
	n := 0
	for x, err := range seq {
		n++
		if n > 1 {
			t.Failf("%s: yielded again after its error", name)
			break
		}
		if err == nil {
			t.Failf("%s: yielded a value with no error under a cancelled context", name)
			break
		}
		if !reflect.ValueOf(&x).Elem().IsZero() {
			t.Failf("%s: yielded a non-zero value with its error", name)
		}
		t.WantErr(err, context.Canceled, name)
	}
	if n == 0 {
		t.Failf("%s: yielded nothing under a cancelled context, want the error once", name)
	}
}
