package maternal_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	hrmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/internal/badinput"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

type P = maternal.Pregnancy

// TestPregnancyBadInput: every date of a pregnancy (booking, first exam, visits, tests,
// delivery, postpartum contacts, death) refuses year 1, 2099, 2199 and 9999-12-31 and a
// day before the woman's birth; every measurement NaN, ±Inf, negative and absurd
// values; the blood pressures 120/130 and 120/0 the checkup form refuses; texts invalid
// UTF-8, control characters and a megabyte. Through Registry.Save nothing is stored.
func TestPregnancyBadInput(t *testing.T) {
	ctx := context.Background()
	records := healthrecord.New(hrmem.New(), healthrecord.Options{Now: badinput.RecordingDay, Unattributed: true})
	w := maternaltest.Woman(1, maternaltest.FixtureVillage)
	if err := records.SaveResident(ctx, w); err != nil {
		t.Fatal(err)
	}
	g := maternal.NewRegistry(memstore.New(), records, nil)
	lmp := gongwei.MustDate(2024, 9, 1)
	s := badinput.Suite[P]{
		Fresh:    func() *P { return maternaltest.Pregnancy(w, lmp) },
		Validate: func(p *P) error { return p.ValidateFor(w) },
		Save:     g.Save,
		Stored:   func(ctx context.Context, p *P) error { _, err := g.Pregnancy(ctx, p.ID); return err },
	}
	death := func(p *P, d gongwei.Date) {
		p.Postpartum = nil
		p.Death = &maternal.Death{Date: d, Cause: "羊水栓塞"}
	}
	n := s.Run(t,
		badinput.Dates("Booked", func(p *P, d gongwei.Date) { p.Booked = d }),
		badinput.Dates("FirstExam.Date", func(p *P, d gongwei.Date) { p.FirstExam.Date = d }),
		badinput.Dates("Visits[0].Date", func(p *P, d gongwei.Date) { p.Visits[0].Date = d }),
		badinput.Dates("Tests[0].Date", func(p *P, d gongwei.Date) { p.Tests[0].Date = d }),
		badinput.Dates("Delivery.Date", func(p *P, d gongwei.Date) { p.Delivery.Date = d }),
		badinput.Dates("Delivery.Discharged", func(p *P, d gongwei.Date) { p.Delivery.Discharged = d })[1:],
		badinput.Dates("Postpartum[1].Date", func(p *P, d gongwei.Date) { p.Postpartum[1].Date = d }),
		badinput.Dates("Death.Date", death),
		[]badinput.Case[P]{
			badinput.BeforeBirth("Booked", w.BirthDate, func(p *P, d gongwei.Date) { p.Booked = d }, ""),
			badinput.BeforeBirth("Dating.LMP", w.BirthDate, func(p *P, d gongwei.Date) { p.Dating.LMP = d; p.Dating.Scan = gongwei.Date{} }, ""),
			{Name: "FirstExam BP 120/130", Mutate: func(p *P) { p.FirstExam.Systolic, p.FirstExam.Diastolic = 120, 130 },
				Want: []badinput.Problem{{Field: "FirstExam.Diastolic", Code: gongwei.CodeOrder}}},
			{Name: "FirstExam BP 120/0", Mutate: func(p *P) { p.FirstExam.Systolic, p.FirstExam.Diastolic = 120, 0 },
				Want: []badinput.Problem{{Field: "FirstExam.Diastolic", Code: gongwei.CodeOutOfRange}}},
			{Name: "Postpartum BP 120/130", Mutate: func(p *P) { p.Postpartum[0].Systolic, p.Postpartum[0].Diastolic = 120, 130 },
				Want: []badinput.Problem{{Field: "Postpartum[0].Diastolic", Code: gongwei.CodeOrder}}},
		},
		badinput.Floats("FirstExam.Height", func(p *P, x float64) { p.FirstExam.Height = x }, ""),
		badinput.Floats("FirstExam.Weight", func(p *P, x float64) { p.FirstExam.Weight = x }, ""),
		badinput.Floats("Visits[0].Weight", func(p *P, x float64) { p.Visits[0].Weight = x }, ""),
		badinput.Floats("Visits[0].FundalHeight", func(p *P, x float64) { p.Visits[0].FundalHeight = x }, ""),
		badinput.Ints("Visits[0].FetalHeartRate", func(p *P, x int) { p.Visits[0].FetalHeartRate = x }),
		badinput.Ints("Visits[1].Systolic", func(p *P, x int) { p.Visits[1].Systolic = x }),
		badinput.Texts("FirstExam.PastHistory", func(p *P, s string) { p.FirstExam.PastHistory = s }),
		badinput.Texts("Death.Cause", func(p *P, s string) { death(p, p.Delivery.Date); p.Death.Cause = s }),
		badinput.Texts("Delivery.Institution", func(p *P, s string) { p.Delivery.Institution = s }),
		badinput.Texts("Visits[2].Provider.Institution", func(p *P, s string) { p.Visits[2].Provider.Institution = s }),
		[]badinput.Case[P]{badinput.Combine("every problem listed",
			badinput.Dates("Tests[0].Date", func(p *P, d gongwei.Date) { p.Tests[0].Date = d })[0],
			badinput.Floats("Visits[0].Weight", func(p *P, x float64) { p.Visits[0].Weight = x }, "")[0],
			badinput.Floats("FirstExam.Height", func(p *P, x float64) { p.FirstExam.Height = x }, "")[2],
			badinput.Texts("FirstExam.PastHistory", func(p *P, s string) { p.FirstExam.PastHistory = s })[1],
			badinput.Case[P]{Mutate: func(p *P) { p.FirstExam.Systolic, p.FirstExam.Diastolic = 120, 130 },
				Want: []badinput.Problem{{Field: "FirstExam.Diastolic", Code: gongwei.CodeOrder}}},
		)},
	)
	t.Logf("%d bad inputs", n)

	// The mother's birth, which the Registry copies from her record, on the record alone.
	m := badinput.Suite[P]{Fresh: s.Fresh, Validate: (*P).Validate}
	m.Run(t, badinput.Dates("MotherBirth", func(p *P, d gongwei.Date) { p.MotherBirth = d }))
}
