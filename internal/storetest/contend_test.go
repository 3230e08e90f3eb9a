package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// counter is a versioned count with a compare-and-swap put.
type counter struct {
	mu      sync.Mutex
	n       int
	version int64
}

func (c *counter) read() (int, int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n, c.version
}

func (c *counter) put(n int, prev int64) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != prev {
		return fmt.Errorf("stored %d, expected %d: %w", c.version, prev, gongwei.ErrConflict)
	}
	c.n, c.version = n, prev+1
	return nil
}

func TestContend(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name             string
		writers, updates int
		update           func(c *counter, w, u int) error
		wantN            int
		wantErrs         []string
	}{
		{"no update lost", 6, 40, func(c *counter, _, _ int) error {
			n, v := c.read()
			return c.put(n+1, v)
		}, 240, nil},
		{"another error stops the writer", 3, 5, func(c *counter, w, u int) error {
			if w == 1 && u == 2 {
				return errBox
			}
			n, v := c.read()
			return c.put(n+1, v)
		}, 2*5 + 2, []string{"box"}},
		{"endless conflict gives up", 2, 3, func(c *counter, w, _ int) error {
			if w == 0 {
				return gongwei.ErrConflict
			}
			n, v := c.read()
			return c.put(n+1, v)
		}, 3, []string{"writer 0: update 0 still conflicting after 1000 tries"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &counter{}
			errs := Contend(ctx, tc.writers, tc.updates, func(_ context.Context, w, u int) error { return tc.update(c, w, u) })
			if n, _ := c.read(); n != tc.wantN {
				t.Errorf("count %d, want %d", n, tc.wantN)
			}
			if len(errs) != len(tc.wantErrs) {
				t.Fatalf("errors %v, want %q", errs, tc.wantErrs)
			}
			for i, err := range errs {
				if !strings.Contains(err.Error(), tc.wantErrs[i]) || (tc.wantErrs[i] == "box" && !errors.Is(err, errBox)) {
					t.Errorf("error %v, want %q", err, tc.wantErrs[i])
				}
			}
		})
	}
}

func TestWins(t *testing.T) {
	for _, tc := range []struct {
		name string
		put  func(c *counter) error
		want int
	}{
		{"compare-and-swap: one wins", func(c *counter) error { return c.put(1, 0) }, 1},
		{"last write wins: all win", func(c *counter) error {
			_, v := c.read()
			c.mu.Lock()
			defer c.mu.Unlock()
			c.version = v + 1
			return nil
		}, 8},
		{"nobody wins", func(*counter) error { return gongwei.ErrConflict }, 0},
	} {
		c := &counter{}
		seen := make([]bool, 8)
		var mu sync.Mutex
		got := Wins(8, func(g int) error {
			mu.Lock()
			seen[g] = true
			mu.Unlock()
			return tc.put(c)
		})
		if got != tc.want {
			t.Errorf("%s: %d wins, want %d", tc.name, got, tc.want)
		}
		for g, ok := range seen {
			if !ok {
				t.Errorf("%s: goroutine %d did not run", tc.name, g)
			}
		}
	}
}
