package synth

import (
	"context"
	"fmt"
	"testing"

	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/integrity"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
)

// allPatterns injects every pattern at a fifth.
var allPatterns = Injection{AfterDeath: 0.2, DepartedStaff: 0.2, NightBurst: 0.2, ClonedReadings: 0.2, DigitPreference: 0.2,
	ConstantReadings: 0.2, TwoPlaces: 0.2}

// projected is what the integrity checks read of an entry.
func projected(e healthrecord.AuditEntry) string {
	return fmt.Sprintf("%s %+v %s %s %s %s %s %s", e.Time.UTC().Format("2006-01-02T15:04:05"), e.Actor, e.Op, e.Kind, e.ID, e.Resident, e.Division, e.Date)
}

// TestTrailIsTheLoadsTrail: the generated trail (County.Trail) is, entry by entry in
// order, the trail loading the county writes, and the generated residents and
// hypertension follow-ups are the stored ones' readings, on a county with every pattern
// injected.
func TestTrailIsTheLoadsTrail(t *testing.T) {
	ctx := context.Background()
	cfg := Config{Seed: 3, County: "410523", Townships: 2, VillagesPerTownship: 3, Residents: 3000, Year: 2025, Inject: allPatterns}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := Stores{Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
		Child: childmem.New(), Immunization: immmem.New(), Audit: memstore.NewAudit()}
	if err := c.LoadResidents(ctx, s, 0, c.Residents()); err != nil {
		t.Fatal(err)
	}
	var loaded, generated []string
	for e, err := range s.Audit.Audit(ctx, healthrecord.AuditFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		loaded = append(loaded, projected(e))
	}
	for e, err := range c.Trail(0, c.Residents()).Audit(ctx, healthrecord.AuditFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		generated = append(generated, projected(e))
	}
	if len(loaded) != len(generated) {
		t.Errorf("%d entries generated, the load wrote %d", len(generated), len(loaded))
	}
	for i := range min(len(loaded), len(generated)) {
		if loaded[i] != generated[i] {
			t.Fatalf("entry %d:\n generated %s\n loaded    %s", i+1, generated[i], loaded[i])
		}
	}
	// The village filter gives the village's entries only.
	v := c.Villages()[4]
	n := 0
	for e, err := range c.Trail(0, c.Residents()).Audit(ctx, healthrecord.AuditFilter{Division: "410523002102"}) {
		if err != nil || e.Division != "410523002102" {
			t.Fatalf("filtered entry %+v, %v", e, err)
		}
		n++
	}
	if want := countIn(loaded, string(v)); n != want || n == 0 {
		t.Errorf("%d entries of village %s generated, want %d", n, v, want)
	}

	src := c.IntegritySources(0, c.Residents())
	i, patients := 0, 0
	var fromPeople []string
	for pr, err := range src.People {
		if err != nil {
			t.Fatal(err)
		}
		r := pr.Resident
		stored, err := s.Records.Resident(ctx, r.ID)
		if err != nil || stored.Info.Phone != r.Info.Phone || stored.DeathDate() != r.DeathDate() {
			t.Fatalf("resident %s generated unlike the stored one (%v)", r.ID, err)
		}
		i++
		for _, e := range pr.Trail {
			fromPeople = append(fromPeople, projected(e))
		}
		for _, fu := range pr.FollowUps {
			patients++
			k := 0
			for v, err := range s.Chronic.Visits(ctx, chronic.VisitFilter{Patient: fu.Patient.ID}) {
				if err != nil || k >= len(fu.Visits) {
					t.Fatalf("patient %s: %d visits generated, more stored (%v)", fu.Patient.ID, len(fu.Visits), err)
				}
				g, st := fu.Visits[k].Hypertension, v.Hypertension
				if g.Systolic != st.Systolic || g.Diastolic != st.Diastolic || g.HeartRate != st.HeartRate || fu.Visits[k].Provider.Staff != v.Provider.Staff {
					t.Fatalf("patient %s visit %d: generated %+v, stored %+v", fu.Patient.ID, k, g, st)
				}
				k++
			}
			if k != len(fu.Visits) {
				t.Fatalf("patient %s: %d visits generated, %d stored", fu.Patient.ID, len(fu.Visits), k)
			}
		}
	}
	if i != c.Residents() || patients < 100 {
		t.Errorf("%d residents and %d hypertension patients generated, want %d and more than 100", i, patients, c.Residents())
	}
	if fmt.Sprint(fromPeople) != fmt.Sprint(loaded) {
		t.Errorf("the people's trails (%d entries) are not the load's (%d)", len(fromPeople), len(loaded))
	}
	// The generated sources give Check the loaded county's findings.
	fromStores, err := integrity.Check(ctx, integrity.Sources{Audit: s.Audit, Records: s.Records, Chronic: s.Chronic,
		Deaths: src.Deaths, Staff: src.Staff}, "410523", integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	fromGenerated, err := integrity.Check(ctx, src, "410523", integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fromStores) != len(fromGenerated) || len(fromStores) < 10 {
		t.Errorf("%d findings from the stores, %d from the generated sources", len(fromStores), len(fromGenerated))
	}
	for i := range min(len(fromStores), len(fromGenerated)) {
		if a, b := fmt.Sprint(fromStores[i]), fmt.Sprint(fromGenerated[i]); a != b {
			t.Fatalf("finding %d:\n from the stores %s\n generated       %s", i, a, b)
		}
	}
}

func countIn(entries []string, village string) int {
	n := 0
	for _, e := range entries {
		if containsField(e, village) {
			n++
		}
	}
	return n
}

func containsField(s, f string) bool {
	for i := 0; i+len(f) <= len(s); i++ {
		if s[i:i+len(f)] == f && (i+len(f) == len(s) || s[i+len(f)] == ' ') && i > 0 && s[i-1] == ' ' {
			return true
		}
	}
	return false
}
