package child_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

type C = child.Child

// TestChildBadInput: the birth, discharge and death dates refuse year 1, 2099, 2199 and
// 9999-12-31 (a child born 9999-12-01 was once accepted and then broke the schedule), the
// discharge and death a day before the birth; the birth length NaN, ±Inf, negative and
// absurd values; the defects invalid text. Through Service.SaveChild nothing is stored.
func TestChildBadInput(t *testing.T) {
	svc := child.NewService(memstore.New(), &child.ServiceOptions{Now: badinput.RecordingDay})
	fresh := func() *C { c := childtest.Child(3); c.DeathDate = gongwei.Date{}; return c }
	birth := fresh().BirthDate
	s := badinput.Suite[C]{
		Fresh:    fresh,
		Validate: (*C).Validate,
		Save:     svc.SaveChild,
		Stored:   func(ctx context.Context, c *C) error { _, err := svc.Child(ctx, c.ID); return err },
	}
	n := s.Run(t,
		badinput.Dates("BirthDate", func(c *C, d gongwei.Date) { c.BirthDate = d; c.DischargeDate = gongwei.Date{} }),
		badinput.Dates("DischargeDate", func(c *C, d gongwei.Date) { c.DischargeDate = d }),
		badinput.Dates("DeathDate", func(c *C, d gongwei.Date) { c.DeathDate = d }),
		[]badinput.Case[C]{
			badinput.BeforeBirth("DischargeDate", birth, func(c *C, d gongwei.Date) { c.DischargeDate = d }, ""),
			badinput.BeforeBirth("DeathDate", birth, func(c *C, d gongwei.Date) { c.DeathDate = d }, ""),
		},
		badinput.Floats("BirthLengthCm", func(c *C, x float64) { c.BirthLengthCm = x }, ""),
		badinput.Ints("BirthWeightG", func(c *C, x int) { c.BirthWeightG = x }),
		badinput.Texts("Defects[0]", func(c *C, s string) { c.Defects[0] = s }),
		badinput.Blank("Defects[0]", func(c *C, s string) { c.Defects[0] = s }),
		[]badinput.Case[C]{badinput.Combine("every problem listed",
			badinput.Dates("DeathDate", func(c *C, d gongwei.Date) { c.DeathDate = d })[1],
			badinput.Floats("BirthLengthCm", func(c *C, x float64) { c.BirthLengthCm = x }, "")[0],
			badinput.Texts("Defects[0]", func(c *C, s string) { c.Defects[0] = s })[1],
		)},
	)
	t.Logf("%d bad inputs", n)
}

type V = child.Visit

// TestVisitBadInput: a visit's date refuses placeholder dates and a day before the
// birth; every measurement NaN, ±Inf, negative and absurd values; the provider invalid
// text. Through Service.SaveVisit nothing is stored.
func TestVisitBadInput(t *testing.T) {
	ctx := context.Background()
	svc := child.NewService(memstore.New(), &child.ServiceOptions{Now: badinput.RecordingDay})
	c := childtest.Child(4)
	c.DeathDate = gongwei.Date{}
	if err := svc.SaveChild(ctx, c); err != nil {
		t.Fatal(err)
	}
	on := c.BirthDate.AddMonths(6)
	s := badinput.Suite[V]{
		Fresh:    func() *V { v := childtest.Visit(c, child.Kind6m, on); v.ID = "V-bad"; return v },
		Validate: func(v *V) error { return v.ValidateFor(c) },
		Save:     svc.SaveVisit,
		Stored:   func(ctx context.Context, v *V) error { _, err := svc.Visit(ctx, "V-bad"); return err },
	}
	n := s.Run(t,
		badinput.Dates("Date", func(v *V, d gongwei.Date) { v.Date = d }),
		[]badinput.Case[V]{badinput.BeforeBirth("Date", c.BirthDate, func(v *V, d gongwei.Date) { v.Date = d }, "")},
		badinput.Floats("Measurement.WeightKg", func(v *V, x float64) { v.Measurement.WeightKg = x }, ""),
		badinput.Floats("Measurement.LengthHeightCm", func(v *V, x float64) { v.Measurement.LengthHeightCm = x }, ""),
		badinput.Floats("Measurement.HeadCm", func(v *V, x float64) { v.Measurement.HeadCm = x }, ""),
		badinput.Floats("HbGL", func(v *V, x float64) { v.HbGL = x }, ""),
		badinput.Ints("Teeth", func(v *V, x int) { v.Teeth = x }),
		badinput.Texts("Provider.Institution", func(v *V, s string) { v.Provider.Institution = s }),
		[]badinput.Case[V]{badinput.Combine("every problem listed",
			badinput.Dates("Date", func(v *V, d gongwei.Date) { v.Date = d })[3],
			badinput.Floats("HbGL", func(v *V, x float64) { v.HbGL = x }, "")[0],
			badinput.Floats("Measurement.HeadCm", func(v *V, x float64) { v.Measurement.HeadCm = x }, "")[2],
			badinput.Texts("Provider.Institution", func(v *V, s string) { v.Provider.Institution = s })[0],
		)},
	)
	t.Logf("%d bad inputs", n)
}
