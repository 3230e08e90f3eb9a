package loadstate

import (
	"context"
	"errors"
	"io"
	"time"
)

// ErrLocked is the error of Lock when another process holds the lock and this platform
// cannot wait for it.
var ErrLocked = errors.New("another process is using the database")

// LockFile is the lock file of database file path: path + ".lock", beside it. It stays
// when the lock is released (removing it could let two processes lock two files).
func LockFile(path string) string { return path + ".lock" }

// Lock takes the lock of database file path (LockFile), for the whole run of an
// example: loading, checking and reporting. While another process holds it, Lock calls
// waiting once and waits until the lock is released or ctx is done. On platforms without
// advisory file locks it refuses instead: it fails with an error wrapping ErrLocked when
// the lock file exists. release releases the lock.
func Lock(ctx context.Context, path string, waiting func()) (release func() error, err error) {
	return lock(ctx, LockFile(path), waiting)
}

// pollInterval is how often a waiting Lock tries again.
const pollInterval = 50 * time.Millisecond

// poll tries to take a lock until try says it holds it, try fails or ctx is done,
// calling waiting (when not nil) once before the first wait and waiting pollInterval
// between tries.
func poll(ctx context.Context, waiting func(), try func() (bool, error)) error {
	for said := false; ; {
		got, err := try()
		if err != nil || got {
			return err
		}
		if !said && waiting != nil {
			waiting()
			said = true
		}
		if err := sleep(ctx, pollInterval); err != nil {
			return err
		}
	}
}

// releaser returns the release of a lock held through c: unlock, then close c; the
// first error is returned.
func releaser(unlock func() error, c io.Closer) func() error {
	return func() error {
		err := unlock()
		if cerr := c.Close(); err == nil {
			err = cerr
		}
		return err
	}
}

// sleep waits d, or less when ctx is done, and returns ctx's error then.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
