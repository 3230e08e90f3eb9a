package chronic_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

type P = chronic.Patient

// TestPatientBadInput: the birth, diagnosis, registration, TB notice and closure dates
// refuse year 1, 2099, 2199 and 9999-12-31, and the diagnosis and registration a day
// before the birth; through Service.Register nothing is stored.
func TestPatientBadInput(t *testing.T) {
	svc := chronic.NewService(memstore.New(), nil).WithClock(badinput.RecordingDay)
	birth := chronictest.Patient(1, chronic.Tuberculosis).Birth
	s := badinput.Suite[P]{
		Fresh:    func() *P { return chronictest.Patient(1, chronic.Tuberculosis) },
		Validate: (*P).Validate,
		Save:     svc.Register,
		Stored:   func(ctx context.Context, p *P) error { _, err := svc.Patient(ctx, p.ID); return err },
	}
	closed := func(p *P, d gongwei.Date) {
		p.Closure = chronic.Closure{Reason: chronic.ClosedDeath, Date: d}
	}
	n := s.Run(t,
		badinput.Dates("Birth", func(p *P, d gongwei.Date) { p.Birth = d }),
		badinput.Dates("Diagnosed", func(p *P, d gongwei.Date) { p.Diagnosed = d }),
		badinput.Dates("Registered", func(p *P, d gongwei.Date) { p.Registered = d }),
		badinput.Dates("TB.Notified", func(p *P, d gongwei.Date) { p.TB.Notified = d }),
		badinput.Dates("Closure.Date", closed),
		[]badinput.Case[P]{
			badinput.BeforeBirth("Diagnosed", birth, func(p *P, d gongwei.Date) { p.Diagnosed = d }, ""),
			badinput.BeforeBirth("Registered", birth, func(p *P, d gongwei.Date) { p.Registered = d }, ""),
			badinput.BeforeBirth("TB.Notified", birth, func(p *P, d gongwei.Date) { p.TB.Notified = d }, ""),
		},
		badinput.Texts("Resident", func(p *P, s string) { p.Resident = healthrecord.ResidentID("R1" + s) }),
		[]badinput.Case[P]{badinput.Combine("every problem listed",
			badinput.Dates("Birth", func(p *P, d gongwei.Date) { p.Birth = d })[0],
			badinput.Dates("Registered", func(p *P, d gongwei.Date) { p.Registered = d })[1],
			badinput.Dates("TB.Notified", func(p *P, d gongwei.Date) { p.TB.Notified = d })[3],
		)},
	)
	t.Logf("%d bad inputs", n)
}

type V = chronic.Visit

