// Package heapsample measures the peak heap of a piece of work, for the benchmarks and
// the county example's report: the bytes of live and not yet swept heap objects
// (runtime/metrics "/memory/classes/heap/objects:bytes"), sampled on a ticker. It does
// not import package testing, so programs may use it.
package heapsample

import (
	"runtime/metrics"
	"time"
)

// Start samples the heap every interval until the returned function is called; that
// function returns the highest sample above the first (0 when the heap never grew).
func Start(every time.Duration) (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	done, result := make(chan struct{}), make(chan uint64)
	go func() {
		peak := base
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-done:
				result <- max(peak, read()) - base
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}
