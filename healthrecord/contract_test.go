package healthrecord_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"golang.org/x/text/language"
)

func TestContractValidate(t *testing.T) {
	r := recordtest.Resident(1)
	valid := func() *healthrecord.Contract { return recordtest.Contract(r, d(2024, 1, 1)) }
	for _, c := range []struct {
		name   string
		change func(*healthrecord.Contract)
		want   []string
	}{
		{"valid fixture", func(*healthrecord.Contract) {}, nil},
		{"empty", func(c *healthrecord.Contract) { *c = healthrecord.Contract{} }, []string{
			"ID required", "Resident required", "Team required", "Doctor required", "Signed required",
			"Period.Start required", "Period.End required",
		}},
		{"period ends on its start", func(c *healthrecord.Contract) { c.Period.End = c.Period.Start }, []string{"Period.End order"}},
		{"period starts before signing", func(c *healthrecord.Contract) { c.Period.Start = c.Signed.AddDays(-1) }, []string{"Period.Start order"}},
		{"period starts after signing", func(c *healthrecord.Contract) { c.Period.Start = c.Signed.AddDays(3) }, nil},
		{"members", func(c *healthrecord.Contract) {
			c.Members = append(c.Members,
				healthrecord.TeamMember{Staff: "D001", Role: healthrecord.RoleNurse},
				healthrecord.TeamMember{Role: "cook"},
				healthrecord.TeamMember{Staff: "X"},
			)
		}, []string{"Members[3].Staff duplicate", "Members[4].Staff required", "Members[4].Role unknown_code", "Members[5].Role required"}},
		{"tags", func(c *healthrecord.Contract) {
			c.Tags = []healthrecord.Tag{healthrecord.TagPoor, "vip", healthrecord.TagPoor}
		}, []string{"Tags[1] unknown_code", "Tags[2] duplicate"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			k := valid()
			c.change(k)
			if got := problems(t, k.Validate()); !slices.Equal(got, c.want) {
				t.Errorf("problems = %q, want %q", got, c.want)
			}
		})
	}
}

func TestContractActiveOn(t *testing.T) {
	k := recordtest.Contract(recordtest.Resident(1), d(2024, 3, 15)) // [2024-03-15, 2025-03-15)
	for _, c := range []struct {
		on   gongwei.Date
		want bool
	}{
		{d(2024, 3, 14), false},
		{d(2024, 3, 15), true},
		{d(2025, 3, 14), true},
		{d(2025, 3, 15), false},
		{gongwei.Date{}, false},
	} {
		if got := k.ActiveOn(c.on); got != c.want {
			t.Errorf("ActiveOn(%s) = %v, want %v", c.on, got, c.want)
		}
	}
}

func TestContractClone(t *testing.T) {
	k := recordtest.Contract(recordtest.Resident(1), d(2024, 1, 1))
	c := k.Clone()
	if !reflect.DeepEqual(c, k) {
		t.Fatalf("Clone differs: %+v", c)
	}
	c.Members[0].Staff = "Z"
	c.Tags[0] = healthrecord.TagPoor
	if k.Members[0].Staff == "Z" || k.Tags[0] == healthrecord.TagPoor {
		t.Error("Clone shares memory with the original")
	}
}

func TestServiceEventValidate(t *testing.T) {
	ok := recordtest.Event(recordtest.Resident(1), healthrecord.EventCheckup, d(2024, 1, 1))
	if err := ok.Validate(); err != nil {
		t.Errorf("valid fixture: %v", err)
	}
	got := problems(t, healthrecord.ServiceEvent{}.Validate())
	want := []string{"Resident required", "Kind required", "Date required"}
	if !slices.Equal(got, want) {
		t.Errorf("empty event: problems = %q, want %q", got, want)
	}
	bad := ok
	bad.Kind = "haircut"
	if got := problems(t, bad.Validate()); !slices.Equal(got, []string{"Kind unknown_code"}) {
		t.Errorf("unknown kind: problems = %q", got)
	}
}

// Every message key this part of the package registers renders in every language,
// differently from the key itself.
func TestStoreMessages(t *testing.T) {
	n := 0
	for _, key := range gongwei.MessageKeys() {
		if !strings.HasPrefix(key, "store.") && !strings.HasPrefix(key, "contract.") && !strings.HasPrefix(key, "timeline.") {
			continue
		}
		n++
		for _, tag := range gongwei.Languages {
			if got := gongwei.NewPrinter(tag).Sprintf(key); got == "" || got == key {
				t.Errorf("%s in %s: %q", key, tag, got)
			}
		}
	}
	if want := 2 + len(healthrecord.EventKinds()) + len(healthrecord.TeamRoles()); n != want {
		t.Errorf("%d keys registered, want %d", n, want)
	}
	for _, k := range healthrecord.EventKinds() {
		if k.Label(language.English) == k.Label(language.SimplifiedChinese) {
			t.Errorf("kind %s: same label in English and Chinese", k)
		}
	}
	if got := healthrecord.EventCheckup.Label(language.SimplifiedChinese); got != "健康体检" {
		t.Errorf("EventCheckup label = %q", got)
	}
	if got := healthrecord.RoleVillageDoctor.Label(language.TraditionalChinese); got != "鄉村醫生" {
		t.Errorf("RoleVillageDoctor label = %q", got)
	}
}

func ExampleContract_ActiveOn() {
	k := recordtest.Contract(recordtest.Resident(1), gongwei.MustDate(2024, 3, 15))
	fmt.Println(k.Period)
	fmt.Println(k.ActiveOn(gongwei.MustDate(2025, 3, 14)), k.ActiveOn(gongwei.MustDate(2025, 3, 15)))
	// Output:
	// [2024-03-15, 2025-03-15)
	// true false
}
