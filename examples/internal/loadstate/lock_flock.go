//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package loadstate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lock takes an exclusive flock(2) on file, polling while another process holds it. The
// kernel releases the lock when the process ends, however it ends: a killed load leaves
// no stale lock.
func lock(ctx context.Context, file string, waiting func()) (func() error, error) {
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("loadstate: lock: %w", err)
	}
	err = poll(ctx, waiting, func() (bool, error) {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if errors.Is(err, syscall.EWOULDBLOCK) || errors.Is(err, syscall.EINTR) {
			return false, nil
		}
		return err == nil, err
	})
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("loadstate: lock: %w", err)
	}
	return releaser(func() error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }, f), nil
}
