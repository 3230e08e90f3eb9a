// Package immunizationtest checks implementations of immunization.Store against the
// contract documented on it (TestStore) and builds valid records for hosts' tests
// (Registration, Vaccination).
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		immunizationtest.TestStore(t, func(t *testing.T) immunization.Store { return mystore.Open(t) })
//	}
package immunizationtest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// Registration returns a valid registration fixture i in village (12 digits) with
// every field set; the child is born 2023-03-15 plus i days.
func Registration(i int, village string) *immunization.Registration {
	birth := gongwei.MustDate(2023, 3, 15).AddDays(i)
	return &immunization.Registration{
		Resident:    healthrecord.ResidentID(fmt.Sprintf("R%05d", i)),
		Village:     healthrecord.Village(village),
		Name:        fmt.Sprintf("儿童%d", i),
		Child:       immunization.Child{Birth: birth, MotherHBsAg: immunization.HBsAgNegative, BirthWeight: 3200},
		Certificate: birth.AddDays(20),
		Card:        birth.AddDays(20),
	}
}

// Vaccination returns a valid vaccination fixture for r: dose i of its HepB series on
// the routine day (birth, 1 month, 6 months for i = 0, 1, 2), every field set.
func Vaccination(r *immunization.Registration, i int) *immunization.Vaccination {
	ages := []int{0, 1, 6}
	return &immunization.Vaccination{
		ID:           immunization.VaccinationID(fmt.Sprintf("%s-V%d", r.Resident, i)),
		Resident:     r.Resident,
		Village:      r.Village,
		Dose:         immunization.Dose{Vaccine: immunization.HepB, Date: r.Child.Birth.AddMonths(ages[i%3]), Number: i%3 + 1},
		Manufacturer: "M", Lot: "L1", Site: "右上臂", Route: "IM", Clinic: "C1", Giver: "G1",
	}
}

// TestStore checks every clause of the immunization.Store contract, one subtest per
// clause on a fresh store from newStore.
func TestStore(t *testing.T, newStore func(t *testing.T) immunization.Store) {
	t.Helper()
	storetest.Run(t, cases, func(t *storetest.T) *tc { return &tc{t} }, newStore)
}

// tc is the test handle of a clause, with the helpers of this suite.
type tc struct{ *storetest.T }

var ctx = context.Background()

func put(t *tc, s immunization.Store, r *immunization.Registration, prev int64) {
	t.Helper()
	r.Version = prev + 1
	t.Must(s.PutRegistration(ctx, r, prev), "PutRegistration")
}

func putV(t *tc, s immunization.Store, v *immunization.Vaccination, prev int64) {
	t.Helper()
	v.Version = prev + 1
	t.Must(s.PutVaccination(ctx, v, prev), "PutVaccination")
}

