package gongwei_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/supervision"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

// TestEveryServiceWriteNamesItsActor makes one write through each service with no actor,
// with an actor of another village and with one of the record's own township: the first
// two fail (gongwei.ErrNoActor, a *gongwei.JurisdictionError) and leave no audit entry,
// the last succeeds and leaves exactly one, naming the actor.
func TestEveryServiceWriteNamesItsActor(t *testing.T) {
	const village = "110105001101"
	writes := []struct {
		kind  string
		write func(ctx context.Context, audit healthrecord.AuditStore) error
	}{
		{"healthrecord.Resident", func(ctx context.Context, a healthrecord.AuditStore) error {
			return healthrecord.New(memstore.New(), healthrecord.Options{Audit: a}).SaveResident(ctx, recordtest.Resident(1))
		}},
		{"chronic.Patient", func(ctx context.Context, a healthrecord.AuditStore) error {
			return chronic.New(chronicmem.New(), chronic.Options{Audit: a}).Register(ctx, chronictest.Patient(1, chronic.Hypertension))
		}},
		{"immunization.Registration", func(ctx context.Context, a healthrecord.AuditStore) error {
			return immunization.New(immunizationmem.New(), immunization.Options{Audit: a}).Register(ctx, immunizationtest.Registration(1, village))
		}},
		{"immunization.AEFIReport", func(ctx context.Context, a healthrecord.AuditStore) error {
			s := immunizationmem.New()
			if err := s.PutRegistration(context.Background(), immunizationtest.Registration(1, village), 0); err != nil {
				return err
			}
			return immunization.New(s, immunization.Options{Audit: a}).AEFI(immunizationmem.NewClinic()).Report(ctx, immunizationtest.AEFIReport(1, village))
		}},
		{"supervision.Unit", func(ctx context.Context, a healthrecord.AuditStore) error {
			return supervision.New(supervisionmem.New(), supervision.Options{Audit: a}).SaveUnit(ctx, supervisiontest.Unit("U1", village))
		}},
		{"education.Activity", func(ctx context.Context, a healthrecord.AuditStore) error {
			return education.New(educationmem.New(), education.Options{Audit: a}).Save(ctx,
				educationtest.Activity("A1", village, education.KindLecture, "", gongwei.MustDate(2025, 3, 1)))
		}},
	}
	other := gongwei.Actor{Staff: "V9", Institution: "110105002101", Within: "110105002101"}
	own := gongwei.Actor{Staff: "T1", Institution: "110105001000", Within: "110105001"}
	for _, w := range writes {
		t.Run(w.kind, func(t *testing.T) {
			bg := context.Background()
			for _, tt := range []struct {
				name   string
				ctx    context.Context
				target error
			}{
				{"no actor", bg, gongwei.ErrNoActor},
				{"another village's actor", gongwei.WithActor(bg, other), gongwei.ErrOutsideJurisdiction},
				{"the township's actor", gongwei.WithActor(bg, own), nil},
			} {
				a := memstore.NewAudit()
				err := w.write(tt.ctx, a)
				entries := 0
				for e, err := range a.Audit(bg, healthrecord.AuditFilter{}) {
					if err != nil {
						t.Fatal(err)
					}
					entries++
					if e.Kind != w.kind || e.Actor != own || e.Op != healthrecord.AuditCreate || e.After != 1 {
						t.Errorf("%s: entry %+v", tt.name, e)
					}
				}
				switch {
				case tt.target == nil && (err != nil || entries != 1):
					t.Errorf("%s: %v with %d entries, want success and 1", tt.name, err, entries)
				case tt.target != nil && (!errors.Is(err, tt.target) || entries != 0):
					t.Errorf("%s: %v with %d entries, want %v and none", tt.name, err, entries, tt.target)
				}
			}
		})
	}
}

// TestReadsWithinJurisdiction reads a patient through the chronic service as an actor of
// its village, of its township and of another village: the last gets a
// *gongwei.JurisdictionError and no record.
func TestReadsWithinJurisdiction(t *testing.T) {
	bg := context.Background()
	svc := chronic.New(chronicmem.New(), chronic.Options{Unattributed: true})
	p := chronictest.Patient(1, chronic.Hypertension) // village 110105001101
	if err := svc.Register(bg, p); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		within gongwei.Division
		ok     bool
	}{{"110105001101", true}, {"110105001", true}, {"110105", true}, {"110105001102", false}, {"110106", false}} {
		ctx := gongwei.WithActor(bg, gongwei.Actor{Staff: "S1", Within: tt.within})
		got, err := svc.Patient(ctx, p.ID)
		var je *gongwei.JurisdictionError
		if tt.ok != (err == nil && got != nil) || !tt.ok && (!errors.As(err, &je) || got != nil || je.Record != "110105001101") {
			t.Errorf("actor within %s: %v, %v", tt.within, got, err)
		}
	}
}

// TestTimelineAudit: an event a host records on the timeline itself has its audit entry;
// the events a service appends after its own write (AppendServices) add none, since that
// write has its entry.
func TestTimelineAudit(t *testing.T) {
	own := gongwei.Actor{Staff: "T1", Institution: "110105001000", Within: "110105001"}
	ctx := gongwei.WithActor(context.Background(), own)
	a := memstore.NewAudit()
	reg := healthrecord.New(memstore.New(), healthrecord.Options{Audit: a})
	r := recordtest.Resident(1)
	if err := reg.SaveResident(ctx, r); err != nil {
		t.Fatal(err)
	}
	direct := healthrecord.ServiceEvent{Resident: r.ID, Kind: healthrecord.EventBasicInfo, Date: r.Created, Ref: "host-1"}
	if err := reg.RecordService(ctx, direct); err != nil {
		t.Fatal(err)
	}
	byService := healthrecord.ServiceEvent{Resident: r.ID, Kind: healthrecord.EventBasicInfo, Date: r.Created, Ref: "service-1"}
	if err := healthrecord.AppendServices(ctx, reg, nil, byService); err != nil {
		t.Fatal(err)
	}
	var kinds, ids []string
	for e, err := range a.Audit(context.Background(), healthrecord.AuditFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		kinds, ids = append(kinds, e.Kind), append(ids, e.ID)
	}
	want := []string{"healthrecord.Resident", "healthrecord.ServiceEvent"}
	if len(kinds) != 2 || kinds[0] != want[0] || kinds[1] != want[1] || ids[1] != string(healthrecord.EventBasicInfo)+"/host-1" {
		t.Fatalf("audit entries %v %v, want %v with the host's event", kinds, ids, want)
	}
}
