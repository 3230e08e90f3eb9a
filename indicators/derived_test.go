package indicators_test

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// derivedVillage is where the residents of the outcome tests live.
const derivedVillage = "110105001101"

// outcomeStore saves three elderly residents with a checkup each through the Registry —
// one complete, one missing a form item, one whose checkup lacks the ECG — then lets
// alter change the stored records behind the Registry's back, and returns the
// record-family tally of 2024.
func outcomeStore(t *testing.T, alter func(*healthrecord.Resident, *healthrecord.Checkup)) *indicators.Tally {
	t.Helper()
	ctx := context.Background()
	s := memstore.New()
	g := healthrecord.New(s, healthrecord.Options{Unattributed: true})
	for i := 1; i <= 3; i++ {
		r := recordtest.ResidentAt(i, derivedVillage+"0000"+string(rune('0'+i)))
		if i == 2 {
			r.Info.Living.Toilet = ""
		}
		if err := g.SaveResident(ctx, r); err != nil {
			t.Fatal(err)
		}
		c := recordtest.Checkup(r, gongwei.MustDate(2024, 6, 15))
		if i == 3 {
			c.Tests.ECG = healthrecord.Finding{}
		}
		if err := g.SaveCheckup(ctx, c); err != nil {
			t.Fatal(err)
		}
		if alter != nil {
			r, _ = s.Resident(ctx, r.ID)
			c, _ = s.Checkup(ctx, c.ID)
			alter(r, c)
			if err := s.PutResident(ctx, r, r.Version); err != nil {
				t.Fatal(err)
			}
			if err := s.PutCheckup(ctx, c, c.Version); err != nil {
				t.Fatal(err)
			}
		}
	}
	tally := indicators.NewTally(0)
	if err := indicators.RecordIndicators(ctx, s, "", gongwei.Year(2024), tally); err != nil {
		t.Fatal(err)
	}
	return tally
}

// TestStoredOutcomesAndEditions: the record family counts 档案合格 (record.coverage,
// record.qualified) and elderly management (elderly.management, tcm.elderly) from the
// outcomes stored at save time: 2 of 3 records complete, 2 of 3 elderly managed, 3 of 3
// with TCM. Records whose stored outcome is missing or of another edition — even a
// wrong one — are recomputed and give the same figures; a wrong outcome of the current
// edition is read as stored, which shows the computation reads it.
func TestStoredOutcomesAndEditions(t *testing.T) {
	p := gongwei.Year(2024)
	want := map[indicators.Code]indicators.Counts{
		"record.coverage":    {Num: 2, Den: 3},
		"record.qualified":   {Num: 2, Den: 3},
		"elderly.management": {Num: 2, Den: 3},
		"tcm.elderly":        {Num: 3, Den: 3},
	}
	check := func(t *testing.T, tally *indicators.Tally, want map[indicators.Code]indicators.Counts) {
		t.Helper()
		for code, w := range want {
			if got, _ := tally.Get(indicators.Key{Code: code, Unit: derivedVillage, Period: p}); got != w {
				t.Errorf("%s: %+v, want %+v", code, got, w)
			}
		}
	}
	fresh := outcomeStore(t, nil)
	check(t, fresh, want)

	for _, tc := range []struct {
		name  string
		alter func(*healthrecord.Resident, *healthrecord.Checkup)
	}{
		{"no outcome (written by a host)", func(r *healthrecord.Resident, c *healthrecord.Checkup) {
			r.Derived, c.Derived = healthrecord.ResidentOutcome{}, healthrecord.CheckupOutcome{}
		}},
		{"earlier edition, outcome wrong", func(r *healthrecord.Resident, c *healthrecord.Checkup) {
			r.Derived = healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition - 1, Valid: !r.Derived.Valid, FormComplete: !r.Derived.FormComplete}
			c.Derived = healthrecord.CheckupOutcome{Edition: healthrecord.RulesEdition - 1, Birth: c.Derived.Birth, ElderlyManaged: !c.Derived.ElderlyManaged}
		}},
		{"current edition for another birth date", func(r *healthrecord.Resident, c *healthrecord.Checkup) {
			c.Derived.Birth = c.Derived.Birth.AddYears(-20)
			c.Derived.ElderlyManaged, c.Derived.TCMManaged = false, false
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tally := outcomeStore(t, tc.alter)
			check(t, tally, want)
			if !tally.Equal(fresh) {
				t.Error("the tally differs from the one of the fresh save")
			}
		})
	}

	t.Run("current edition, outcome wrong", func(t *testing.T) {
		tally := outcomeStore(t, func(r *healthrecord.Resident, c *healthrecord.Checkup) {
			r.Derived.FormComplete = true
			c.Derived.ElderlyManaged = false
		})
		check(t, tally, map[indicators.Code]indicators.Counts{
			"record.coverage":    {Num: 3, Den: 3},
			"elderly.management": {Num: 0, Den: 3},
		})
	})

	t.Run("Refresh after a wrong write", func(t *testing.T) {
		ctx := context.Background()
		s := memstore.New()
		g := healthrecord.New(s, healthrecord.Options{Unattributed: true})
		r := recordtest.ResidentAt(1, derivedVillage+"00001")
		r.Info.Living.Toilet = ""
		r.Derived = healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition - 1, Valid: true, CoverComplete: true, FormComplete: true}
		if err := s.PutResident(ctx, r, 0); err != nil {
			t.Fatal(err)
		}
		if n, err := g.Refresh(ctx, derivedVillage); err != nil || n != 1 {
			t.Fatalf("Refresh: %d, %v", n, err)
		}
		stored, _ := s.Resident(ctx, r.ID)
		if stored.Derived.Edition != healthrecord.RulesEdition || stored.Derived.FormComplete {
			t.Fatalf("after Refresh: %+v", stored.Derived)
		}
		tally := indicators.NewTally(0)
		if err := indicators.RecordIndicators(ctx, s, "", p, tally); err != nil {
			t.Fatal(err)
		}
		if got, _ := tally.Get(indicators.Key{Code: "record.coverage", Unit: derivedVillage, Period: p}); got != (indicators.Counts{Num: 0, Den: 1}) {
			t.Fatalf("record.coverage %+v, want 0/1", got)
		}
	})
}