var cases = []storetest.Clause[*tc, immunization.Store]{
	{Name: "RegistrationNotFound", Text: "Lookups of a missing record fail with an error wrapping gongwei.ErrNotFound", Run: func(t *tc, s immunization.Store) {
		if _, err := s.Registration(ctx, "nobody"); !errors.Is(err, gongwei.ErrNotFound) {
			t.Failf("got %v, want ErrNotFound", err)
		}
		if _, err := s.Vaccination(ctx, "none"); !errors.Is(err, gongwei.ErrNotFound) {
			t.Failf("got %v, want ErrNotFound", err)
		}
	}},
	{Name: "RoundTrip", Text: "a record handed to a Put method is stored exactly as given", Run: func(t *tc, s immunization.Store) {
		r := immunizationtestReg(0)
		put(t, s, r, 0)
		got, err := s.Registration(ctx, r.Resident)
		storetest.WantSame(t.T, "Registration", got, err, r)
		v := Vaccination(r, 0)
		putV(t, s, v, 0)
		gv, err := s.Vaccination(ctx, v.ID)
		storetest.WantSame(t.T, "Vaccination", gv, err, v)
	}},
	{Name: "InsertExistingConflicts", Text: "prev = 0 inserts, and fails with ErrConflict if the key already exists", Run: func(t *tc, s immunization.Store) {
		r := immunizationtestReg(0)
		put(t, s, r, 0)
		if err := s.PutRegistration(ctx, r, 0); !errors.Is(err, gongwei.ErrConflict) {
			t.Failf("registration: got %v, want ErrConflict", err)
		}
		v := Vaccination(r, 0)
		putV(t, s, v, 0)
		if err := s.PutVaccination(ctx, v, 0); !errors.Is(err, gongwei.ErrConflict) {
			t.Failf("vaccination: got %v, want ErrConflict", err)
		}
	}},
	{Name: "StaleVersionConflicts", Text: "the put succeeds only when the stored version equals prev; otherwise ErrConflict and nothing stored", Run: func(t *tc, s immunization.Store) {
		r := immunizationtestReg(0)
		put(t, s, r, 0)
		put(t, s, r, 1)
		stale := *r
		stale.Name = "changed"
		stale.Version = 2
		if err := s.PutRegistration(ctx, &stale, 1); !errors.Is(err, gongwei.ErrConflict) {
			t.Failf("got %v, want ErrConflict", err)
		}
		got, _ := s.Registration(ctx, r.Resident)
		if got == nil || got.Name != r.Name || got.Version != 2 {
			t.Failf("stale put changed the record: %+v", got)
		}
		if err := s.PutRegistration(ctx, immunizationtestReg(9), 3); !errors.Is(err, gongwei.ErrConflict) {
			t.Failf("update of absent record: got %v, want ErrConflict", err)
		}
	}},
	{Name: "Copies", Text: "records yielded and returned are the caller's own copies", Run: func(t *tc, s immunization.Store) {
		r := immunizationtestReg(0)
		put(t, s, r, 0)
		r.Name = "mutated"
		got, _ := s.Registration(ctx, r.Resident)
		if got.Name == "mutated" {
			t.Failf("store shares memory with the caller")
		}
		got.Name = "again"
		got2, _ := s.Registration(ctx, r.Resident)
		if got2.Name == "again" {
			t.Failf("store shares memory with a returned record")
		}
	}},
	{Name: "RegistrationsOrderAndFilter", Text: "Registrations streams the village prefix's registrations ordered by village, then resident ID", Run: func(t *tc, s immunization.Store) {
		put(t, s, Registration(3, "110105001102"), 0)
		put(t, s, Registration(2, "110105001101"), 0)
		put(t, s, Registration(1, "110105001102"), 0)
		put(t, s, Registration(4, "120105001101"), 0)
		storetest.WantIDs(t.T, "Registrations", s.Registrations(ctx, immunization.Filter{Prefix: "110105001"}),
			func(r *immunization.Registration) string { return string(r.Resident) }, "R00002", "R00001", "R00003")
		n := 0
		for range s.Registrations(ctx, immunization.Filter{}) {
			n++
			break
		}
		if n != 1 {
			t.Failf("early break yielded %d", n)
		}
	}},
	{Name: "VaccinationsOrderAndFilter", Text: "Vaccinations streams the doses matching the filter, ordered by date, then ID", Run: func(t *tc, s immunization.Store) {
		a, b := Registration(1, "110105001101"), Registration(2, "110105001102")
		put(t, s, a, 0)
		put(t, s, b, 0)
		for _, v := range []*immunization.Vaccination{Vaccination(a, 2), Vaccination(a, 0), Vaccination(b, 0), Vaccination(a, 1)} {
			putV(t, s, v, 0)
		}
		id := func(v *immunization.Vaccination) string { return string(v.ID) }
		storetest.WantIDs(t.T, "by resident", s.Vaccinations(ctx, immunization.VaccinationFilter{Resident: a.Resident}), id,
			"R00001-V0", "R00001-V1", "R00001-V2")
		p := gongwei.Period{Start: gongwei.MustDate(2023, 3, 16), End: gongwei.MustDate(2023, 3, 18)}
		storetest.WantIDs(t.T, "by period", s.Vaccinations(ctx, immunization.VaccinationFilter{Period: p, Prefix: "110105001"}), id,
			"R00001-V0", "R00002-V0")
	}},
	{Name: "CancelledContext", Text: "a method called with a cancelled context fails with an error wrapping the context's error", Run: func(t *tc, s immunization.Store) {
		c, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Registration(c, "x"); !errors.Is(err, context.Canceled) {
			t.Failf("Registration: got %v", err)
		}
		if err := s.PutRegistration(c, immunizationtestReg(0), 0); !errors.Is(err, context.Canceled) {
			t.Failf("PutRegistration: got %v", err)
		}
		for _, err := range s.Registrations(c, immunization.Filter{}) {
			if !errors.Is(err, context.Canceled) {
				t.Failf("Registrations: got %v", err)
			}
		}
		for _, err := range s.Vaccinations(c, immunization.VaccinationFilter{}) {
			if !errors.Is(err, context.Canceled) {
				t.Failf("Vaccinations: got %v", err)
			}
		}
	}},
	{Name: "ConcurrentWriters", Text: "a Store is safe for concurrent use; no update is lost under optimistic versions: of two writers that both read version v before either puts, one put succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored", Run: func(t *tc, s immunization.Store) {
		// Two writers forced to interleave between read and put.
		raced := immunizationtestReg(1)
		put(t, s, raced, 0)
		if err := storetest.Check(ctx,
			func(ctx context.Context) (*immunization.Registration, int64, error) {
				got, err := s.Registration(ctx, raced.Resident)
				if err != nil {
					return nil, 0, err
				}
				return got, got.Version, nil
			},
			func(ctx context.Context, w int, got *immunization.Registration, prev int64) error {
				got.Child.BirthWeight += w + 1
				got.Version = prev + 1
				return s.PutRegistration(ctx, got, prev)
			}, gongwei.ErrConflict); err != nil {
			t.Fatalf("PutRegistration of two writers that both read before either puts: %v\n\tcontract: %s", err, t.Clause)
		}

		r := immunizationtestReg(0)
		put(t, s, r, 0)
		var wg sync.WaitGroup
		const n = 8
		for w := 0; w < n; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					cur, err := s.Registration(ctx, r.Resident)
					if err != nil {
						return
					}
					cur.Child.BirthWeight++
					prev := cur.Version
					cur.Version++
					if err := s.PutRegistration(ctx, cur, prev); err == nil {
						return
					}
				}
			}()
		}
		wg.Wait()
		got, _ := s.Registration(ctx, r.Resident)
		if got.Child.BirthWeight != r.Child.BirthWeight+n || got.Version != 1+n {
			t.Failf("lost updates: weight %d version %d", got.Child.BirthWeight, got.Version)
		}
	}},
}

func immunizationtestReg(i int) *immunization.Registration { return Registration(i, "110105001101") }
