package chronictest

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// TestStore checks that an implementation of chronic.Store meets every clause of the
// contract documented on chronic.Store. Each case runs as a subtest on a fresh store from
// newStore and names the clause it checks. Run it with -race: one case runs concurrent
// writers.
func TestStore(t *testing.T, newStore func(t *testing.T) chronic.Store) {
	t.Helper()
	storetest.Run(t, cases, func(t *storetest.T) *tc { return &tc{t} }, newStore)
}

// tc is the test handle of a clause, with the helpers of this suite.
type tc struct{ *storetest.T }

func (t *tc) putPatient(s chronic.Store, p *chronic.Patient) {
	t.Helper()
	prev := p.Version
	p.Version = prev + 1
	t.Must(s.PutPatient(t.Ctx, p, prev), "PutPatient")
}

func (t *tc) putVisit(s chronic.Store, v *chronic.Visit) {
	t.Helper()
	prev := v.Version
	v.Version = prev + 1
	t.Must(s.PutVisit(t.Ctx, v, prev), "PutVisit")
}

func d(y, m, day int) gongwei.Date { return gongwei.MustDate(y, time.Month(m), day) }

// storeCase is one clause of the contract and the check of it.
type storeCase = storetest.Clause[*tc, chronic.Store]

var cases = []storeCase{
	{Name: "PatientRoundTrip", Text: "PutPatient stores p exactly as given, Version included; Patient returns it with every field equal",
		Run: func(t *tc, s chronic.Store) {
			for i, c := range chronic.Conditions {
				want := Patient(i+1, c)
				t.putPatient(s, want)
				got, err := s.Patient(t.Ctx, want.ID)
				storetest.WantSame(t.T, fmt.Sprintf("Patient(%s)", want.ID), got, err, want)
			}
		}},
	{Name: "PatientNotFound", Text: "Patient of a missing ID fails with an error wrapping gongwei.ErrNotFound",
		Run: func(t *tc, s chronic.Store) {
			_, err := s.Patient(t.Ctx, "missing")
			t.WantErr(err, gongwei.ErrNotFound, "Patient")
		}},
	{Name: "PatientInsertExisting", Text: "PutPatient with prev 0 of a stored ID fails with gongwei.ErrConflict and stores nothing",
		Run: func(t *tc, s chronic.Store) {
			p := Patient(1, chronic.Hypertension)
			t.putPatient(s, p)
			q := Patient(1, chronic.Hypertension)
			q.Comorbid, q.Version = !p.Comorbid, 1
			t.WantErr(s.PutPatient(t.Ctx, q, 0), gongwei.ErrConflict, "PutPatient")
			got, err := s.Patient(t.Ctx, p.ID)
			t.Must(err, "Patient")
			if !reflect.DeepEqual(got, p) {
				t.Failf("the rejected put changed the stored patient")
			}
		}},
	{Name: "PatientStale", Text: "PutPatient with prev not the stored version, or prev > 0 for an absent ID, fails with gongwei.ErrConflict",
		Run: func(t *tc, s chronic.Store) {
			p := Patient(1, chronic.Diabetes)
			t.putPatient(s, p)
			t.putPatient(s, p) // version 2
			q := p.Clone()
			q.Version = 2
			t.WantErr(s.PutPatient(t.Ctx, q, 1), gongwei.ErrConflict, "PutPatient(stale)")
			r := Patient(2, chronic.Diabetes)
			r.Version = 4
			t.WantErr(s.PutPatient(t.Ctx, r, 3), gongwei.ErrConflict, "PutPatient(absent)")
			got, err := s.Patient(t.Ctx, p.ID)
			t.Must(err, "Patient")
			if got.Version != 2 {
				t.Failf("stored version %d, want 2", got.Version)
			}
		}},
	{Name: "PatientCopies", Text: "the store keeps its own copy: changing a record after Put or after Patient does not change the stored one",
		Run: func(t *tc, s chronic.Store) {
			p := Patient(1, chronic.Tuberculosis)
			t.putPatient(s, p)
			want := p.Clone()
			p.TB.DosesTaken = 1
			got, err := s.Patient(t.Ctx, p.ID)
			t.Must(err, "Patient")
			got.TB.DosesTaken = 2
			again, err := s.Patient(t.Ctx, p.ID)
			t.Must(err, "Patient")
			if !reflect.DeepEqual(again, want) {
				t.Failf("stored patient changed through a caller's copy")
			}
		}},
	{Name: "PatientsFilterOrder", Text: "Patients yields the patients matching the filter (village prefix, condition, resident), ordered by village then ID",
		Run: func(t *tc, s chronic.Store) {
			for i := 1; i <= 4; i++ {
				t.putPatient(s, Patient(i, chronic.Hypertension))
				t.putPatient(s, Patient(i, chronic.Diabetes))
			}
			all, err := storetest.Collect(s.Patients(t.Ctx, chronic.PatientFilter{}))
			t.Must(err, "Patients")
			var ids []chronic.PatientID
			for _, p := range all {
				ids = append(ids, p.ID)
			}
			want := []chronic.PatientID{"P1-diabetes", "P1-hypertension", "P3-diabetes", "P3-hypertension",
				"P2-diabetes", "P2-hypertension", "P4-diabetes", "P4-hypertension"}
			if !reflect.DeepEqual(ids, want) {
				t.Failf("Patients order:\ngot  %v\nwant %v", ids, want)
			}
			for _, f := range []struct {
				f chronic.PatientFilter
				n int
			}{
				{chronic.PatientFilter{Prefix: "110105001102"}, 4},
				{chronic.PatientFilter{Prefix: "110105"}, 8},
				{chronic.PatientFilter{Prefix: "110106"}, 0},
				{chronic.PatientFilter{Condition: chronic.Diabetes}, 4},
				{chronic.PatientFilter{Resident: "R3"}, 2},
				{chronic.PatientFilter{Resident: "R3", Condition: chronic.Hypertension, Prefix: "110105001101"}, 1},
			} {
				got, err := storetest.Collect(s.Patients(t.Ctx, f.f))
				t.Must(err, "Patients")
				if len(got) != f.n {
					t.Failf("Patients(%+v) gives %d, want %d", f.f, len(got), f.n)
				}
				for _, p := range got {
					if !f.f.Match(p) {
						t.Failf("Patients(%+v) yields %s, which does not match", f.f, p.ID)
					}
				}
			}
		}},
	{Name: "VisitRoundTrip", Text: "PutVisit stores v exactly as given; Visit returns it with every field equal, for each condition",
		Run: func(t *tc, s chronic.Store) {
			for i, c := range chronic.Conditions {
				p := Patient(i+1, c)
				want := Visit(p, d(2024, 3, 1))
				t.putVisit(s, want)
				got, err := s.Visit(t.Ctx, want.ID)
				storetest.WantSame(t.T, fmt.Sprintf("Visit(%s)", want.ID), got, err, want)
			}
		}},
	{Name: "VisitNotFound", Text: "Visit of a missing ID fails with an error wrapping gongwei.ErrNotFound",
		Run: func(t *tc, s chronic.Store) {
			_, err := s.Visit(t.Ctx, "missing")
			t.WantErr(err, gongwei.ErrNotFound, "Visit")
		}},
	{Name: "VisitVersions", Text: "PutVisit: prev 0 of a stored ID is gongwei.ErrConflict; a stale prev is gongwei.ErrConflict; neither stores anything",
		Run: func(t *tc, s chronic.Store) {
			p := Patient(1, chronic.Hypertension)
			v := Visit(p, d(2024, 3, 1))
			t.putVisit(s, v)
			w := v.Clone()
			w.Hypertension.Systolic = 150
			t.WantErr(s.PutVisit(t.Ctx, w, 0), gongwei.ErrConflict, "PutVisit(insert existing)")
			w.Version = 3
			t.WantErr(s.PutVisit(t.Ctx, w, 2), gongwei.ErrConflict, "PutVisit(stale)")
			got, err := s.Visit(t.Ctx, v.ID)
			t.Must(err, "Visit")
			if !reflect.DeepEqual(got, v) {
				t.Failf("a rejected put changed the stored visit")
			}
		}},
	{Name: "VisitsFilterOrder", Text: "Visits yields the visits of the patient dated in [Start, End), ordered by date then ID",
		Run: func(t *tc, s chronic.Store) {
			p := Patient(1, chronic.Hypertension)
			q := Patient(2, chronic.Hypertension)
			for _, day := range []gongwei.Date{d(2024, 12, 31), d(2024, 1, 1), d(2025, 1, 1), d(2024, 6, 1)} {
				t.putVisit(s, Visit(p, day))
				t.putVisit(s, Visit(q, day))
			}
			got, err := storetest.Collect(s.Visits(t.Ctx, chronic.VisitFilter{Patient: p.ID, Period: gongwei.Year(2024)}))
			t.Must(err, "Visits")
			var days []string
			for _, v := range got {
				days = append(days, v.Date().String())
			}
			if want := []string{"2024-01-01", "2024-06-01", "2024-12-31"}; !reflect.DeepEqual(days, want) {
				t.Failf("Visits(2024) dates %v, want %v", days, want)
			}
			all, err := storetest.Collect(s.Visits(t.Ctx, chronic.VisitFilter{}))
			t.Must(err, "Visits")
			if len(all) != 8 {
				t.Failf("Visits(all) gives %d, want 8", len(all))
			}
			for i := 1; i < len(all); i++ {
				a, b := all[i-1], all[i]
				if a.Date().After(b.Date()) || (a.Date() == b.Date() && a.ID > b.ID) {
					t.Failf("Visits out of order at %d: %s then %s", i, a.ID, b.ID)
				}
			}
		}},
	{Name: "StreamsBreakAndReenter", Text: "a consumer may stop early, and may use the store inside the loop body",
		Run: func(t *tc, s chronic.Store) {
			for i := 1; i <= 3; i++ {
				p := Patient(i, chronic.Mental)
				t.putPatient(s, p)
			}
			n := 0
			for p, err := range s.Patients(t.Ctx, chronic.PatientFilter{}) {
				t.Must(err, "Patients")
				t.putVisit(s, Visit(p, d(2024, 2, 1)))
				n++
				if n == 2 {
					break
				}
			}
			vs, err := storetest.Collect(s.Visits(t.Ctx, chronic.VisitFilter{}))
			t.Must(err, "Visits")
			if len(vs) != 2 {
				t.Failf("got %d visits, want 2", len(vs))
			}
		}},
	{Name: "CancelledContext", Text: "a method called with a cancelled context fails with an error wrapping the context's error",
		Run: func(t *tc, s chronic.Store) {
			ctx, cancel := context.WithCancel(t.Ctx)
			cancel()
			p := Patient(1, chronic.Hypertension)
			p.Version = 1
			t.WantErr(s.PutPatient(ctx, p, 0), context.Canceled, "PutPatient")
			_, err := s.Patient(ctx, p.ID)
			t.WantErr(err, context.Canceled, "Patient")
			_, err = storetest.Collect(s.Patients(ctx, chronic.PatientFilter{}))
			t.WantErr(err, context.Canceled, "Patients")
			_, err = storetest.Collect(s.Visits(ctx, chronic.VisitFilter{}))
			t.WantErr(err, context.Canceled, "Visits")
		}},
	{Name: "ConcurrentWriters", Text: "the store is safe for concurrent use; of concurrent updates from the same version exactly one succeeds: of two writers that both read version v before either puts, one put succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored",
		Run: func(t *tc, s chronic.Store) {
			// Two writers forced to interleave between read and put.
			raced := Patient(2, chronic.Hypertension)
			t.putPatient(s, raced)
			if err := storetest.CheckRecord(t.Ctx,
				func(ctx context.Context) (*chronic.Patient, error) { return s.Patient(ctx, raced.ID) },
				func(got *chronic.Patient) *int64 { return &got.Version },
				func(w int, got *chronic.Patient) {
					got.Registered = got.Registered.AddDays(w + 1)
				},
				s.PutPatient, gongwei.ErrConflict); err != nil {
				t.Fatalf("PutPatient of two writers that both read before either puts: %v\n\tcontract: %s", err, t.Clause)
			}

			p := Patient(1, chronic.Hypertension)
			t.putPatient(s, p)
			wins := storetest.Wins(8, func(i int) error {
				q := p.Clone()
				q.Version = 2
				err := s.PutPatient(t.Ctx, q, 1)
				r := Patient(100+i, chronic.Diabetes)
				r.Version = 1
				_ = s.PutPatient(t.Ctx, r, 0)
				_, _ = storetest.Collect(s.Patients(t.Ctx, chronic.PatientFilter{}))
				return err
			})
			if wins != 1 {
				t.Failf("%d concurrent updates from version 1 succeeded, want 1", wins)
			}
			all, err := storetest.Collect(s.Patients(t.Ctx, chronic.PatientFilter{Condition: chronic.Diabetes}))
			t.Must(err, "Patients")
			if len(all) != 8 {
				t.Failf("got %d patients from concurrent inserts, want 8", len(all))
			}
		}},
}
