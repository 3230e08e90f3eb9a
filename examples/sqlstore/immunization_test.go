package sqlstore_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

// TestImmunizationPeriods: the period filter selects exactly what the in-memory store
// selects (gongwei.Period.Contains): half-open, a period without an End selects nothing.
func TestImmunizationPeriods(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		db := mustOpen(t, dsns())
		stores := []immunization.Store{db.Immunization(), memstore.New()}
		r := immunizationtest.Registration(1, "110105001101") // born 2023-03-16
		for _, s := range stores {
			r.Version = 1
			if err := s.PutRegistration(ctx, r, 0); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 3; i++ { // doses on 2023-03-16, 2023-04-16, 2023-09-16
				v := immunizationtest.Vaccination(r, i)
				v.Version = 1
				if err := s.PutVaccination(ctx, v, 0); err != nil {
					t.Fatal(err)
				}
			}
		}
		d := gongwei.MustDate
		for _, p := range []gongwei.Period{
			{},
			{Start: d(2023, 3, 16), End: d(2023, 4, 16)},
			{Start: d(2023, 3, 17), End: d(2024, 1, 1)},
			{Start: d(2023, 1, 1)},
			{End: d(2023, 4, 17)},
		} {
			var got [2][]immunization.VaccinationID
			for i, s := range stores {
				for v, err := range s.Vaccinations(ctx, immunization.VaccinationFilter{Period: p}) {
					if err != nil {
						t.Fatal(err)
					}
					got[i] = append(got[i], v.ID)
				}
			}
			if !reflect.DeepEqual(got[0], got[1]) {
				t.Errorf("period %v: SQL %v, memory %v", p, got[0], got[1])
			}
		}
	})
}
