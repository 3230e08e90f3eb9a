package heapsample

import (
	"runtime"
	"testing"
	"time"
)

var sink [][]byte

// TestStart: 64 MiB allocated and kept while sampling shows as a peak of at least that,
// and a second stop is not needed (the sampler ends after one).
func TestStart(t *testing.T) {
	runtime.GC()
	stop := Start(time.Millisecond)
	for range 64 {
		sink = append(sink, make([]byte, 1<<20))
	}
	time.Sleep(5 * time.Millisecond)
	peak := stop()
	sink = nil
	if peak < 64<<20 {
		t.Errorf("peak %d bytes, want at least %d", peak, 64<<20)
	}
}
