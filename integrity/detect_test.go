package integrity_test

import (
	"context"
	"slices"
	"testing"

	"github.com/gongwei-lib/gongwei"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/integrity"
	"github.com/gongwei-lib/gongwei/internal/synth"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
)

// county is a synthetic county loaded with its audit trail, and what Check found in it.
type county struct {
	c        *synth.County
	findings []integrity.Finding
	deaths   []synth.Death
	staff    []synth.StaffMember
	figures  int // the villages' figures given to Check
}

// testConfig is a county of 40 villages of 250 residents.
func testConfig(inject synth.Injection) synth.Config {
	return synth.Config{Seed: 7, County: "410523", Townships: 2, VillagesPerTownship: 20, Residents: 10000, Year: 2025, Inject: inject}
}

func loadCounty(t testing.TB, cfg synth.Config) *county {
	t.Helper()
	ctx := context.Background()
	c, err := synth.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := synth.Stores{Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
		Child: childmem.New(), Immunization: immmem.New(), Audit: memstore.NewAudit()}
	if err := c.LoadResidents(ctx, s, 0, c.Residents()); err != nil {
		t.Fatal(err)
	}
	out := &county{c: c, deaths: c.Deaths(0, c.Residents()), staff: c.Staff()}
	src := integrity.Sources{Audit: s.Audit, Records: s.Records, Chronic: s.Chronic}
	for _, d := range out.deaths {
		src.Deaths = append(src.Deaths, integrity.Death{Resident: d.Resident, Date: d.Date})
	}
	for _, m := range out.staff {
		src.Staff = append(src.Staff, integrity.Staff{ID: m.ID, Left: m.Left})
	}
	if src.Figures, err = c.Figures(ctx, 0, c.Residents()); err != nil {
		t.Fatal(err)
	}
	out.figures = len(src.Figures)
	out.findings, err = integrity.Check(ctx, src, gongwei.Division(cfg.County), integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCleanCounty checks that a county written as a real one is (synth: each record by
// the staff member who would have made it, in working hours, clean departures handed
// over, deaths registered after the last service) is clean: no village or account is
// flagged.
func TestCleanCounty(t *testing.T) {
	k := loadCounty(t, testConfig(synth.Injection{}))
	if len(k.findings) != 0 {
		t.Errorf("a clean county of %d villages and %d accounts gave %d findings, the first %+v",
			len(k.c.Villages()), len(k.staff), len(k.findings), k.findings[0])
	}
	if len(k.deaths) == 0 || !slices.ContainsFunc(k.staff, func(m synth.StaffMember) bool { return !m.Left.IsZero() }) {
		t.Errorf("the clean county has no deaths (%d) or no departures to pass over", len(k.deaths))
	}
}

// detection is what one injected pattern gave.
type detection struct {
	injected, found          int
	cleanVillages, flaggedV  int
	cleanStaff, flaggedStaff int
}

func (d detection) rate() float64 { return float64(d.found) / float64(d.injected) }
func (d detection) falseVillages() float64 {
	return float64(d.flaggedV) / float64(d.cleanVillages)
}
func (d detection) falseStaff() float64 { return float64(d.flaggedStaff) / float64(d.cleanStaff) }

// measure loads a county with pattern p injected at rate and counts the injected units
// found by rule (any of rules), and the clean villages and staff accounts flagged by any
// rule.
func measure(t *testing.T, p synth.Pattern, rate float64) detection {
	cfg := testConfig(synth.Injection{}.With(p, rate))
	if p == synth.InjectTwoPlaces { // its unit is a township: 10 of 4 villages
		cfg.Townships, cfg.VillagesPerTownship = 10, 4
	}
	if p == synth.InjectWorkload { // its unit is a township: 20 of 2 villages, 1,000 residents each
		cfg.Townships, cfg.VillagesPerTownship, cfg.Residents = 20, 2, 20000
	}
	k := loadCounty(t, cfg)
	c := k.c
	flaggedVillage := map[gongwei.Division]bool{}
	flaggedStaff := map[string]bool{}
	byRule := map[integrity.RuleCode][]integrity.Finding{}
	for _, f := range k.findings {
		flaggedVillage[f.Village] = true
		if f.Staff != "" {
			flaggedStaff[f.Staff] = true
		}
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	// dirty: the villages holding an injected unit.
	dirty := map[gongwei.Division]bool{}
	var d detection
	hit := func(ok bool) {
		d.injected++
		if ok {
			d.found++
		}
	}
	switch p {
	case synth.InjectAfterDeath:
		for _, death := range k.deaths {
			if !death.Injected {
				continue
			}
			dirty[gongwei.Division(death.Resident[:12])] = true
			hit(slices.ContainsFunc(byRule[integrity.RuleAfterDeath], func(f integrity.Finding) bool { return f.Resident == death.Resident }))
		}
	case synth.InjectDepartedStaff:
		for _, m := range k.staff {
			if !m.Injected {
				continue
			}
			dirty[m.Within] = true
			hit(slices.ContainsFunc(byRule[integrity.RuleDepartedStaff], func(f integrity.Finding) bool { return f.Staff == m.ID }))
		}
	case synth.InjectNightBurst:
		for _, v := range c.Villages() {
			if !c.Injected(p, string(v)) {
				continue
			}
			dirty[gongwei.Division(v)] = true
			in := func(r integrity.RuleCode) bool {
				return slices.ContainsFunc(byRule[r], func(f integrity.Finding) bool { return f.Village == gongwei.Division(v) })
			}
			hit(in(integrity.RuleBurst) && in(integrity.RuleNight) && in(integrity.RuleSequentialPhones))
		}
	case synth.InjectClonedReadings, synth.InjectClonedCheckups:
		// Each cloned record (a patient's readings, a checkup) must be named by a finding
		// of its rule.
		for i := range c.Residents() {
			pr := c.Person(i)
			rule, records := integrity.RuleClonedCheckups, []string{}
			if p == synth.InjectClonedReadings {
				rule = integrity.RuleClonedReadings
				clones, _ := c.Cloned(pr)
				for _, id := range clones {
					records = append(records, "chronic.Patient:"+string(id))
				}
			} else {
				for _, id := range c.ClonedCheckups(pr) {
					records = append(records, "healthrecord.Checkup:"+string(id))
				}
			}
			for _, rec := range records {
				dirty[gongwei.Division(pr.Resident.Archive.Village())] = true
				hit(slices.ContainsFunc(byRule[rule], func(f integrity.Finding) bool { return slices.Contains(f.Records, rec) }))
			}
		}
	case synth.InjectConstantReadings:
		for i := range c.Residents() {
			pr := c.Person(i)
			for _, cs := range c.Chronic(pr) {
				if cs.Patient.Condition != chronic.Hypertension || len(cs.Visits) < 4 || !c.Injected(p, string(cs.Patient.ID)) {
					continue
				}
				dirty[gongwei.Division(cs.Patient.Village)] = true
				hit(slices.ContainsFunc(byRule[integrity.RuleConstantReadings], func(f integrity.Finding) bool { return f.Resident == pr.Resident.ID }))
			}
		}
	case synth.InjectWorkload, synth.InjectTwoPlaces:
		// Both fall on the township's staff account, dirtying its villages.
		rule := map[synth.Pattern]integrity.RuleCode{synth.InjectWorkload: integrity.RuleWorkload, synth.InjectTwoPlaces: integrity.RuleTwoPlaces}[p]
		for t := 1; t <= c.Config().Townships; t++ {
			town := c.Township(t)
			if !c.Injected(p, town) {
				continue
			}
			for _, v := range c.Villages() {
				if string(v[:9]) == town {
					dirty[gongwei.Division(v)] = true
				}
			}
			hit(slices.ContainsFunc(byRule[rule], func(f integrity.Finding) bool { return f.Staff == synth.TownshipStaff(town) }))
		}
	case synth.InjectQuota:
		if k.figures < 10*len(c.Villages()) {
			t.Fatalf("%d figures for %d villages", k.figures, len(c.Villages()))
		}
		for _, v := range c.Villages() {
			if !c.Injected(p, string(v)) {
				continue
			}
			dirty[gongwei.Division(v)] = true
			hit(slices.ContainsFunc(byRule[integrity.RuleQuota], func(f integrity.Finding) bool { return f.Village == gongwei.Division(v) }))
		}
	case synth.InjectDigitPreference:
		for _, v := range c.Villages() {
			id := synth.VillageDoctor(v)
			if !c.Injected(p, id) {
				continue
			}
			dirty[gongwei.Division(v)] = true
			hit(slices.ContainsFunc(byRule[integrity.RuleDigitPreference], func(f integrity.Finding) bool { return f.Staff == id }))
		}
	}
	for _, v := range c.Villages() {
		if dirty[gongwei.Division(v)] {
			continue
		}
		d.cleanVillages++
		if flaggedVillage[gongwei.Division(v)] {
			d.flaggedV++
		}
	}
	for _, m := range k.staff {
		if m.Injected || slices.ContainsFunc(c.Villages(), func(v healthrecord.Village) bool {
			return dirty[gongwei.Division(v)] && m.Within.Contains(gongwei.Division(v))
		}) {
			continue // an injected account, or one serving a village with injected cases
		}
		d.cleanStaff++
		if flaggedStaff[m.ID] {
			d.flaggedStaff++
		}
	}
	return d
}

// TestDetection injects each pattern into a 10,000-resident county of 40 villages (a
// twentieth of the patients for the patterns of one resident, a fifth of the accounts
// or villages for the others, half the townships of a county of 10 for InjectTwoPlaces) and requires each rule to find at least 95 % of the
// injected cases while flagging at most 1 % of the clean villages and staff accounts.
func TestDetection(t *testing.T) {
	for _, tt := range []struct {
		p    synth.Pattern
		rate float64
	}{
		{synth.InjectAfterDeath, 0.05}, {synth.InjectDepartedStaff, 0.2}, {synth.InjectNightBurst, 0.2},
		{synth.InjectClonedReadings, 0.05}, {synth.InjectDigitPreference, 0.2},
		{synth.InjectConstantReadings, 0.05}, {synth.InjectTwoPlaces, 0.5},
		{synth.InjectWorkload, 0.5}, {synth.InjectQuota, 0.2}, {synth.InjectClonedCheckups, 0.05},
	} {
		p := tt.p
		t.Run(string(p), func(t *testing.T) {
			d := measure(t, p, tt.rate)
			t.Logf("%s: found %d of %d injected (%.1f %%); flagged %d of %d clean villages (%.1f %%), %d of %d clean staff (%.1f %%)",
				p, d.found, d.injected, 100*d.rate(), d.flaggedV, d.cleanVillages, 100*d.falseVillages(),
				d.flaggedStaff, d.cleanStaff, 100*d.falseStaff())
			if d.injected < 5 {
				t.Fatalf("only %d injected cases: the test county is too small", d.injected)
			}
			if d.rate() < 0.95 {
				t.Errorf("detection %.3f, want >= 0.95", d.rate())
			}
			if d.falseVillages() > 0.01 || d.falseStaff() > 0.01 {
				t.Errorf("false flags: villages %.3f, staff %.3f, want <= 0.01", d.falseVillages(), d.falseStaff())
			}
		})
	}
}

// TestQuotaAtScale measures the quota rule over the 200 villages of a 100,000-resident
// county (synth.DefaultConfig) with a fifth of them reporting their figures at quota
// (synth.InjectQuota): the figures alone are checked (Sources.Figures), so the county
// is not loaded. It finds at least 95 % of the injected villages and flags at most 1 %
// of the clean ones.
func TestQuotaAtScale(t *testing.T) {
	ctx := context.Background()
	cfg := synth.DefaultConfig(100000)
	cfg.Inject = synth.Injection{Quota: 0.2}
	c, err := synth.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	figs, err := c.Figures(ctx, 0, c.Residents())
	if err != nil {
		t.Fatal(err)
	}
	fs, err := integrity.Check(ctx, integrity.Sources{Audit: memstore.NewAudit(), Figures: figs}, gongwei.Division(cfg.County), integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[gongwei.Division]bool{}
	for _, f := range count(fs, integrity.RuleQuota) {
		flagged[f.Village] = true
	}
	var d detection
	for _, v := range c.Villages() {
		if c.Injected(synth.InjectQuota, string(v)) {
			d.injected++
			if flagged[gongwei.Division(v)] {
				d.found++
			}
			continue
		}
		d.cleanVillages++
		if flagged[gongwei.Division(v)] {
			d.flaggedV++
		}
	}
	t.Logf("quota: found %d of %d injected villages (%.1f %%); flagged %d of %d clean villages (%.1f %%)",
		d.found, d.injected, 100*d.rate(), d.flaggedV, d.cleanVillages, 100*d.falseVillages())
	if d.injected < 20 || d.rate() < 0.95 || d.falseVillages() > 0.01 {
		t.Errorf("detection %.3f of %d, false flags %.3f, want >= 0.95 and <= 0.01", d.rate(), d.injected, d.falseVillages())
	}
}
