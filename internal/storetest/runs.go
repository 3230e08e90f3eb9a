package storetest

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ChildEnv is set, to "1", in the environment of the child processes [Caught] starts: a
// test that runs a suite on a broken store does so only when it is set.
const ChildEnv = "GONGWEI_STORETEST_CHILD"

// IsChild reports whether the test binary runs as a child process of [Caught].
func IsChild() bool { return os.Getenv(ChildEnv) == "1" }

// Caught proves that the subtest path (the test and subtest names as given to t.Run,
// such as "TestLastWriteWins/ConcurrentWriters") fails in every one of count runs: it
// runs the current test binary as a child process (with [ChildEnv] set) on that subtest
// count times (-test.count), once with GOMAXPROCS=1 and once with GOMAXPROCS as it is,
// and fails t unless each run of the subtest failed. The test named first in path must
// run the suite on the broken store when [IsChild], and do nothing else.
func Caught(t *testing.T, count int, path ...string) {
	t.Helper()
	var pattern, name []string
	for _, p := range path {
		pattern = append(pattern, "^"+regexp.QuoteMeta(rewrite(p))+"$")
		name = append(name, rewrite(p))
	}
	full := strings.Join(name, "/")
	for _, procs := range []string{"1", ""} {
		cmd := exec.Command(os.Args[0], "-test.run="+strings.Join(pattern, "/"), "-test.v", "-test.count="+strconv.Itoa(count))
		cmd.Env = append(os.Environ(), ChildEnv+"=1")
		label := "GOMAXPROCS as is"
		if procs != "" {
			cmd.Env = append(cmd.Env, "GOMAXPROCS="+procs)
			label = "GOMAXPROCS=" + procs
		}
		out, _ := cmd.CombinedOutput()
		failed := strings.Count(string(out), "--- FAIL: "+full+" (")
		passed := strings.Count(string(out), "--- PASS: "+full+" (")
		if failed != count || passed != 0 {
			tail := string(out)
			if len(tail) > 4000 {
				tail = "..." + tail[len(tail)-4000:]
			}
			t.Errorf("%s: %s failed %d and passed %d of %d runs, want it to fail in every run:\n%s", label, full, failed, passed, count, tail)
		}
	}
}

// rewrite gives a subtest name as the testing package prints it: spaces become
// underscores.
func rewrite(name string) string { return strings.ReplaceAll(name, " ", "_") }

// Overwrite puts x over whatever version of it is stored, ignoring the version the
// caller expects: the put of a broken store that loses updates ("last write wins"), on
// which a suite's concurrency clause must fail. get reads the stored record of x's ID id
// (an error when there is none: then x is put as new) and version reads a record's
// version.
func Overwrite[K, T any](ctx context.Context, x T, id K, get func(context.Context, K) (T, error), version func(T) int64, put func(context.Context, T, int64) error) error {
	var prev int64
	if old, err := get(ctx, id); err == nil {
		prev = version(old)
	}
	return put(ctx, x, prev)
}
