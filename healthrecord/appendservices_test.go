package healthrecord_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// timelineFunc is a Timeline answering each event with the error fail gives.
type timelineFunc struct {
	fail func(healthrecord.ServiceEvent) error
	got  []string
}

func (t *timelineFunc) RecordService(_ context.Context, e healthrecord.ServiceEvent) error {
	t.got = append(t.got, e.Ref)
	return t.fail(e)
}

func TestAppendServices(t *testing.T) {
	errStore := errors.New("store down")
	errSvc := fmt.Errorf("svc: %w", healthrecord.ErrTimeline)
	events := []healthrecord.ServiceEvent{{Ref: "a"}, {Ref: "b"}, {Ref: "c"}}
	tests := []struct {
		name     string
		fail     map[string]error
		svc      error
		wantNil  bool
		wantMsg  string
		wantSvc  bool
		wantCaus bool
	}{
		{name: "all appended", wantNil: true},
		{name: "repeats ignored", fail: map[string]error{"a": gongwei.ErrDuplicate, "c": fmt.Errorf("x: %w", gongwei.ErrDuplicate)}, wantNil: true},
		{name: "one failure, service sentinel", fail: map[string]error{"b": errStore}, svc: errSvc,
			wantMsg: "svc: healthrecord: record saved, timeline not updated: store down", wantSvc: true, wantCaus: true},
		{name: "one failure, no service sentinel", fail: map[string]error{"b": errStore},
			wantMsg: "healthrecord: record saved, timeline not updated: store down", wantCaus: true},
		{name: "two failures, one of them a repeat", fail: map[string]error{"a": errStore, "b": gongwei.ErrDuplicate, "c": errStore}, svc: errSvc,
			wantMsg: "svc: healthrecord: record saved, timeline not updated: store down\nstore down", wantSvc: true, wantCaus: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := &timelineFunc{fail: func(e healthrecord.ServiceEvent) error { return tt.fail[e.Ref] }}
			err := healthrecord.AppendServices(context.Background(), tl, tt.svc, events...)
			if len(tl.got) != len(events) {
				t.Fatalf("events tried = %v, want all %d", tl.got, len(events))
			}
			if tt.wantNil {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			if err == nil || err.Error() != tt.wantMsg {
				t.Fatalf("err = %v, want %q", err, tt.wantMsg)
			}
			if !errors.Is(err, healthrecord.ErrTimeline) {
				t.Errorf("err does not wrap healthrecord.ErrTimeline")
			}
			if errors.Is(err, errSvc) != tt.wantSvc {
				t.Errorf("errors.Is(err, service sentinel) = %v, want %v", !tt.wantSvc, tt.wantSvc)
			}
			if errors.Is(err, errStore) != tt.wantCaus {
				t.Errorf("errors.Is(err, cause) = %v, want %v", !tt.wantCaus, tt.wantCaus)
			}
		})
	}
}

// TestNewEqualsNewRegistry checks that the deprecated constructor builds the same
// Registry as New: the clock option reaches both.
func TestNewEqualsNewRegistry(t *testing.T) {
	day := gongwei.MustDate(2024, 6, 1)
	clock := gongwei.Clock(func() time.Time { return time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC) })
	a := healthrecord.New(nil, healthrecord.Options{Now: clock})
	b := healthrecord.NewRegistry(nil, &healthrecord.RegistryOptions{Now: clock})
	if a.Today() != day || b.Today() != day {
		t.Errorf("Today = %v and %v, want %v", a.Today(), b.Today(), day)
	}
}
