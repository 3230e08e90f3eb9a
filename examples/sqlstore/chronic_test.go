package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// TestChronicColumnsFollowUpdates: the key columns are rewritten with the record: a
// visit whose follow-up is redated leaves the stream of its old month for the new one,
// and a patient moved to another village leaves the old village's stream.
func TestChronicColumnsFollowUpdates(t *testing.T) {
	engineStores(t, (*sqlstore.DB).Chronic, func(t *testing.T, ctx context.Context, s *sqlstore.ChronicStore) {
		p := chronictest.Patient(1, chronic.Hypertension)
		p.Version = 1
		if err := s.PutPatient(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
		v := chronictest.Visit(p, gongwei.MustDate(2024, 3, 1))
		v.Version = 1
		if err := s.PutVisit(ctx, v, 0); err != nil {
			t.Fatal(err)
		}
		v.Hypertension.Date, v.Version = gongwei.MustDate(2024, 5, 1), 2
		if err := s.PutVisit(ctx, v, 1); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			month time.Month
			want  int
		}{{time.March, 0}, {time.May, 1}} {
			got, err := storetest.Collect(s.Visits(ctx, chronic.VisitFilter{Period: gongwei.Month(2024, c.month)}))
			if err != nil || len(got) != c.want {
				t.Errorf("visits in %v: %d (%v), want %d", c.month, len(got), err, c.want)
			}
		}
		p.Village, p.Version = "110105002101", 2
		if err := s.PutPatient(ctx, p, 1); err != nil {
			t.Fatal(err)
		}
		for prefix, want := range map[string]int{"110105001": 0, "110105002101": 1, "1101": 1} {
			got, err := storetest.Collect(s.Patients(ctx, chronic.PatientFilter{Prefix: prefix}))
			if err != nil || len(got) != want {
				t.Errorf("patients under %s: %d (%v), want %d", prefix, len(got), err, want)
			}
		}
		// A prefix that is not digits selects nobody (villages are digit codes).
		got, err := storetest.Collect(s.Patients(ctx, chronic.PatientFilter{Prefix: "11010x"}))
		if err != nil || len(got) != 0 {
			t.Errorf("patients under a non-digit prefix: %d (%v), want 0", len(got), err)
		}
	})
}

// Store hypertension patients and their follow-ups in an SQLite file, and stream one
// village's patients and one patient's visits of a quarter.
func ExampleDB_Chronic() {
	ctx, db, done := openExample() // an SQLite file in a temporary directory
	if db == nil {
		return
	}
	defer done()

	s := db.Chronic()
	for i := 1; i <= 3; i++ {
		p := chronictest.Patient(i, chronic.Hypertension)
		p.Version = 1
		if err := s.PutPatient(ctx, p, 0); err != nil {
			fmt.Println(err)
		}
		for _, day := range []gongwei.Date{gongwei.MustDate(2024, 4, 2), gongwei.MustDate(2024, 1, 20)} {
			v := chronictest.Visit(p, day)
			v.Version = 1
			if err := s.PutVisit(ctx, v, 0); err != nil {
				fmt.Println(err)
			}
		}
	}
	// An insert of a stored ID fails as a conflict, as in every store.
	err := s.PutPatient(ctx, chronictest.Patient(1, chronic.Hypertension), 0)
	fmt.Println(errors.Is(err, gongwei.ErrConflict), err)

	for p, err := range s.Patients(ctx, chronic.PatientFilter{Prefix: "110105001101"}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(p.Village, p.ID)
	}
	q1 := gongwei.Period{Start: gongwei.MustDate(2024, 1, 1), End: gongwei.MustDate(2024, 4, 1)}
	for v, err := range s.Visits(ctx, chronic.VisitFilter{Patient: "P2-hypertension", Period: q1}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(v.ID, v.Hypertension.Systolic, v.Hypertension.Diastolic)
	}
	// Output:
	// true sqlstore: put chronic patient: stored version is not 0: gongwei: version conflict
	// 110105001101 P1-hypertension
	// 110105001101 P3-hypertension
	// P2-hypertension-2024-01-20 132 84
}
