package healthrecord_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// problems returns the "Field code" pairs of a validation error.
func problems(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *gongwei.ValidationError", err)
	}
	if !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("error does not wrap gongwei.ErrInvalid")
	}
	out := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		out[i] = f.Field + " " + string(f.Code)
	}
	return out
}

func wantProblems(t *testing.T, err error, want ...string) {
	t.Helper()
	got := problems(t, err)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing problem %q; got %v", w, got)
		}
	}
	if len(want) == 0 && len(got) > 0 {
		t.Errorf("unexpected problems %v", got)
	}
}

func TestResidentValidate(t *testing.T) {
	on := gongwei.MustDate(2024, 6, 1)
	tests := []struct {
		name   string
		mutate func(r *healthrecord.Resident)
		want   []string
	}{
		{"fixture is valid", func(r *healthrecord.Resident) {}, nil},
		{"name required", func(r *healthrecord.Resident) { r.Name = "  " }, []string{"Name required"}},
		{"sex code", func(r *healthrecord.Resident) { r.Sex = 3 }, []string{"Sex unknown_code"}},
		{"birth required", func(r *healthrecord.Resident) { r.BirthDate = gongwei.Date{} }, []string{"BirthDate required"}},
		{"archive required", func(r *healthrecord.Resident) { r.Archive = healthrecord.ArchiveNumber{} }, []string{"Archive required"}},
		{"birth differs from ID", func(r *healthrecord.Resident) { r.BirthDate = r.BirthDate.AddDays(1) }, []string{"BirthDate resident.id_birth"}},
		{"sex differs from ID", func(r *healthrecord.Resident) {
			r.Sex = map[gongwei.Sex]gongwei.Sex{gongwei.Male: gongwei.Female, gongwei.Female: gongwei.Male}[r.Sex]
		}, []string{"Sex resident.id_sex"}},
		{"sex unknown with ID", func(r *healthrecord.Resident) { r.Sex = gongwei.SexUnknown }, []string{"Sex resident.id_sex"}},
		{"no ID, any consistent data", func(r *healthrecord.Resident) {
			r.IDNumber = healthrecord.IDNumber{}
			r.Sex = gongwei.SexUnspecified
		}, nil},
		{"created before birth", func(r *healthrecord.Resident) {
			r.Created = r.BirthDate.AddDays(-1)
			r.Info.Updated = gongwei.Date{}
		}, []string{"Created before_birth"}},
		{"form changed before creation", func(r *healthrecord.Resident) { r.Info.Updated = r.Created.AddDays(-1) }, []string{"Info.Updated order"}},
		{"residence required of adults", func(r *healthrecord.Resident) { r.Info.Residence = "" }, []string{"Info.Residence required"}},
		{"open record with closure data", func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Date: on, Cause: "x", Destination: "y"}
		}, []string{"Closure.Date not_allowed", "Closure.Cause not_allowed", "Closure.Destination not_allowed"}},
		{"death needs date and cause", func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Destination: "y"}
		}, []string{"Closure.Date required", "Closure.Cause required", "Closure.Destination not_allowed"}},
		{"move-out needs destination", func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedMovedOut, Date: on, Cause: "x"}
		}, []string{"Closure.Destination required", "Closure.Cause not_allowed"}},
		{"closure before creation", func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedLost, Date: r.Created.AddDays(-1)}
		}, []string{"Closure.Date order"}},
		{"closure reason", func(r *healthrecord.Resident) { r.Closure = healthrecord.Closure{Reason: 9, Date: on} }, []string{"Closure.Reason unknown_code"}},
		{"valid death", func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: on, Cause: "脑卒中"}
		}, nil},
		{"valid move-out", func(r *healthrecord.Resident) {
			r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedMovedOut, Date: on, Destination: "上海市"}
		}, nil},
		{"tags", func(r *healthrecord.Resident) {
			r.Tags = []healthrecord.Tag{healthrecord.TagDiabetes, "vip", healthrecord.TagDiabetes}
		}, []string{"Tags[1] unknown_code", "Tags[2] duplicate"}},
		{"form is checked", func(r *healthrecord.Resident) {
			r.Info.Exposures = []healthrecord.Exposure{healthrecord.ExposureNone, healthrecord.ExposurePoisons}
		}, []string{"Info.Exposures[0] not_allowed"}},
		{"hand-made phone", func(r *healthrecord.Resident) {
			_ = r.Info.Phone.UnmarshalText([]byte("010 12345678"))
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := recordtest.Resident(7)
			tt.mutate(r)
			wantProblems(t, r.Validate(), tt.want...)
		})
	}
}

