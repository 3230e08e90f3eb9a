package immunization_test

import (
	"context"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

// recordingDay is the day of recording of the bad-input tests: 2025-12-31 on the
// Asia/Shanghai clock.
var recordingDay = gongwei.Clock(func() time.Time { return time.Date(2025, 12, 31, 9, 0, 0, 0, time.UTC) })

type R = immunization.Registration

// TestRegistrationBadInput: the birth refuses year 1, 2099, 2199 and 9999-12-31 (a birth
// of 9999-12-31, a hospital system's "unknown", once broke a whole county's indicators);
// the certificate and card dates the same and a day before the birth; the birth weight
// negative and absurd values; the name invalid text and invisible characters. Through
// Service.Register nothing is stored.
func TestRegistrationBadInput(t *testing.T) {
	svc := immunization.NewService(memstore.New(), nil).WithClock(recordingDay)
	fresh := func() *R { return immunizationtest.Registration(1, "110105001101") }
	s := badinput.Suite[R]{
		Fresh:    fresh,
		Validate: (*R).Validate,
		Save:     svc.Register,
		Stored:   func(ctx context.Context, r *R) error { _, err := svc.Registration(ctx, r.Resident); return err },
	}
	birth := fresh().Child.Birth
	n := s.Run(t,
		badinput.Dates("Child.Birth", func(r *R, d gongwei.Date) { r.Child.Birth = d; r.Certificate, r.Card = gongwei.Date{}, gongwei.Date{} }),
		badinput.Dates("Certificate", func(r *R, d gongwei.Date) { r.Certificate = d }),
		badinput.Dates("Card", func(r *R, d gongwei.Date) { r.Card = d }),
		[]badinput.Case[R]{badinput.BeforeBirth("Card", birth, func(r *R, d gongwei.Date) { r.Card = d }, "")},
		badinput.Ints("Child.BirthWeight", func(r *R, x int) { r.Child.BirthWeight = x }),
		badinput.Texts("Name", func(r *R, s string) { r.Name = s }),
		badinput.Blank("Name", func(r *R, s string) { r.Name = s }),
		[]badinput.Case[R]{badinput.Combine("every problem listed",
			badinput.Dates("Child.Birth", func(r *R, d gongwei.Date) { r.Child.Birth = d })[3],
			badinput.Ints("Child.BirthWeight", func(r *R, x int) { r.Child.BirthWeight = x })[0],
			badinput.Texts("Name", func(r *R, s string) { r.Name = s })[1],
		)},
	)
	t.Logf("%d bad inputs", n)
}

type V = immunization.Vaccination

// TestVaccinationBadInput: a dose's date refuses placeholder dates and a day before the
// birth (through Service.Vaccinate, which reads the registration); every text refuses
// invalid UTF-8, control characters and a megabyte. Nothing is stored.
func TestVaccinationBadInput(t *testing.T) {
	ctx := context.Background()
	st := memstore.New()
	svc := immunization.NewService(st, nil).WithClock(recordingDay)
	reg := immunizationtest.Registration(2, "110105001101")
	if err := svc.Register(ctx, reg); err != nil {
		t.Fatal(err)
	}
	s := badinput.Suite[V]{
		Fresh:    func() *V { v := immunizationtest.Vaccination(reg, 1); v.ID = "V-bad"; return v },
		Validate: (*V).Validate,
		Save:     svc.Vaccinate,
		Stored:   func(ctx context.Context, v *V) error { _, err := st.Vaccination(ctx, "V-bad"); return err },
	}
	n := s.Run(t,
		badinput.Dates("Dose.Date", func(v *V, d gongwei.Date) { v.Dose.Date = d }),
		badinput.Texts("Manufacturer", func(v *V, s string) { v.Manufacturer = s }),
		badinput.Texts("Lot", func(v *V, s string) { v.Lot = s }),
		badinput.Texts("Giver", func(v *V, s string) { v.Giver = s }),
		[]badinput.Case[V]{badinput.Combine("every problem listed",
			badinput.Dates("Dose.Date", func(v *V, d gongwei.Date) { v.Dose.Date = d })[0],
			badinput.Texts("Lot", func(v *V, s string) { v.Lot = s })[1],
			badinput.Texts("Site", func(v *V, s string) { v.Site = s })[5],
		)},
	)
	t.Logf("%d bad inputs", n)

	v := immunizationtest.Vaccination(reg, 0)
	v.Dose.Date = reg.Child.Birth.AddDays(-1)
	badinput.Check(t, svc.Vaccinate(ctx, v), []badinput.Problem{{Field: "Dose.Date", Code: gongwei.CodeBeforeBirth}}, "")
	for range st.Vaccinations(ctx, immunization.VaccinationFilter{Resident: reg.Resident}) {
		t.Fatal("a refused dose was stored")
	}
}
