package healthrecord_test

import (
	"fmt"
	"reflect"
	"testing"
)

// Small assertion helpers (the module's go.sum does not carry testify's dependencies).

func msg(args []any) string {
	if len(args) == 0 {
		return ""
	}
	if f, ok := args[0].(string); ok {
		return ": " + fmt.Sprintf(f, args[1:]...)
	}
	return ": " + fmt.Sprint(args...)
}

func mustEqual(t testing.TB, want, got any, args ...any) {
	t.Helper()
	if !reflect.DeepEqual(want, got) {
		t.Fatalf("got %v, want %v%s", got, want, msg(args))
	}
}

func mustTrue(t testing.TB, ok bool, args ...any) {
	t.Helper()
	if !ok {
		t.Fatalf("want true%s", msg(args))
	}
}

func mustFalse(t testing.TB, ok bool, args ...any) {
	t.Helper()
	if ok {
		t.Fatalf("want false%s", msg(args))
	}
}

func mustNoErr(t testing.TB, err error, args ...any) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error %v%s", err, msg(args))
	}
}
