package integrity_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/integrity"
	"github.com/gongwei-lib/gongwei/internal/recordfix"
)

const village = gongwei.Division("410523001101")

func at(day, hour, minute, sec int) time.Time {
	return time.Date(2025, time.March, day, hour, minute, sec, 0, gongwei.Shanghai())
}

// entry is a creation of a record of the kind by staff at t, dated on its day.
func entry(kind, id, staff string, t time.Time, resident string) healthrecord.AuditEntry {
	d, _ := gongwei.NewDate(t.Year(), t.Month(), t.Day())
	return healthrecord.AuditEntry{Time: t, Actor: gongwei.Actor{Staff: staff, Within: village}, Op: healthrecord.AuditCreate,
		Kind: kind, ID: id, Resident: healthrecord.ResidentID(resident), Division: village, Date: d, After: 1}
}

func trail(t *testing.T, es []healthrecord.AuditEntry) *memstore.Audit {
	a := memstore.NewAudit()
	for i := range es {
		if err := a.AppendAudit(context.Background(), &es[i]); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// count returns the findings of rule.
func count(fs []integrity.Finding, rule integrity.RuleCode) []integrity.Finding {
	var out []integrity.Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// series gives n creations of records of the kind by V1, the i-th with the ID prefix+i,
// step apart from start.
func series(n int, kind, prefix string, start time.Time, step time.Duration, resident string) func() []healthrecord.AuditEntry {
	return func() (es []healthrecord.AuditEntry) {
		for i := range n {
			es = append(es, entry(kind, fmt.Sprint(prefix, i), "V1", start.Add(time.Duration(i)*step), resident))
		}
		return es
	}
}

func TestRulesOnTheTrail(t *testing.T) {
	th := integrity.DefaultThresholds
	tests := []struct {
		name  string
		es    func() []healthrecord.AuditEntry
		src   integrity.Sources
		rule  integrity.RuleCode
		want  int // findings of rule
		count int // Count of the first
	}{
		{"burst of exactly BurstCount in the window", series(th.BurstCount, "healthrecord.Resident", "R", at(3, 10, 0, 0), 29*time.Second, ""), integrity.Sources{}, integrity.RuleBurst, 1, 20},
		{"one too few for a burst", series(th.BurstCount-1, "healthrecord.Resident", "R", at(3, 10, 0, 0), 29*time.Second, ""), integrity.Sources{}, integrity.RuleBurst, 0, 0},
		{"a working day's records spread out", series(60, "healthrecord.Resident", "R", at(3, 8, 0, 0), 9*time.Minute, ""), integrity.Sources{}, integrity.RuleBurst, 0, 0},
		{"a night across midnight is one night", series(th.NightCount, "healthrecord.Resident", "R", at(3, 23, 30, 0), 15*time.Minute, ""), integrity.Sources{}, integrity.RuleNight, 1, 10},
		{"workload above the daily limit", series(th.MaxDailyServices+1, "chronic.Visit", "v", at(4, 9, 0, 0), time.Minute, "R1"), integrity.Sources{}, integrity.RuleWorkload, 1, 61},
		{"workload at the daily limit", series(th.MaxDailyServices, "chronic.Visit", "v", at(4, 9, 0, 0), time.Minute, "R1"), integrity.Sources{}, integrity.RuleWorkload, 0, 0},
		{"services after a registered death, not on its day", func() []healthrecord.AuditEntry {
			return []healthrecord.AuditEntry{
				entry("chronic.Visit", "v1", "V1", at(5, 9, 0, 0), "R1"),
				entry("chronic.Visit", "v2", "V1", at(6, 9, 0, 0), "R1"),
				entry("healthrecord.Checkup", "c1", "T1", at(7, 9, 0, 0), "R1"),
				entry("chronic.Visit", "v3", "V1", at(7, 9, 0, 0), "R2"),
			}
		}, integrity.Sources{Deaths: []integrity.Death{{Resident: "R1", Date: gongwei.MustDate(2025, 3, 5)}}}, integrity.RuleAfterDeath, 1, 2},
		{"writes after leaving, not on the last day", func() []healthrecord.AuditEntry {
			return []healthrecord.AuditEntry{
				entry("chronic.Visit", "v1", "V1", at(5, 17, 0, 0), "R1"),
				entry("chronic.Visit", "v2", "V1", at(6, 9, 0, 0), "R1"),
				entry("chronic.Visit", "v3", "V2", at(6, 9, 0, 0), "R1"),
			}
		}, integrity.Sources{Staff: []integrity.Staff{{ID: "V1", Left: gongwei.MustDate(2025, 3, 5)}, {ID: "V2"}}}, integrity.RuleDepartedStaff, 1, 1},
		{"follow-ups in two villages five minutes apart", func() []healthrecord.AuditEntry {
			a := entry("chronic.Visit", "v1", "T1", at(8, 9, 0, 0), "R1")
			b := entry("chronic.Visit", "v2", "T1", at(8, 9, 5, 0), "R2")
			b.Division = "410523001102"
			c := entry("chronic.Visit", "v3", "T1", at(8, 9, 30, 0), "R3")
			return []healthrecord.AuditEntry{a, b, c}
		}, integrity.Sources{}, integrity.RuleTwoPlaces, 1, 1},
		{"follow-ups in two villages an hour apart", func() []healthrecord.AuditEntry {
			a := entry("chronic.Visit", "v1", "T1", at(8, 9, 0, 0), "R1")
			b := entry("chronic.Visit", "v2", "T1", at(8, 10, 0, 0), "R2")
			b.Division = "410523001102"
			return []healthrecord.AuditEntry{a, b}
		}, integrity.Sources{}, integrity.RuleTwoPlaces, 0, 0},
		{"unattributed writes of a migration are not judged", func() (es []healthrecord.AuditEntry) {
			for i := range th.BurstCount {
				e := entry("healthrecord.Resident", fmt.Sprint("R", i), "", at(3, 23, 0, i), "")
				e.Actor = gongwei.Actor{}
				es = append(es, e)
			}
			return es
		}, integrity.Sources{}, integrity.RuleBurst, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			src.Audit = trail(t, tt.es())
			fs, err := integrity.Check(context.Background(), src, "410523", integrity.Thresholds{})
			if err != nil {
				t.Fatal(err)
			}
			got := count(fs, tt.rule)
			if len(got) != tt.want {
				t.Fatalf("%d findings of %s, want %d: %+v", len(got), tt.rule, tt.want, fs)
			}
			if tt.want > 0 && got[0].Count != tt.count {
				t.Errorf("Count = %d, want %d", got[0].Count, tt.count)
			}
		})
	}
}

func TestRulesOnReadings(t *testing.T) {
	ctx := context.Background()
	s := chronicmem.New()
	put := func(pid string, staff string, bps ...[3]int) {
		p := &chronic.Patient{ID: chronic.PatientID(pid), Resident: healthrecord.ResidentID("R" + pid), Village: healthrecord.Village(village),
			Condition: chronic.Hypertension, Version: 1}
		if err := s.PutPatient(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
		for i, bp := range bps {
			v := &chronic.Visit{ID: chronic.VisitID(fmt.Sprint(pid, "-", i)), Patient: p.ID, Resident: p.Resident, Version: 1,
				Provider:     healthrecord.Provider{Staff: healthrecord.StaffID(staff)},
				Hypertension: &chronic.HypertensionFollowUp{Date: gongwei.MustDate(2025, time.Month(1+3*i), 10), Systolic: bp[0], Diastolic: bp[1], HeartRate: bp[2]}}
			if err := s.PutVisit(ctx, v, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Two patients with the same three first readings (a clone); a third differing in
	// the third reading's heart rate only.
	put("P1", "V1", [3]int{142, 88, 72}, [3]int{138, 86, 70}, [3]int{135, 84, 75}, [3]int{131, 81, 70})
	put("P2", "V1", [3]int{142, 88, 72}, [3]int{138, 86, 70}, [3]int{135, 84, 75})
	put("P3", "V1", [3]int{142, 88, 72}, [3]int{138, 86, 70}, [3]int{135, 84, 76})
	// Constant: four equal blood pressures (heart rates vary).
	put("P4", "V2", [3]int{150, 90, 70}, [3]int{150, 90, 72}, [3]int{150, 90, 74}, [3]int{150, 90, 76})
	// V3 reads 20 patients' 2 visits: first systolics 130, 140 or 150, second ones
	// 2 higher, first diastolics 83 (80 once), second ones 80: 41 of 80 readings end
	// in 0 (51.25 %, at least the default 50 % over at least 40 readings).
	for i := range 20 {
		sbp, dbp := 130+10*(i%3), 83
		if i == 0 {
			dbp = 80
		}
		put(fmt.Sprint("Q", i), "V3", [3]int{sbp, dbp, 60 + i}, [3]int{sbp + 2, 80, 61 + i})
	}
	fs, err := integrity.Check(ctx, integrity.Sources{Audit: memstore.NewAudit(), Chronic: s}, "410523", integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	clones := count(fs, integrity.RuleClonedReadings)
	if len(clones) != 1 || clones[0].Count != 2 || clones[0].Records[0] != "chronic.Patient:P1" || clones[0].Records[1] != "chronic.Patient:P2" {
		t.Errorf("cloned readings %+v, want P1 and P2", clones)
	}
	constant := count(fs, integrity.RuleConstantReadings)
	if len(constant) != 1 || constant[0].Resident != "RP4" || constant[0].Count != 4 {
		t.Errorf("constant readings %+v, want RP4's 4 visits", constant)
	}
	digits := count(fs, integrity.RuleDigitPreference)
	if len(digits) != 1 || digits[0].Staff != "V3" || digits[0].Count != 41 {
		t.Errorf("digit preference %+v, want V3 with 41 readings ending in 0", digits)
	}
}

func TestCheckNeedsAudit(t *testing.T) {
	_, err := integrity.Check(context.Background(), integrity.Sources{}, "", integrity.Thresholds{})
	if !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("Check without an audit trail: %v, want ErrInvalid", err)
	}
}

func TestQuotaFigures(t *testing.T) {
	figs := []integrity.Figure{
		// 410523001101: 60 % of 85 needs 51 (50.999... rounds up): at quota; the
		// managed count equals the estimate: at quota. Flagged (2 figures).
		{Village: "410523001101", Indicator: "ht.bp_control", Numerator: 51, Denominator: 85, Target: 0.6},
		{Village: "410523001101", Indicator: "ht.management", Numerator: 212, Estimate: 212},
		{Village: "410523001101", Indicator: "record.coverage", Numerator: 900, Denominator: 1000, Target: 0.8},
		// 410523001102: one figure at quota only (90 % of 30 = 27).
		{Village: "410523001102", Indicator: "imm.coverage/MMR1", Numerator: 27, Denominator: 30, Target: 0.9},
		{Village: "410523001102", Indicator: "ht.bp_control", Numerator: 40, Denominator: 60, Target: 0.6},
		// 410523002101: two at quota but outside the township checked.
		{Village: "410523002101", Indicator: "a", Numerator: 6, Denominator: 10, Target: 0.6},
		{Village: "410523002101", Indicator: "b", Numerator: 9, Denominator: 10, Target: 0.9},
	}
	fs, err := integrity.Check(context.Background(), integrity.Sources{Audit: memstore.NewAudit(), Figures: figs}, "410523001", integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	q := count(fs, integrity.RuleQuota)
	if len(q) != 1 || q[0].Village != "410523001101" || q[0].Count != 2 ||
		q[0].Records[0] != "indicator:ht.bp_control" || q[0].Records[1] != "indicator:ht.management" {
		t.Errorf("quota findings %+v, want 410523001101's two figures", q)
	}
}

// TestPeople: the residents streamed with their trails and follow-ups (Sources.People)
// are checked in one pass: a closure by death counts for the resident's own records
// only, a host's registration for the whole pass, and residents outside the division
// checked are left out.
func TestPeople(t *testing.T) {
	person := func(id string, closed gongwei.Date, visits ...int) integrity.Person {
		arch, err := healthrecord.ParseArchiveNumber(id)
		if err != nil {
			t.Fatal(err)
		}
		p := integrity.Person{Resident: &healthrecord.Resident{ID: healthrecord.ResidentID(id), Archive: arch}}
		if !closed.IsZero() {
			p.Resident.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: closed}
		}
		for _, day := range visits {
			e := entry("chronic.Visit", fmt.Sprint(id, "-", day), "V1", at(day, 9, 0, 0), id)
			e.Division = gongwei.Division(id[:12])
			p.Trail = append(p.Trail, e)
		}
		return p
	}
	people := []integrity.Person{
		person("41052300110100001", gongwei.MustDate(2025, 3, 5), 4, 6, 7), // two visits after the closure's death
		person("41052300110100002", gongwei.Date{}, 6),                     // registered dead on 3 March
		person("41052300110100003", gongwei.Date{}, 6),                     // alive
		person("41052300210100001", gongwei.MustDate(2025, 3, 1), 6),       // outside the township
	}
	src := integrity.Sources{
		People: func(yield func(integrity.Person, error) bool) {
			for _, p := range people {
				if !yield(p, nil) {
					return
				}
			}
		},
		Deaths: []integrity.Death{{Resident: "41052300110100002", Date: gongwei.MustDate(2025, 3, 3)}},
	}
	fs, err := integrity.Check(context.Background(), src, "410523001", integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[healthrecord.ResidentID]int{}
	for _, f := range count(fs, integrity.RuleAfterDeath) {
		got[f.Resident] = f.Count
	}
	if want := map[healthrecord.ResidentID]int{"41052300110100001": 2, "41052300110100002": 1}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("services after death %v, want %v (all findings %+v)", got, want, fs)
	}
}

// TestClonedCheckups: checkups of different residents of one village alike in every
// measure are one finding; a measure apart, or one resident's two checkups alike, or a
// checkup missing a measure, are not.
func TestClonedCheckups(t *testing.T) {
	ctx := context.Background()
	s := memstore.New()
	on := gongwei.MustDate(2025, time.May, 6)
	put := func(i int, change func(*healthrecord.Checkup)) {
		r := recordfix.Resident(i)
		if _, err := s.Resident(ctx, r.ID); err != nil {
			if err := s.PutResident(ctx, r, 0); err != nil {
				t.Fatal(err)
			}
		}
		c := recordfix.Checkup(r, on.AddDays(i))
		if change != nil {
			change(c)
		}
		if err := s.PutCheckup(ctx, c, 0); err != nil {
			t.Fatal(err)
		}
	}
	put(1, nil)
	put(2, nil)
	put(3, func(c *healthrecord.Checkup) { w := *c.General.Waist + 0.5; c.General.Waist = &w })
	put(4, func(c *healthrecord.Checkup) { c.General.Respiration = nil })
	put(5, func(c *healthrecord.Checkup) { c.ID += "-2"; c.Date = on.AddDays(40) })
	put(5, nil)
	fs, err := integrity.Check(ctx, integrity.Sources{Audit: memstore.NewAudit(), Records: s}, "", integrity.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	got := count(fs, integrity.RuleClonedCheckups)
	if len(got) != 1 || got[0].Count != 3 || len(got[0].Records) != 3 {
		t.Fatalf("cloned checkups %+v, want residents 1, 2 and 5 once", got)
	}
}
