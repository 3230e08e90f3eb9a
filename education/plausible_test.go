package education_test

import (
	"context"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

type A = education.Activity

// TestActivityBadInput: an activity's date refuses year 1, 2099, 2199 and 9999-12-31;
// its attendees and materials negative and absurd counts; its texts invalid UTF-8,
// control characters and a megabyte, and a topic or title of invisible characters is
// missing. Through Service.Save (on a clock fixed on 2025-12-31) nothing is stored, and
// an activity dated two days after the day of recording is refused.
func TestActivityBadInput(t *testing.T) {
	st := memstore.New()
	clock := gongwei.Clock(func() time.Time { return time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC) })
	g := education.NewService(st).WithClock(clock)
	day := gongwei.MustDate(2025, 5, 12)
	s := badinput.Suite[A]{
		Fresh: func() *A {
			return educationtest.Activity("A-bad", educationtest.Township, education.KindPrint, "控烟折页", day)
		},
		Validate: (*A).Validate,
		Save:     g.Save,
		Stored:   func(ctx context.Context, a *A) error { _, err := st.Activity(ctx, "A-bad"); return err },
	}
	n := s.Run(t,
		badinput.Dates("Date", func(a *A, d gongwei.Date) { a.Date = d }),
		badinput.Ints("Attendees", func(a *A, x int) { a.Attendees = x }),
		badinput.Ints("Materials", func(a *A, x int) { a.Materials = x * 100 }),
		badinput.Texts("Topic", func(a *A, s string) { a.Topic = s }),
		badinput.Texts("Title", func(a *A, s string) { a.Title = s }),
		badinput.Texts("Place", func(a *A, s string) { a.Place = s }),
		badinput.Blank("Topic", func(a *A, s string) { a.Topic = s }),
		badinput.Blank("Title", func(a *A, s string) { a.Title = s }),
		[]badinput.Case[A]{badinput.Combine("every problem listed",
			badinput.Dates("Date", func(a *A, d gongwei.Date) { a.Date = d })[0],
			badinput.Blank("Topic", func(a *A, s string) { a.Topic = s })[0],
			badinput.Texts("Place", func(a *A, s string) { a.Place = s })[1],
			badinput.Ints("Attendees", func(a *A, x int) { a.Attendees = x })[0],
		)},
	)
	t.Logf("%d bad inputs", n)

	a := s.Fresh()
	a.Date = gongwei.MustDate(2026, 1, 2)
	badinput.Check(t, g.Save(context.Background(), a), []badinput.Problem{{Field: "Date", Code: gongwei.CodeInFuture}}, "2026-01-02")
	a.Date = gongwei.MustDate(2026, 1, 1)
	if err := g.Save(context.Background(), a); err != nil {
		t.Errorf("an activity within the day's tolerance: %v", err)
	}
}