// TestCountyOutcomesRecomputed: a synthetic county's tally is the same whether its
// records carry the outcomes derived at save time, no outcome at all (a host's own
// store), or wrong outcomes of an earlier edition: every per-resident cell of the year
// is equal.
func TestCountyOutcomesRecomputed(t *testing.T) {
	c, err := synth.New(synth.DefaultConfig(5000))
	if err != nil {
		t.Fatal(err)
	}
	ctx, p := context.Background(), c.Period()
	tally := func(alter func(*indicators.Subject)) *indicators.Tally {
		t.Helper()
		out := indicators.NewTally(0)
		subjects := func(yield func(*indicators.Subject, error) bool) {
			for s, err := range c.Subjects(ctx, 0, c.Config().Residents) {
				if err == nil && alter != nil {
					alter(s)
				}
				if !yield(s, err) {
					return
				}
			}
		}
		if err := indicators.ComputeSubjects(ctx, subjects, p, nil, out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	derived, stale := 0, 0
	fresh := tally(func(s *indicators.Subject) {
		if s.Resident.Derived.Edition == healthrecord.RulesEdition {
			derived++
		}
	})
	none := tally(func(s *indicators.Subject) {
		s.Resident.Derived = healthrecord.ResidentOutcome{}
		for _, ch := range s.Checkups {
			ch.Derived = healthrecord.CheckupOutcome{}
		}
	})
	wrong := tally(func(s *indicators.Subject) {
		o := &s.Resident.Derived
		*o = healthrecord.ResidentOutcome{Edition: healthrecord.RulesEdition - 1, Valid: !o.Valid, CoverComplete: !o.CoverComplete, FormComplete: !o.FormComplete}
		for _, ch := range s.Checkups {
			ch.Derived.Edition = healthrecord.RulesEdition - 1
			ch.Derived.ElderlyManaged, ch.Derived.TCMManaged = !ch.Derived.ElderlyManaged, !ch.Derived.TCMManaged
			stale++
		}
	})
	if derived != c.Config().Residents || stale == 0 {
		t.Fatalf("%d of %d residents carry a current outcome, %d checkups altered", derived, c.Config().Residents, stale)
	}
	if !none.Equal(fresh) || !wrong.Equal(fresh) {
		t.Fatal("recomputed outcomes give another tally than the stored ones")
	}
	// The same wrong outcomes marked current are read as stored: the tally changes,
	// so the comparison above tested something.
	trusted := tally(func(s *indicators.Subject) {
		s.Resident.Derived.FormComplete = !s.Resident.Derived.FormComplete
		for _, ch := range s.Checkups {
			ch.Derived.ElderlyManaged = !ch.Derived.ElderlyManaged
		}
	})
	if trusted.Equal(fresh) {
		t.Fatal("wrong outcomes of the current edition left the tally unchanged: are they read?")
	}
	cov, _ := fresh.RollUp(indicators.LevelCounty).Get(indicators.Key{Code: "record.coverage", Unit: indicators.Unit(c.Config().County), Period: p})
	if cov.Den == 0 || cov.Num == 0 || cov.Num == cov.Den {
		t.Fatalf("record.coverage %+v: the county should have complete and incomplete records", cov)
	}
}
