package healthrecord_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// TestResidentOutcomeDecidesAsComplete: the outcome derived once decides 档案合格 on any
// date exactly as Resident.Complete does (nbphs-spec §1.6): a complete adult, an adult
// missing one form item, an invalid record, a cover without the address, and a child
// who needs no form until the age of 7 (data-standards §3.1).
func TestResidentOutcomeDecidesAsComplete(t *testing.T) {
	noToilet := recordtest.Resident(2)
	noToilet.Info.Living.Toilet = ""
	invalid := recordtest.Resident(3)
	invalid.BirthDate = invalid.BirthDate.AddDays(1) // differs from the ID number's
	noAddress := recordtest.Resident(4)
	noAddress.Address = ""
	kid := recordtest.Child(5) // born 2024-02-25, no form

	for _, tc := range []struct {
		name string
		r    *healthrecord.Resident
		want healthrecord.ResidentOutcome
		// complete on 2024-12-31 and on 2031-12-31 (the child is 7 then)
		now, later bool
	}{
		{"complete", recordtest.Resident(1), healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition, Valid: true, CoverComplete: true, FormComplete: true}, true, true},
		{"form item missing", noToilet, healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition, Valid: true, CoverComplete: true}, false, false},
		{"invalid", invalid, healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition, CoverComplete: true, FormComplete: true}, false, false},
		{"cover incomplete", noAddress, healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition, Valid: true, FormComplete: true}, false, false},
		{"child without form", kid, healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition, Valid: true, CoverComplete: true}, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.r.DeriveOutcome()
			if o != tc.want {
				t.Fatalf("outcome %+v, want %+v", o, tc.want)
			}
			for _, c := range []struct {
				on   gongwei.Date
				want bool
			}{{gongwei.MustDate(2024, 12, 31), tc.now}, {gongwei.MustDate(2031, 12, 31), tc.later}} {
				if got, complete := o.CompleteOn(tc.r, c.on), tc.r.Complete(c.on); got != c.want || complete != c.want {
					t.Errorf("on %v: from the outcome %v, Complete %v, want %v", c.on, got, complete, c.want)
				}
			}
		})
	}
}

// TestOutcomeEdition: an outcome of the current edition is read as stored; one of
// another edition, or none, is recomputed, even when what it holds is wrong. A
// checkup's outcome derived for another birth date is recomputed too.
func TestOutcomeEdition(t *testing.T) {
	r := recordtest.Resident(1)
	fresh := r.DeriveOutcome()
	wrong := healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition - 1, Valid: false, CoverComplete: true}
	for _, tc := range []struct {
		name   string
		stored healthrecord.ResidentOutcome
		want   healthrecord.ResidentOutcome
	}{
		{"none", healthrecord.ResidentOutcome{}, fresh},
		{"earlier edition, wrong", wrong, fresh},
		{"later edition, wrong", healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition + 1}, fresh},
		{"current edition", fresh, fresh},
		// The stored outcome of the current edition is trusted: this is what makes the
		// computations fast, and why a host writing without the Registry zeroes it.
		{"current edition, wrong", healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition}, healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition}},
	} {
		r.Derived = tc.stored
		if got := r.Outcome(); got != tc.want {
			t.Errorf("resident, %s: %+v, want %+v", tc.name, got, tc.want)
		}
	}

	old := recordtest.Resident(1) // born 1950-01-01: 74 on the checkup date
	c := recordtest.Checkup(old, gongwei.MustDate(2024, 6, 15))
	if c.Derived.Edition != healthrecord.RulesEdition || !c.Derived.ElderlyManaged || !c.Derived.TCMManaged || c.Derived.Birth != old.BirthDate {
		t.Fatalf("fixture outcome %+v", c.Derived)
	}
	// The birth date corrected to 1960: 64 on the checkup date, no elderly service.
	younger := gongwei.MustDate(1960, 1, 1)
	if o := c.Outcome(younger); o.ElderlyManaged || o.TCMManaged || o.Birth != younger {
		t.Errorf("other birth date: %+v, want recomputed for 1960", o)
	}
	c.Derived = healthrecord.CheckupOutcome{Edition: healthrecord.RulesEdition - 1, Birth: old.BirthDate}
	if o := c.Outcome(old.BirthDate); !o.ElderlyManaged || !o.TCMManaged || o.Edition != healthrecord.RulesEdition {
		t.Errorf("earlier edition: %+v, want recomputed", o)
	}
}

