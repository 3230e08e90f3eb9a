// Package browsertest runs the headless Chromium of the tests that load the HTML
// reports in a real browser (the indicators report, the township example's page). The
// tests run when GONGWEI_CHROMIUM names a Chromium binary (.ci/run installs Debian's
// chromium and sets it) and fail, rather than skip, when that browser cannot run. It
// imports package testing: only tests import it.
package browsertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Env names the environment variable holding the Chromium binary.
const Env = "GONGWEI_CHROMIUM"

// Browser returns the Chromium binary Env names, and skips t when it is unset.
func Browser(t testing.TB) string {
	t.Helper()
	bin := os.Getenv(Env)
	if bin == "" {
		t.Skip(Env + " is not set: no browser test")
	}
	return bin
}

// Run runs bin headless (no sandbox, GPU or scrollbars, a fresh profile under dir) with
// args added, within two minutes, and returns what it printed on stdout. It fails t,
// with the end of the browser's stderr, when the browser cannot run.
func Run(t testing.TB, bin, dir string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--hide-scrollbars", "--user-data-dir=" + filepath.Join(dir, "profile")}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s=%s cannot run: %v\n%s", Env, bin, err, Tail(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

// Tail returns the last n bytes of s, marked with an ellipsis when cut.
func Tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
