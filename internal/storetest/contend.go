package storetest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"

	"github.com/gongwei-lib/gongwei"
)

// Tries is how many times a writer of [Contend] tries one update before it gives up.
const Tries = 1000

// Contend runs writers goroutines at once, each making updates updates in turn. An
// update is update(ctx, w, u), w the writer and u the update: a read, a change of its own
// and a put over the version read. A writer tries an update again while it fails with
// gongwei.ErrConflict, up to [Tries] times, and stops at any other error. Contend returns
// the error of every writer that stopped, once all are done.
func Contend(ctx context.Context, writers, updates int, update func(ctx context.Context, w, u int) error) []error {
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := 0; u < updates; u++ {
				for try := 0; ; try++ {
					if try == Tries {
						errs <- fmt.Errorf("writer %d: update %d still conflicting after %d tries", w, u, try)
						return
					}
					err := update(ctx, w, u)
					if err == nil {
						break
					}
					if !errors.Is(err, gongwei.ErrConflict) {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}

// Wins runs n goroutines at once, each calling try with its number g (0 to n-1), and
// returns how many of the calls returned nil once all are done: with writers that all
// put over one version, the count of winners, which a store that checks versions holds
// to one.
func Wins(n int, try func(g int) error) int {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		wins int
	)
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if try(g) == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return wins
}

// Collect reads seq to its end or its first error, returning what it yielded before.
func Collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for x, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, x)
	}
	return out, nil
}
