package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// Clause is one clause of a store contract and the check of it: Name names its subtest,
// Text is the clause as the contract states it (quoted in every failure), and Run checks
// it on a fresh store through the suite's own test handle C.
type Clause[C, S any] struct {
	Name, Text string
	Run        func(t C, s S)
}

// T is the test handle of a clause: it reports failures with the clause they break.
type T struct {
	*testing.T
	// Clause is the text of the clause under test.
	Clause string
	// Ctx is the context of the store calls.
	Ctx context.Context
}

// Failf reports a failure of the clause and continues.
func (t *T) Failf(format string, args ...any) {
	t.Helper()
	t.Errorf("%s\n\tcontract: %s", fmt.Sprintf(format, args...), t.Clause)
}

// Must stops the clause when err, the error of the call what, is not nil.
func (t *T) Must(err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: unexpected error: %v\n\tcontract: %s", what, err, t.Clause)
	}
}

// WantErr reports a failure of the clause unless err, the error of the call what, wraps
// target.
func (t *T) WantErr(err, target error, what string) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Failf("%s: got error %v, want one wrapping %v", what, err, target)
	}
}

// Fresh returns a store from newStore, stopping the test when it returns nil (a nil
// interface or a nil pointer).
func Fresh[S any](t *testing.T, newStore func(t *testing.T) S) S {
	t.Helper()
	s := newStore(t)
	if v := reflect.ValueOf(s); !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		t.Fatal("newStore returned nil")
	}
	return s
}

// Run runs every clause in a subtest of t named after it, on a fresh store from
// newStore, with the suite's handle that handle makes of the clause's [T].
func Run[C, S any](t *testing.T, clauses []Clause[C, S], handle func(*T) C, newStore func(t *testing.T) S) {
	t.Helper()
	for _, c := range clauses {
		t.Run(c.Name, func(t *testing.T) {
			s := Fresh(t, newStore)
			c.Run(handle(&T{T: t, Clause: c.Text, Ctx: context.Background()}), s)
		})
	}
}

// Self is the handle of a suite whose clauses take the [T] itself, for [Run].
func Self(t *T) *T { return t }

// Stopf reports a failure of the clause and stops it.
func (t *T) Stopf(format string, args ...any) {
	t.Helper()
	t.Fatalf("%s\n\tcontract: %s", fmt.Sprintf(format, args...), t.Clause)
}
