package womenshealth_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
	"github.com/gongwei-lib/gongwei/womenshealth/womenshealthtest"
)

var day = gongwei.MustDate(2025, time.May, 12)

func problems(t *testing.T, err error) string {
	t.Helper()
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("got %v", err)
	}
	var out []string
	for _, f := range ve.Fields {
		out = append(out, f.Field+":"+string(f.Code))
	}
	slices.Sort(out)
	return fmt.Sprint(out)
}

// TestTargetAge: 35-64 in completed years (plan-services.md §8).
func TestTargetAge(t *testing.T) {
	for _, c := range []struct {
		birth gongwei.Date
		want  bool
	}{
		{day.AddYears(-35), true}, {day.AddYears(-35).AddDays(1), false},
		{day.AddYears(-65).AddDays(1), true}, {day.AddYears(-65), false},
	} {
		if got := womenshealth.InTargetAge(c.birth, day); got != c.want {
			t.Errorf("born %v: %v, want %v", c.birth, got, c.want)
		}
	}
}

func TestValidate(t *testing.T) {
	s := womenshealthtest.Screening("S1", womenshealthtest.Village, day)
	s.Birth, s.Referred = day.AddDays(1), day.AddDays(-1)
	s.Cervical, s.Breast = womenshealth.NotDone, womenshealth.NotDone
	if got, want := problems(t, s.Validate()), "[Cervical:required Date:before_birth Referred:not_allowed Referred:order]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	s = womenshealthtest.Screening("S1", womenshealthtest.Village, day)
	s.Cervical, s.Referred = womenshealth.Abnormal, day.AddDays(-1)
	if got, want := problems(t, s.Validate()), "[Referred:order]"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}

	r := womenshealthtest.Report("R1", womenshealthtest.Village, day)
	r.Kind, r.Event, r.Reported = womenshealth.Under5Death, day.AddDays(-2), day.AddDays(-3)
	if got, want := problems(t, r.Validate()), "[Event:before_birth Reported:order]"; got != want {
		t.Errorf("a death before the birth, reported before it: got %s, want %s", got, want)
	}
	r = womenshealthtest.Report("R1", womenshealthtest.Village, day)
	r.Kind, r.Event, r.Reported = womenshealth.Under5Death, day.AddYears(5), day.AddYears(5)
	if got, want := problems(t, r.Validate()), "[Event:out_of_range]"; got != want {
		t.Errorf("a death at 5: got %s, want %s", got, want)
	}
}

func TestDeadlines(t *testing.T) {
	d := womenshealth.Deadlines{womenshealth.BirthDefect: 3}
	r := womenshealthtest.Report("R1", womenshealthtest.Village, day)
	if timely, ok := d.Timely(r); !timely || !ok {
		t.Error("reported on day 3 of 3")
	}
	r.Reported = day.AddDays(4)
	if timely, ok := d.Timely(r); timely || !ok {
		t.Error("reported on day 4 of 3")
	}
	r.Kind = womenshealth.MaternalDeath
	if _, ok := d.Timely(r); ok {
		t.Error("no deadline set for maternal deaths")
	}
}

func TestService(t *testing.T) {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "S01", Institution: "110101001", Within: "110101001"})
	g := womenshealth.New(memstore.New(), womenshealth.Options{})
	if err := g.SaveReport(context.Background(), womenshealthtest.Report("R0", womenshealthtest.Village, day)); !errors.Is(err, gongwei.ErrNoActor) {
		t.Errorf("a save without an actor: %v", err)
	}
	s := womenshealthtest.Screening("S1", "１１０１０１００１００１", day)
	if err := g.SaveScreening(ctx, s); err != nil || s.Version != 1 {
		t.Fatalf("%v %d", err, s.Version)
	}
	if got, _ := g.Store().Screening(ctx, "S1"); got.Village != womenshealthtest.Village {
		t.Errorf("village %q", got.Village)
	}
	if err := g.SaveScreening(ctx, womenshealthtest.Screening("S1", womenshealthtest.Village, day)); !errors.Is(err, gongwei.ErrConflict) {
		t.Errorf("stale: %v", err)
	}
	r := womenshealthtest.Report("R1", womenshealthtest.Village, day)
	r.Reported = day.AddDays(-1)
	if err := g.SaveReport(ctx, r); !errors.Is(err, gongwei.ErrInvalid) || r.Version != 0 {
		t.Errorf("invalid: %v", err)
	}
}
