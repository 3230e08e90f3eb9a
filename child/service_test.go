package child_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	hrmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// setup returns a Service over a memstore, with a Registry holding resident R (the
// child) and M (the mother).
func setup(t *testing.T) (*child.Service, healthrecord.Store, *child.Child) {
	t.Helper()
	ctx := context.Background()
	hs := hrmem.New()
	reg := healthrecord.New(hs, healthrecord.Options{Unattributed: true})
	kid := recordtest.Resident(1)
	mum := recordtest.Resident(2)
	for _, r := range []*healthrecord.Resident{kid, mum} {
		r.Version = 0
		if err := reg.SaveResident(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	c := childtest.Child(1)
	c.ID, c.Resident, c.Mother, c.Version = "", kid.ID, mum.ID, 0
	c.DeathDate = gongwei.Date{}
	return child.NewService(memstore.New(), &child.ServiceOptions{Records: reg}), hs, c
}

func TestServiceSaveChildAndVisit(t *testing.T) {
	ctx := context.Background()
	sv, hs, c := setup(t)
	if err := sv.SaveChild(ctx, c); err != nil {
		t.Fatal(err)
	}
	if c.ID != child.ChildID(c.Resident) || c.Version != 1 {
		t.Fatalf("saved child: ID %q version %d", c.ID, c.Version)
	}
	// A second record for the same resident is a duplicate.
	dup := c.Clone()
	dup.ID, dup.Version = "other", 0
	if err := sv.SaveChild(ctx, dup); !errors.Is(err, gongwei.ErrDuplicate) {
		t.Errorf("duplicate: %v", err)
	}
	// Stale version.
	stale := c.Clone()
	stale.Version = 0
	if err := sv.SaveChild(ctx, stale); !errors.Is(err, gongwei.ErrConflict) {
		t.Errorf("stale: %v", err)
	}
	// Unknown resident and mother.
	bad := childtest.Child(5)
	bad.Version = 0
	err := sv.SaveChild(ctx, bad)
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) || !ve.Has("Resident", child.CodeUnknownResident) || !ve.Has("Mother", child.CodeUnknownResident) {
		t.Errorf("unknown resident: %v", err)
	}

	v := &child.Visit{Child: c.ID, Kind: child.Kind6m, Date: c.BirthDate.AddMonths(6), TCMGuidance: true,
		Measurement: child.Measurement{WeightKg: 7.5, LengthHeightCm: 66, Position: child.Recumbent}}
	if err := sv.SaveVisit(ctx, v); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(v.ID), "-m6") || v.Version != 1 {
		t.Errorf("visit ID %q version %d", v.ID, v.Version)
	}
	// Saving again (an update) does not fail on the timeline.
	v.HbGL = 110
	if err := sv.SaveVisit(ctx, v); err != nil || v.Version != 2 {
		t.Fatalf("update: %v %d", err, v.Version)
	}
	kinds := map[healthrecord.EventKind]int{}
	for e, err := range hs.Events(ctx, healthrecord.EventFilter{Resident: c.Resident}) {
		if err != nil {
			t.Fatal(err)
		}
		if e.Ref == string(v.ID) {
			kinds[e.Kind]++
		}
	}
	if kinds[child.EventChildCheckup] != 1 || kinds[healthrecord.EventTCM] != 1 {
		t.Errorf("timeline: %v", kinds)
	}
	// A visit before birth and a visit of an unknown child.
	early := &child.Visit{Child: c.ID, Kind: child.KindExtra, Date: c.BirthDate.AddDays(-1)}
	if err := sv.SaveVisit(ctx, early); !errors.As(err, &ve) || !ve.Has("Date", gongwei.CodeBeforeBirth) {
		t.Errorf("before birth: %v", err)
	}
	orphan := &child.Visit{Child: "nobody", Kind: child.KindExtra, Date: c.BirthDate}
	if err := sv.SaveVisit(ctx, orphan); !errors.As(err, &ve) || !ve.Has("Child", child.CodeUnknownChild) {
		t.Errorf("unknown child: %v", err)
	}

	items, err := sv.Schedule(ctx, c.ID, c.BirthDate.AddMonths(7))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Kind == child.Kind6m && (it.Task == child.TaskVisit || it.Task == child.TaskTCM || it.Task == child.TaskHb) && it.Status != child.Done {
			t.Errorf("6m %s: %v", it.Task, it.Status)
		}
	}
	h, err := sv.HighRiskOn(ctx, c.ID, c.BirthDate.AddMonths(7), child.WHOCutoffs)
	if err != nil || h.Is() {
		t.Errorf("high risk: %+v %v", h, err)
	}
}

// TestValidateAllAtOnce: every problem is reported, and no personal value appears in
// the error.
func TestValidateAllAtOnce(t *testing.T) {
	c := &child.Child{
		Resident:       "110105199001011234",
		Mother:         "110105199001011234",
		Village:        "13800138000",
		Sex:            gongwei.SexUnknown,
		BirthDate:      gongwei.MustDate(2024, time.May, 1),
		DischargeDate:  gongwei.MustDate(2024, time.April, 30),
		GestationWeeks: 50,
		GestationDays:  9,
		BirthWeightG:   9000,
		Defects:        []string{"张三"[:0]},
	}
	err := c.Validate()
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("%v", err)
	}
	for _, f := range []struct {
		field string
		code  gongwei.Code
	}{
		{"Village", gongwei.CodeFormat}, {"Mother", gongwei.CodeNotAllowed}, {"Sex", child.CodeSex},
		{"DischargeDate", gongwei.CodeBeforeBirth}, {"GestationWeeks", gongwei.CodeOutOfRange},
		{"GestationDays", gongwei.CodeOutOfRange}, {"BirthWeightG", gongwei.CodeOutOfRange}, {"Defects[0]", gongwei.CodeRequired},
	} {
		if !ve.Has(f.field, f.code) {
			t.Errorf("missing %s %s in %v", f.field, f.code, err)
		}
	}
	for _, pii := range []string{"110105199001011234", "13800138000", "9000", "50"} {
		if strings.Contains(err.Error(), pii) {
			t.Errorf("error contains a personal value %q: %v", pii, err)
		}
	}
	v := &child.Visit{Child: "110105199001011234", Kind: "m7", Measurement: child.Measurement{WeightKg: 99}, HbGL: 500, Teeth: 2, Caries: 3}
	err = v.Validate()
	if !errors.As(err, &ve) || !ve.Has("Kind", gongwei.CodeUnknownCode) || !ve.Has("Date", gongwei.CodeRequired) ||
		!ve.Has("Measurement.WeightKg", gongwei.CodeOutOfRange) || !ve.Has("HbGL", gongwei.CodeOutOfRange) || !ve.Has("Caries", gongwei.CodeOutOfRange) {
		t.Errorf("visit: %v", err)
	}
	if strings.Contains(err.Error(), "110105199001011234") {
		t.Errorf("visit error contains the child ID: %v", err)
	}
}
