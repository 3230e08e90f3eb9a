package villageclinic_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

func TestExampleDivision(t *testing.T) {
	d := villageclinic.ExampleDivision()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(d.Assignments) != len(villageclinic.Tasks) {
		t.Errorf("%d assignments for %d tasks", len(d.Assignments), len(villageclinic.Tasks))
	}
	// nbphs-spec §4.1: the full-month visit at the township centre, the infant checks at
	// the centre or a remote village's clinic; §5.1: the 42-day check at the centre.
	for task, want := range map[villageclinic.Task]villageclinic.Level{
		villageclinic.TaskChildFullMonth:  villageclinic.Township,
		villageclinic.TaskChildInfant:     villageclinic.Either,
		villageclinic.TaskPostpartumCheck: villageclinic.Township,
		villageclinic.TaskTCM:             villageclinic.Either,
	} {
		if got, ok := d.Who(task); !ok || got != want {
			t.Errorf("%s: %v %v, want %v", task, got, ok, want)
		}
	}
	if d.VillageSharePercent != 40 || d.ShareSource == "" {
		t.Errorf("share %d%% (%q), want the national notices' 40%%", d.VillageSharePercent, d.ShareSource)
	}
	if _, ok := (&villageclinic.Division{}).Who(villageclinic.TaskTCM); ok {
		t.Error("an empty division assigns a task")
	}
}

func TestDivisionValidate(t *testing.T) {
	d := &villageclinic.Division{
		Assignments: []villageclinic.Assignment{
			{Task: "x", By: villageclinic.Village, Source: "s"},
			{Task: villageclinic.TaskTCM, By: 9},
			{Task: villageclinic.TaskTCM, By: villageclinic.Township, Source: "s"},
			{By: villageclinic.Township, Source: "s"},
		},
		VillageSharePercent: 140,
		Institutions:        map[string]villageclinic.Level{"": villageclinic.Either},
	}
	got := fields(t, d.Validate())
	want := map[string]gongwei.Code{
		"Assignments[0].Task": gongwei.CodeUnknownCode, "Assignments[1].By": gongwei.CodeUnknownCode,
		"Assignments[1].Source": gongwei.CodeRequired, "Assignments[2].Task": gongwei.CodeDuplicate,
		"Assignments[3].Task": gongwei.CodeRequired, "VillageSharePercent": gongwei.CodeOutOfRange,
		"ShareSource": gongwei.CodeRequired, "Institutions": gongwei.CodeUnknownCode,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if err := (&villageclinic.Division{}).Validate(); err == nil {
		t.Error("a division without assignments is valid")
	}
}

func TestLevelOf(t *testing.T) {
	d := &villageclinic.Division{Institutions: map[string]villageclinic.Level{"H-0007": villageclinic.Village}}
	for _, c := range []struct {
		inst string
		want villageclinic.Level
	}{
		{"110101001101", villageclinic.Village},
		{"110101001000", villageclinic.Township},
		{"110101001", villageclinic.Township},
		{"H-0007", villageclinic.Village},
		{"H-0008", villageclinic.LevelUnknown},
		{"", villageclinic.LevelUnknown},
		{"11010100110", villageclinic.LevelUnknown},
		{"１１０１０１００１１０１", villageclinic.LevelUnknown}, // not normalised: the timeline holds normalised codes
	} {
		if got := d.LevelOf(c.inst); got != c.want {
			t.Errorf("LevelOf(%q) = %v, want %v", c.inst, got, c.want)
		}
	}
	if villageclinic.Either.String() != "either" || villageclinic.Level(7).String() != "" || villageclinic.Level(7).IsValid() {
		t.Error("Level's String and IsValid")
	}
}

// TestTaskOf checks the child tasks by age (nbphs-spec §4.1: the full-month visit, the
// checks from 3 to 36 months, the pre-school checks at 4-6 years) and the kinds that are
// not tasks.
func TestTaskOf(t *testing.T) {
	birth := gongwei.MustDate(2023, time.January, 15)
	for _, c := range []struct {
		kind healthrecord.EventKind
		on   gongwei.Date
		want villageclinic.Task
		ok   bool
	}{
		{"child_checkup", birth.AddDays(29), villageclinic.TaskChildFullMonth, true},
		{"child_checkup", gongwei.MustDate(2023, time.April, 15), villageclinic.TaskChildInfant, true},
		{"child_checkup", gongwei.MustDate(2026, time.January, 14), villageclinic.TaskChildInfant, true},
		{"child_checkup", gongwei.MustDate(2027, time.January, 15), villageclinic.TaskChildPreschool, true},
		{"child_checkup", birth.AddDays(-1), "", false},
		{"hypertension_follow_up", birth, villageclinic.TaskHypertension, true},
		{healthrecord.EventCheckup, birth, villageclinic.TaskElderlyCheckup, true},
		{healthrecord.EventConsultation, birth, "", false},
	} {
		got, ok := villageclinic.TaskOf(c.kind, birth, c.on)
		if got != c.want || ok != c.ok {
			t.Errorf("TaskOf(%s, %v) = %q %v, want %q %v", c.kind, c.on, got, ok, c.want, c.ok)
		}
	}
	if _, ok := villageclinic.TaskOf("child_checkup", gongwei.Date{}, birth); ok {
		t.Error("a child checkup without the birth date has a task")
	}
}

func ExampleExampleDivision() {
	d := villageclinic.ExampleDivision()
	birth := gongwei.MustDate(2024, time.March, 2)
	for _, s := range []struct {
		kind        healthrecord.EventKind
		on          gongwei.Date
		institution string
	}{
		{"child_checkup", gongwei.MustDate(2024, time.April, 1), "410523001000"}, // the full-month visit at the centre
		{"child_checkup", gongwei.MustDate(2025, time.March, 5), "410523001101"}, // the 12-month check in the village
		{"hypertension_follow_up", gongwei.MustDate(2025, time.March, 5), "410523001101"},
	} {
		task, _ := villageclinic.TaskOf(s.kind, birth, s.on)
		by, _ := d.Who(task)
		fmt.Println(task, "assigned to", by, "given by", d.LevelOf(s.institution))
	}
	fmt.Printf("village share %d%%\n", d.VillageSharePercent)
	// Output:
	// child_full_month assigned to township given by township
	// child_infant assigned to either given by village
	// hypertension assigned to village given by village
	// village share 40%
}
