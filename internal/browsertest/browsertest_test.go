package browsertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTail(t *testing.T) {
	if got := Tail("abcdef", 3); got != "…def" {
		t.Errorf("Tail = %q", got)
	}
	if got := Tail("ab", 3); got != "ab" {
		t.Errorf("Tail = %q", got)
	}
}

// TestRun runs a stand-in browser (a shell script printing its arguments): Run passes
// the headless flags, a profile under dir and the arguments, and returns stdout.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "browser")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho \"$@\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := string(Run(t, bin, dir, "--dump-dom", "file:///x.html"))
	for _, want := range []string{"--headless", "--user-data-dir=" + filepath.Join(dir, "profile"), "--dump-dom file:///x.html"} {
		if !strings.Contains(out, want) {
			t.Errorf("browser ran with %q, want %q in it", out, want)
		}
	}
}