// TestVisitBadInput: each follow-up form's date refuses placeholder dates; every number
// of the diabetes and hypertension forms refuses NaN, ±Inf, negative and absurd values;
// blood pressures follow the checkup form's rule; through Service.RecordVisit nothing is
// stored.
func TestVisitBadInput(t *testing.T) {
	ctx := context.Background()
	svc := chronic.NewService(memstore.New(), nil).WithClock(badinput.RecordingDay)
	on := gongwei.MustDate(2025, 6, 1)
	for _, c := range chronic.Conditions {
		p := chronictest.Patient(2, c)
		if err := svc.Register(ctx, p); err != nil {
			t.Fatal(err)
		}
		fresh := func() *V {
			v := chronictest.Visit(p, on)
			v.ID, v.Assessment = "V-bad", chronic.Assessment{}
			return v
		}
		s := badinput.Suite[V]{
			Fresh:    fresh,
			Validate: (*V).Validate,
			Save:     svc.RecordVisit,
			Stored:   func(ctx context.Context, v *V) error { _, err := svc.Visit(ctx, "V-bad"); return err },
		}
		var cases [][]badinput.Case[V]
		switch c {
		case chronic.Diabetes:
			cases = [][]badinput.Case[V]{
				badinput.Dates("Diabetes.Date", func(v *V, d gongwei.Date) { v.Diabetes.Date = d }),
				badinput.Floats("Diabetes.FastingGlucose", func(v *V, x float64) { v.Diabetes.FastingGlucose = x }, ""),
				badinput.Floats("Diabetes.Temperature", func(v *V, x float64) { v.Diabetes.Temperature = x }, ""),
				badinput.Floats("Diabetes.Weight", func(v *V, x float64) { v.Diabetes.Weight = x }, ""),
				badinput.Floats("Diabetes.Height", func(v *V, x float64) { v.Diabetes.Height = x }, ""),
				badinput.Floats("Diabetes.Drinking", func(v *V, x float64) { v.Diabetes.Drinking = x }, ""),
				badinput.Ints("Diabetes.HeartRate", func(v *V, x int) { v.Diabetes.HeartRate = x }),
				badinput.Ints("Diabetes.Systolic", func(v *V, x int) { v.Diabetes.Systolic = x }),
				{{Name: "Diabetes.BP 120/130", Mutate: func(v *V) { v.Diabetes.Systolic, v.Diabetes.Diastolic = 120, 130 },
					Want: []badinput.Problem{{Field: "Diabetes.Diastolic", Code: gongwei.CodeOrder}}}},
			}
		case chronic.Hypertension:
			cases = [][]badinput.Case[V]{
				badinput.Dates("Hypertension.Date", func(v *V, d gongwei.Date) { v.Hypertension.Date = d }),
				badinput.Floats("Hypertension.Weight", func(v *V, x float64) { v.Hypertension.Weight = x }, ""),
				badinput.Floats("Hypertension.Height", func(v *V, x float64) { v.Hypertension.Height = x }, ""),
				badinput.Floats("Hypertension.Drinking", func(v *V, x float64) { v.Hypertension.Drinking = x }, ""),
				badinput.Ints("Hypertension.Diastolic", func(v *V, x int) { v.Hypertension.Diastolic = x }),
				{{Name: "Hypertension.BP 120/0", Mutate: func(v *V) { v.Hypertension.Systolic, v.Hypertension.Diastolic = 120, 0 },
					Want: []badinput.Problem{{Field: "Hypertension.Diastolic", Code: gongwei.CodeOutOfRange}}}},
			}
		case chronic.Mental:
			cases = [][]badinput.Case[V]{badinput.Dates("Mental.Date", func(v *V, d gongwei.Date) { v.Mental.Date = d })}
		case chronic.Tuberculosis:
			cases = [][]badinput.Case[V]{
				badinput.Dates("TB.Date", func(v *V, d gongwei.Date) { v.TB.Date = d }),
				badinput.Ints("TB.MissedDays", func(v *V, x int) { v.TB.MissedDays = x }),
			}
		}
		cases = append(cases, badinput.Texts("Provider.Staff", func(v *V, s string) { v.Provider.Staff = healthrecord.StaffID(s) }))
		t.Run(string(c), func(t *testing.T) { s.Run(t, cases...) })

		// Before the birth and after the death: only the Service, which reads the
		// patient, can tell.
		v := fresh()
		setDate(v, p.Birth.AddDays(-1))
		badinput.Check(t, svc.RecordVisit(ctx, v), []badinput.Problem{{Field: "Date", Code: gongwei.CodeBeforeBirth}}, "")
	}
}

func setDate(v *V, d gongwei.Date) {
	switch {
	case v.Hypertension != nil:
		v.Hypertension.Date = d
	case v.Diabetes != nil:
		v.Diabetes.Date = d
	case v.Mental != nil:
		v.Mental.Date = d
	case v.TB != nil:
		v.TB.Date = d
	}
}

type D = chronic.DiabetesFollowUp

// TestDiabetesFollowUpBadInput: the diabetes follow-up form on its own: NaN, ±Inf,
// negative and absurd values in every number, placeholder dates, and a record with
// several problems lists them all.
func TestDiabetesFollowUpBadInput(t *testing.T) {
	s := badinput.Suite[D]{
		Fresh: func() *D {
			return &D{Date: gongwei.MustDate(2025, 6, 1), Mode: chronic.Clinic, FastingGlucose: 6.4, Systolic: 128, Diastolic: 80,
				HeartRate: 76, Temperature: 36.6, Adherence: chronic.Regular}
		},
		Validate: (*D).Validate,
	}
	n := s.Run(t,
		badinput.Dates("Date", func(f *D, d gongwei.Date) { f.Date = d }),
		badinput.Floats("FastingGlucose", func(f *D, x float64) { f.FastingGlucose = x }, ""),
		badinput.Floats("Temperature", func(f *D, x float64) { f.Temperature = x }, ""),
		badinput.Ints("HeartRate", func(f *D, x int) { f.HeartRate = x }),
		badinput.Ints("Systolic", func(f *D, x int) { f.Systolic = x }),
		badinput.Ints("Diastolic", func(f *D, x int) { f.Diastolic = x }),
		[]badinput.Case[D]{badinput.Combine("every problem listed",
			badinput.Dates("Date", func(f *D, d gongwei.Date) { f.Date = d })[2],
			badinput.Floats("FastingGlucose", func(f *D, x float64) { f.FastingGlucose = x }, "")[0],
			badinput.Floats("Temperature", func(f *D, x float64) { f.Temperature = x }, "")[1],
			badinput.Ints("HeartRate", func(f *D, x int) { f.HeartRate = x })[1],
		)},
	)
	t.Logf("%d bad inputs", n)
}