// TestRegistryDerivesOnSave: the Registry stores the outcome with every resident and
// checkup it saves, and again when a save or a closure changes the record.
func TestRegistryDerivesOnSave(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	g := healthrecord.NewRegistry(s, nil)
	r := recordtest.Resident(1)
	r.Derived = healthrecord.ResidentOutcome{Edition: 99} // whatever the caller held
	if err := g.SaveResident(ctx, r); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Resident(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := (healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition, Valid: true, CoverComplete: true, FormComplete: true}); stored.Derived != want || r.Derived != want {
		t.Fatalf("stored %+v, returned %+v, want %+v", stored.Derived, r.Derived, want)
	}

	r.Info.Living.Toilet = ""
	if err := g.SaveResident(ctx, r); err != nil {
		t.Fatal(err)
	}
	stored, _ = s.Resident(ctx, r.ID)
	if stored.Derived.FormComplete || !stored.Derived.Valid {
		t.Fatalf("after the form lost an item: %+v", stored.Derived)
	}

	c := recordtest.Checkup(r, gongwei.MustDate(2024, 6, 15))
	c.Derived = healthrecord.CheckupOutcome{}
	c.Tests.ECG = healthrecord.Finding{} // incomplete: no elderly management
	if err := g.SaveCheckup(ctx, c); err != nil {
		t.Fatal(err)
	}
	sc, err := s.Checkup(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := (healthrecord.CheckupOutcome{Edition: healthrecord.RulesEdition, Birth: r.BirthDate, TCMManaged: true}); sc.Derived != want {
		t.Fatalf("checkup outcome %+v, want %+v", sc.Derived, want)
	}

	closed, err := g.Close(ctx, r.ID, healthrecord.Closure{Reason: healthrecord.ClosedMovedOut, Date: gongwei.MustDate(2024, 9, 1), Destination: "上海市"})
	if err != nil {
		t.Fatal(err)
	}
	if closed.Derived.Edition != healthrecord.RulesEdition || closed.Derived != closed.DeriveOutcome() {
		t.Fatalf("after closure: %+v", closed.Derived)
	}
}

// TestRefresh: Refresh rewrites the outcomes that the current rules would not store —
// none, an earlier edition's, a wrong one written around the Registry, a checkup's for
// a corrected birth date — as new versions, and leaves current ones alone.
func TestRefresh(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	g := healthrecord.NewRegistry(s, nil)

	saved := recordtest.Resident(1)
	if err := g.SaveResident(ctx, saved); err != nil {
		t.Fatal(err)
	}
	direct := recordtest.Resident(2) // written by a host, no outcome
	direct.Version = 1
	stale := recordtest.Resident(3)
	stale.Info.Living.Toilet = ""
	stale.Derived = healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition - 1, Valid: true, CoverComplete: true, FormComplete: true}
	stale.Version = 1
	for _, r := range []*healthrecord.Resident{direct, stale} {
		if err := s.PutResident(ctx, r, 0); err != nil {
			t.Fatal(err)
		}
	}
	savedCheckup := recordtest.Checkup(saved, gongwei.MustDate(2024, 6, 15))
	if err := g.SaveCheckup(ctx, savedCheckup); err != nil {
		t.Fatal(err)
	}
	moved := recordtest.Checkup(direct, gongwei.MustDate(2024, 6, 15))
	moved.Derived.Birth = moved.Derived.Birth.AddYears(-1) // derived for another birth date
	moved.Version = 1
	if err := s.PutCheckup(ctx, moved, 0); err != nil {
		t.Fatal(err)
	}

	n, err := g.Refresh(ctx, "")
	if err != nil || n != 3 {
		t.Fatalf("Refresh: %d records, %v; want 3", n, err)
	}
	for _, r := range []*healthrecord.Resident{saved, direct, stale} {
		got, err := s.Resident(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Derived != got.DeriveOutcome() {
			t.Errorf("%s: %+v after Refresh", r.Name, got.Derived)
		}
	}
	if got, _ := s.Resident(ctx, stale.ID); got.Derived.FormComplete || got.Version != 2 {
		t.Errorf("stale record: %+v, version %d", got.Derived, got.Version)
	}
	if got, _ := s.Resident(ctx, saved.ID); got.Version != 1 {
		t.Errorf("a current record was rewritten: version %d", got.Version)
	}
	if got, _ := s.Checkup(ctx, moved.ID); got.Derived.Birth != direct.BirthDate || got.Version != 2 {
		t.Errorf("checkup: %+v, version %d", got.Derived, got.Version)
	}
	if n, err := g.Refresh(ctx, ""); err != nil || n != 0 {
		t.Fatalf("second Refresh: %d, %v; want 0", n, err)
	}
}
