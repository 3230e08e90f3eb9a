package recordtest_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

func TestFixturesValid(t *testing.T) {
	for _, i := range []int{1, 2, 3, 64, 999, 1000, 19999, 20000, 20001, 99999, 100000, 123456} {
		r := recordtest.Resident(i)
		if err := r.Validate(); err != nil {
			t.Errorf("Resident(%d): %v", i, err)
		}
		if m := r.Missing(r.Created); len(m) != 0 {
			t.Errorf("Resident(%d) Missing %v", i, m)
		}
		if r.IsChildOn(r.Created) {
			t.Errorf("Resident(%d) is a child", i)
		}
		c := recordtest.Child(i)
		if err := c.Validate(); err != nil {
			t.Errorf("Child(%d): %v", i, err)
		}
		if !c.IsChildOn(c.Created) || !c.Complete(c.Created) {
			t.Errorf("Child(%d) not a complete child record", i)
		}
		h := recordtest.Household(i, r)
		if err := h.Validate(); err != nil {
			t.Errorf("Household(%d): %v", i, err)
		}
		if h.ID != r.Household || h.Head != r.ID {
			t.Errorf("Household(%d) does not match its head", i)
		}
	}
}

// TestFixturesDistinct: distinct i give distinct ID and archive numbers, across Resident
// and Child, for i up to 20000 (and a sample beyond).
func TestFixturesDistinct(t *testing.T) {
	ids := map[healthrecord.IDNumber]int{}
	archives := map[healthrecord.ArchiveNumber]int{}
	check := func(i int, r *healthrecord.Resident) {
		if j, dup := ids[r.IDNumber]; dup {
			t.Fatalf("ID number of %d repeats %d", i, j)
		}
		if j, dup := archives[r.Archive]; dup {
			t.Fatalf("archive number of %d repeats %d", i, j)
		}
		ids[r.IDNumber], archives[r.Archive] = i, i
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for i := 1; i <= n; i++ {
		check(i, recordtest.Resident(i))
		check(-i, recordtest.Child(i))
	}
	for i := 20001; i <= 200001; i += 997 {
		check(i, recordtest.Resident(i))
	}
}

// TestFixtureFillsEveryField: every field of the form is set, so a store round trip
// checks each one.
func TestFixtureFillsEveryField(t *testing.T) {
	r := recordtest.Resident(8)
	if r.Info.IsEmpty() || len(r.Info.Missing()) != 0 || r.Info.Phone.IsZero() || r.Info.ContactPhone.IsZero() ||
		r.Info.WorkUnit == "" || r.Info.ContactName == "" || r.Info.LivingSince.IsZero() || r.Info.PaymentOther == "" ||
		r.Info.DrugAllergyOther == "" || r.Info.DisabilityOther == "" || r.Info.Family.Other == "" ||
		r.Info.Hereditary.Disease == "" || r.Info.Updated.IsZero() || r.Address == "" || r.RegisteredAddress == "" ||
		r.TownshipName == "" || r.VillageName == "" || r.Institution == "" || r.Creator == "" || r.Doctor == "" ||
		r.Household == "" || len(r.Tags) == 0 || r.Info.Illnesses[1].Detail == "" {
		t.Error("a field of the fixture is empty")
	}
}
