package villageclinic_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"github.com/gongwei-lib/gongwei/villageclinic/memstore"
	"github.com/gongwei-lib/gongwei/villageclinic/villageclinictest"
)

var day = gongwei.MustDate(2025, time.April, 8)

func fields(t *testing.T, err error) map[string]gongwei.Code {
	t.Helper()
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("got %v, want a *gongwei.ValidationError", err)
	}
	m := map[string]gongwei.Code{}
	for _, f := range ve.Fields {
		m[f.Field] = f.Code
	}
	return m
}

func TestVisitValidate(t *testing.T) {
	v := villageclinictest.Visit("V1", villageclinictest.Village, day)
	v.Findings[0].Rectified = day.AddDays(-1)
	v.Findings = append(v.Findings, villageclinic.Finding{RectifyBy: day.AddDays(-2)})
	v.Village = "11010100100"
	v.Items = nil
	got := fields(t, v.Validate())
	want := map[string]gongwei.Code{
		"Village": gongwei.CodeFormat, "Items": gongwei.CodeRequired,
		"Findings[0].Rectified": gongwei.CodeOrder, "Findings[1].Area": gongwei.CodeRequired,
		"Findings[1].Problem": gongwei.CodeRequired, "Findings[1].RectifyBy": gongwei.CodeOrder,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	ok := villageclinictest.Visit("V1", villageclinictest.Village, day)
	if err := ok.Validate(); err != nil || ok.Rectified(day.AddDays(60)) {
		t.Errorf("valid visit: %v; rectified with nothing rectified", err)
	}
	ok.Findings[0].Rectified = day.AddDays(20)
	if !ok.Rectified(day.AddDays(20)) || ok.Rectified(day.AddDays(19)) {
		t.Error("Rectified on the day of the rectification")
	}
}

func TestTrainingValidateAndPass(t *testing.T) {
	tr := villageclinictest.Training("T1", villageclinictest.Township, day)
	if err := tr.Validate(); err != nil {
		t.Fatal(err)
	}
	if !tr.Passed(tr.Attendees[0]) || tr.Passed(tr.Attendees[1]) {
		t.Error("85 passes and 55 fails against the pass mark 60")
	}
	bad := tr.Clone()
	bad.PassMark = 0
	bad.Hours = 0
	bad.Attendees[1].Doctor = "D1"
	bad.Attendees[1].Attended = false
	bad.Attendees[0].Village = "110101002001"
	got := fields(t, bad.Validate())
	want := map[string]gongwei.Code{
		"Hours": gongwei.CodeOutOfRange, "PassMark": gongwei.CodeRequired,
		"Attendees[0].Village": gongwei.CodeNotAllowed, "Attendees[1].Doctor": gongwei.CodeDuplicate,
		"Attendees[1].Score": gongwei.CodeNotAllowed,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if err := (&villageclinic.Plan{Villages: nil}).Validate(); err == nil {
		t.Error("an empty plan is valid")
	}
}

func TestServiceSave(t *testing.T) {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "S01", Institution: "110101001", Within: "110101001"})
	svc := villageclinic.New(memstore.New(), villageclinic.Options{})
	if err := svc.SaveVisit(context.Background(), villageclinictest.Visit("V0", villageclinictest.Village, day)); !errors.Is(err, gongwei.ErrNoActor) {
		t.Errorf("a save without an actor: %v", err)
	}
	v := villageclinictest.Visit("V1", "１１０１０１００１００１", day)
	if err := svc.SaveVisit(ctx, v); err != nil || v.Version != 1 {
		t.Fatalf("save: %v, version %d", err, v.Version)
	}
	got, err := svc.Store().Visit(ctx, "V1")
	if err != nil || got.Village != villageclinictest.Village || got.Version != 1 {
		t.Errorf("stored %+v, %v", got, err)
	}
	stale := villageclinictest.Visit("V1", villageclinictest.Village, day)
	if err := svc.SaveVisit(ctx, stale); !errors.Is(err, gongwei.ErrConflict) {
		t.Errorf("stale save: %v", err)
	}
	tr := villageclinictest.Training("T1", villageclinictest.Township, day)
	tr.Topic = ""
	if err := svc.SaveTraining(ctx, tr); !errors.Is(err, gongwei.ErrInvalid) || tr.Version != 0 {
		t.Errorf("invalid save: %v, version %d", err, tr.Version)
	}
}

func Example() {
	ctx := context.Background()
	svc := villageclinic.New(memstore.New(), villageclinic.Options{Unattributed: true}) // a migration: no actor
	tr := villageclinictest.Training("T1", "110101001", gongwei.MustDate(2025, time.March, 6))
	if err := svc.SaveTraining(ctx, tr); err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range tr.Attendees {
		fmt.Println(a.Doctor, tr.Passed(a))
	}
	// Output:
	// D1 true
	// D2 false
}
