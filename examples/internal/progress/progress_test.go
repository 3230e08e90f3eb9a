package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

// clock is a settable clock for the tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// TestReporter: the line shows done of total, the share, the rate and the time left at
// that rate; lines are redrawn at most every 200 ms; Done ends with the total and rate.
func TestReporter(t *testing.T) {
	var buf bytes.Buffer
	c := &clock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	r := New(&buf, "loading", "residents", 1_000_000)
	r.start, r.now = c.t, c.now

	c.t = c.t.Add(10 * time.Second)
	r.Add(250_000) // 25,000/s: 750,000 left take 30 s
	want := "\rloading: 250,000/1,000,000 residents, 25,000 residents/s (25.0 %), 30s left"
	if got := buf.String(); got != want {
		t.Fatalf("first line:\ngot  %q\nwant %q", got, want)
	}
	c.t = c.t.Add(100 * time.Millisecond)
	r.Add(1)
	if buf.String() != want {
		t.Fatalf("redrawn within 200 ms: %q", buf.String())
	}
	c.t = c.t.Add(9900 * time.Millisecond)
	r.Add(749_999)
	r.Done()
	lines := strings.Split(buf.String(), "\r")
	if got, want := lines[len(lines)-1], "loading: 1,000,000 residents in 20s (50,000 residents/s)"; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "\n") {
		t.Fatalf("last line %q, want %q and a newline", got, want)
	}
}

// TestQuiet: nothing is written without a writer, or by a nil Reporter, and Terminal
// gives no writer for a file that is not a terminal or when quiet.
func TestQuiet(t *testing.T) {
	r := New(nil, "loading", "residents", 10)
	r.Add(5)
	r.Done()
	var nilR *Reporter
	nilR.Add(1)
	nilR.Done()
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if w := Terminal(f, false); w != nil {
		t.Errorf("a regular file is taken for a terminal")
	}
	if w := Terminal(os.Stderr, true); w != nil {
		t.Errorf("-q does not silence")
	}
	if w := Terminal(nil, false); w != nil {
		t.Errorf("nil file")
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -12345: "-12,345"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
}
