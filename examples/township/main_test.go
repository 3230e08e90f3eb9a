package main

import (
	"context"
	"testing"
)

// TestRun runs the whole township workflow once: every registration, checkup and tally
// must succeed on the in-memory store.
func TestRun(t *testing.T) {
	if err := run(context.Background()); err != nil {
		t.Fatal(err)
	}
}
