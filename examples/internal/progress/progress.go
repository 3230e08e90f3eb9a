// Package progress shows the progress of the examples' long work (loading a county,
// computing its townships) on a terminal: how much is done, how fast and how long is
// left, on one line redrawn at most five times a second. It writes nothing when its
// writer is nil: [Terminal] gives nil when the output is not a terminal (a file, a
// pipe, a CI log) or the user asked for quiet.
package progress

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Terminal returns f when it is a terminal and quiet is false, and nil otherwise: the
// writer to give [New].
func Terminal(f *os.File, quiet bool) io.Writer {
	if quiet || f == nil {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return f
}

// redraw is the shortest time between two lines.
const redraw = 200 * time.Millisecond

// Reporter counts the units of one piece of work done and shows the count on w. It is
// safe for concurrent use. A nil *Reporter, or one with a nil writer, reports nothing.
type Reporter struct {
	w     io.Writer
	what  string // the work, "loading"
	unit  string // what is counted, "residents"
	total int64
	start time.Time

	mu    sync.Mutex
	done  int64
	shown time.Time
	width int // of the last line drawn, to blank it
	now   func() time.Time
}

// New returns a Reporter of total units (0 when unknown) of work what, counted in
// unit, shown on w (nil for none). The clock starts now.
func New(w io.Writer, what, unit string, total int64) *Reporter {
	return &Reporter{w: w, what: what, unit: unit, total: total, start: time.Now(), now: time.Now}
}

// Add counts n more units done and redraws the line when the last was drawn long
// enough ago.
func (r *Reporter) Add(n int64) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += n
	if r.w == nil {
		return
	}
	now := r.now()
	if now.Sub(r.shown) < redraw {
		return
	}
	r.shown = now
	r.draw(r.line(now))
}

// Done ends the line with the count, the time taken and the rate.
func (r *Reporter) Done() {
	if r == nil || r.w == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	took := r.now().Sub(r.start)
	r.draw(fmt.Sprintf("%s: %s %s in %v (%s %s/s)", r.what, group(r.done), r.unit, took.Round(time.Millisecond),
		group(int64(rate(r.done, took))), r.unit))
	fmt.Fprintln(r.w)
	r.width = 0
}

// line is the progress line at now: done (of total, with the share), the rate, and the
// time left at that rate.
func (r *Reporter) line(now time.Time) string {
	took := now.Sub(r.start)
	perSec := rate(r.done, took)
	s := fmt.Sprintf("%s: %s", r.what, group(r.done))
	if r.total > 0 {
		s += fmt.Sprintf("/%s", group(r.total))
	}
	s += fmt.Sprintf(" %s, %s %s/s", r.unit, group(int64(perSec)), r.unit)
	if r.total > 0 {
		s = fmt.Sprintf("%s (%.1f %%)", s, 100*float64(r.done)/float64(r.total))
		if perSec > 0 && r.done < r.total {
			left := time.Duration(float64(r.total-r.done) / perSec * float64(time.Second))
			s += fmt.Sprintf(", %v left", left.Round(time.Second))
		}
	}
	return s
}

// draw replaces the line shown by s.
func (r *Reporter) draw(s string) {
	pad := r.width - len(s)
	fmt.Fprintf(r.w, "\r%s%*s", s, max(pad, 0), "")
	r.width = len(s)
}

func rate(n int64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// group writes n with thousands separators: 1,234,567.
func group(n int64) string {
	s := fmt.Sprint(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
