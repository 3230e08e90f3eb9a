package immunization_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

// failingTimeline refuses every event.
type failingTimeline struct{ err error }

func (t failingTimeline) RecordService(context.Context, healthrecord.ServiceEvent) error {
	return t.err
}

// TestTimelineFailure checks the one form of a timeline failure: the dose is saved and
// the error wraps ErrTimeline, healthrecord.ErrTimeline and the cause.
func TestTimelineFailure(t *testing.T) {
	ctx := context.Background()
	cause := errors.New("timeline store down")
	st := memstore.New()
	svc := immunization.New(st, immunization.Options{Records: failingTimeline{cause}, Unattributed: true})
	r := reg("R1", "110105001101", "张三", "2023-03-15")
	if err := svc.Register(ctx, r); err != nil {
		t.Fatal(err)
	}
	v := &immunization.Vaccination{ID: "v1", Resident: "R1", Dose: immunization.Dose{Vaccine: immunization.HepB, Date: r.Child.Birth}, Clinic: "C1", Giver: "G1"}
	err := svc.Vaccinate(ctx, v)
	for _, target := range []error{immunization.ErrTimeline, healthrecord.ErrTimeline, cause} {
		if !errors.Is(err, target) {
			t.Errorf("Vaccinate error %v does not wrap %v", err, target)
		}
	}
	if v.Version != 1 {
		t.Errorf("Version = %d, want 1 (the dose is saved)", v.Version)
	}
	got, err := svc.History(ctx, "R1")
	if err != nil || len(got) != 1 {
		t.Errorf("History = %v, %v; want the one saved dose", got, err)
	}
}
