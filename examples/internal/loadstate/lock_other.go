//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package loadstate

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// lock creates file exclusively, and removes it on release. A process that is killed
// leaves the file behind: the next run refuses, saying so, until it is removed.
func lock(_ context.Context, file string, _ func()) (func() error, error) {
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("loadstate: %s exists: %w, or one that was killed left it (remove it when no other process runs)", file, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("loadstate: lock: %w", err)
	}
	f.Close()
	return func() error { return os.Remove(file) }, nil
}