// TestResidentValidateEveryProblemAtOnce: five mistakes give five problems.
func TestResidentValidateEveryProblemAtOnce(t *testing.T) {
	r := recordtest.Resident(3)
	r.Name = ""
	r.Archive = healthrecord.ArchiveNumber{}
	r.BirthDate = r.BirthDate.AddDays(2)
	r.Info.ABO = "9"
	r.Info.DrugAllergies = []healthrecord.DrugAllergy{healthrecord.AllergyNone, healthrecord.AllergyPenicillin}
	r.Info.DrugAllergyOther = ""
	got := problems(t, r.Validate())
	if len(got) != 5 {
		t.Errorf("got %d problems %v, want 5", len(got), got)
	}
}

// TestChildrenDoNotFillTheForm: data-standards §3.1 "children 0-6 do not fill this form".
func TestChildrenDoNotFillTheForm(t *testing.T) {
	c := recordtest.Child(5)
	if err := c.Validate(); err != nil {
		t.Fatalf("child: %v", err)
	}
	if m := c.Missing(c.Created); len(m) != 0 {
		t.Errorf("child Missing = %v", m)
	}
	if !c.Complete(c.Created) {
		t.Error("child record not complete")
	}
	// Aged 6 on the form date: still exempt. Aged 7: the form is demanded.
	c.BirthDate = gongwei.MustDate(2017, 3, 2)
	c.IDNumber = healthrecord.IDNumber{}
	if !c.IsChildOn(c.Created) {
		t.Error("6-year-old is not a child")
	}
	if err := c.Validate(); err != nil {
		t.Errorf("6-year-old: %v", err)
	}
	c.BirthDate = gongwei.MustDate(2017, 3, 1)
	if c.IsChildOn(c.Created) {
		t.Error("7-year-old is a child")
	}
	wantProblems(t, c.Validate(), "Info.Residence required")
	if m := c.Missing(c.Created); !slices.Contains(m, "Info.Family.Father") {
		t.Errorf("7-year-old Missing = %v", m)
	}
	// A child's form, if filled, is still checked.
	c = recordtest.Child(5)
	c.Info.Disabilities = []healthrecord.Disability{"0"}
	wantProblems(t, c.Validate(), "Info.Disabilities[0] unknown_code")
}

func TestResidentMissing(t *testing.T) {
	r := recordtest.Resident(11)
	on := gongwei.MustDate(2024, 12, 31)
	if m := r.Missing(on); len(m) != 0 {
		t.Fatalf("fixture Missing = %v", m)
	}
	if !r.Complete(on) {
		t.Fatal("fixture not complete")
	}
	r.Address = ""
	r.Info = healthrecord.BasicInfo{Residence: healthrecord.ResidenceRegistered}
	got := r.Missing(on)
	want := []string{"Address", "Info.Ethnicity", "Info.ABO", "Info.Rh", "Info.Education", "Info.Occupation",
		"Info.Marital", "Info.Payments", "Info.DrugAllergies", "Info.Exposures", "Info.Illnesses",
		"Info.Operations.Flag", "Info.Injuries.Flag", "Info.Transfusions.Flag", "Info.Family.Father",
		"Info.Family.Mother", "Info.Family.Siblings", "Info.Family.Children", "Info.Hereditary.Flag",
		"Info.Disabilities", "Info.Living.Kitchen", "Info.Living.Fuel", "Info.Living.Water",
		"Info.Living.Toilet", "Info.Living.Livestock"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Missing =\n%v\nwant\n%v", got, want)
	}
	if r.Complete(on) {
		t.Error("incomplete record is complete")
	}
	// Completeness needs validity too.
	r = recordtest.Resident(11)
	r.Info.Rh = "7"
	if r.Complete(on) {
		t.Error("invalid record is complete")
	}
	var empty healthrecord.BasicInfo
	if !empty.IsEmpty() || len(empty.Missing()) != 25 {
		t.Errorf("empty form: IsEmpty %v, %d missing", empty.IsEmpty(), len(empty.Missing()))
	}
	if recordtest.Resident(1).Info.IsEmpty() {
		t.Error("fixture form is empty")
	}
}

// TestValidationErrorsHoldNoPersonalData: data go-style §8.9, no name, ID number or phone
// in any error text, in any language.
func TestValidationErrorsHoldNoPersonalData(t *testing.T) {
	r := recordtest.Resident(4321)
	r.Name = "张三丰"
	r.BirthDate = r.BirthDate.AddDays(1)
	r.Info.ContactName = "李四光"
	r.Info.Hereditary = healthrecord.HereditaryHistory{Flag: healthrecord.HistoryNone, Disease: "血友病"}
	r.Info.DrugAllergyOther = ""
	r.Info.Illnesses[1].Detail = ""
	err := r.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	var ve *gongwei.ValidationError
	errors.As(err, &ve)
	texts := append([]string{err.Error()}, ve.Messages(language.English)...)
	texts = append(texts, ve.Messages(language.TraditionalChinese)...)
	secrets := []string{r.Name, r.IDNumber.String(), r.IDNumber.String()[6:14], r.Info.Phone.String(),
		r.Info.ContactPhone.String(), "李四光", "血友病", r.Archive.String(), r.BirthDate.String()}
	for _, text := range texts {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("error text %q contains personal value %q", text, s)
			}
		}
	}
}

// TestResidentClone changes every slice of the copy and checks the original is intact.
func TestResidentClone(t *testing.T) {
	r := recordtest.Resident(9)
	orig := recordtest.Resident(9)
	c := r.Clone()
	if !reflect.DeepEqual(c, r) {
		t.Fatal("clone differs")
	}
	mutateSlices(reflect.ValueOf(c).Elem())
	if !reflect.DeepEqual(r, orig) {
		t.Error("changing the clone changed the original")
	}
	if reflect.DeepEqual(c, orig) {
		t.Error("mutateSlices changed nothing")
	}
}

// mutateSlices overwrites the first element of every non-empty slice reachable from v.
func mutateSlices(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				mutateSlices(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			mutateSlices(v.Index(i))
		}
		if v.Len() > 0 && v.Index(0).CanSet() {
			e := v.Index(0)
			switch e.Kind() {
			case reflect.String:
				e.SetString(e.String() + "!")
			}
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "~")
		}
	}
}

func TestResidentActiveOn(t *testing.T) {
	r := recordtest.Resident(2)
	if r.ActiveOn(r.Created.AddDays(-1)) || !r.ActiveOn(r.Created) {
		t.Error("ActiveOn around creation")
	}
	r.Closure = healthrecord.Closure{Reason: healthrecord.ClosedDeath, Date: gongwei.MustDate(2024, 6, 1), Cause: "x"}
	if !r.ActiveOn(gongwei.MustDate(2024, 5, 31)) || r.ActiveOn(gongwei.MustDate(2024, 6, 1)) {
		t.Error("ActiveOn around closure")
	}
	if !r.HasTag(healthrecord.TagHypertension) || r.HasTag(healthrecord.TagPoor) {
		t.Error("HasTag")
	}
}
