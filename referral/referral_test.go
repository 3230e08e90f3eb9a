package referral_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/memstore"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
)

func d(y int, m time.Month, day int) gongwei.Date { return gongwei.MustDate(y, m, day) }

// TestDue checks the follow-up windows of nbphs-spec: 2 weeks after any referral (§0
// "Recurring rule"), 1 week after a TB suspect's (§10 "Screening and referral").
func TestDue(t *testing.T) {
	for _, c := range []struct {
		kind       referral.Kind
		followedUp gongwei.Date
		due        gongwei.Date
		onTime     bool
	}{
		{referral.Hypertension, d(2025, 3, 24), d(2025, 3, 24), true},
		{referral.Hypertension, d(2025, 3, 25), d(2025, 3, 24), false},
		{referral.Maternal, d(2025, 3, 10), d(2025, 3, 24), true},
		{referral.TBSuspect, d(2025, 3, 17), d(2025, 3, 17), true},
		{referral.TBSuspect, d(2025, 3, 18), d(2025, 3, 17), false},
		{referral.TBPatient, d(2025, 3, 24), d(2025, 3, 24), true},
		{referral.Child, gongwei.Date{}, d(2025, 3, 24), false},
	} {
		r := referraltest.Referral("F1", referraltest.Village, c.kind, d(2025, 3, 10))
		r.FollowedUp = c.followedUp
		if got := r.Due(); got != c.due {
			t.Errorf("%s: Due %v, want %v", c.kind, got, c.due)
		}
		if got := r.OnTime(); got != c.onTime {
			t.Errorf("%s followed up %v: OnTime %v, want %v", c.kind, c.followedUp, got, c.onTime)
		}
	}
}

func TestValidateAllProblemsAtOnce(t *testing.T) {
	r := &referral.Referral{Village: "1101010010", Kind: "x", FollowedUp: d(2025, 3, 1), Referred: d(2025, 3, 10), Outcome: 9}
	err := r.Validate()
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, gongwei.ErrInvalid) {
		t.Fatalf("got %v", err)
	}
	for _, want := range []struct {
		field string
		code  gongwei.Code
	}{
		{"ID", gongwei.CodeRequired}, {"Resident", gongwei.CodeRequired}, {"Village", gongwei.CodeFormat},
		{"Kind", gongwei.CodeUnknownCode}, {"To", gongwei.CodeRequired},
		{"FollowedUp", gongwei.CodeOrder}, {"Outcome", gongwei.CodeUnknownCode},
	} {
		if !ve.Has(want.field, want.code) {
			t.Errorf("missing %s %s in %v", want.field, want.code, ve)
		}
	}
	if ve.Len() != 7 {
		t.Errorf("%d problems, want 7: %v", ve.Len(), ve)
	}
	ok := referraltest.Referral("F1", referraltest.Village, referral.Mental, d(2025, 3, 10))
	ok.Outcome = referral.Attended
	if err := ok.Validate(); err == nil || !errors.As(err, &ve) || !ve.Has("Outcome", gongwei.CodeNotAllowed) {
		t.Errorf("an outcome without a follow-up: %v", err)
	}
	ok.Outcome, ok.FollowedUp = referral.OutcomeUnknown, d(2025, 3, 12)
	if err := ok.Validate(); err == nil || !errors.As(err, &ve) || !ve.Has("Outcome", gongwei.CodeRequired) {
		t.Errorf("a follow-up without an outcome: %v", err)
	}
	ok.Outcome = referral.ReturnedManaged
	if err := ok.Validate(); err != nil {
		t.Errorf("a valid referral: %v", err)
	}
}

// actor is a township centre's staff member acting within its township.
var actor = gongwei.Actor{Staff: "S01", Institution: "110101001", Within: "110101001"}

func TestServiceSaveFollowUpDue(t *testing.T) {
	ctx := gongwei.WithActor(context.Background(), actor)
	today := func() time.Time { return time.Date(2025, 3, 20, 10, 0, 0, 0, time.UTC) }
	audit := recordmem.NewAudit()
	svc := referral.New(memstore.New(), referral.Options{Now: today, Audit: audit})
	a := referraltest.Referral("F1", "１１０１０１００１００１", referral.TBSuspect, d(2025, 3, 10))
	b := referraltest.Referral("F2", referraltest.OtherVillage, referral.Hypertension, d(2025, 3, 12))
	late := referraltest.Referral("F3", referraltest.Village, referral.Child, d(2025, 3, 22))
	for _, r := range []*referral.Referral{a, b} {
		if err := svc.Save(ctx, r); err != nil || r.Version != 1 {
			t.Fatalf("save %s: %v (version %d)", r.ID, err, r.Version)
		}
	}
	if err := svc.Save(ctx, late); !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("a referral dated after the day of recording: %v", err)
	}
	if got, _ := svc.Store().Referral(ctx, "F1"); got.Village != referraltest.Village {
		t.Errorf("village not normalised: %q", got.Village)
	}
	if err := svc.FollowUp(ctx, "F1", d(2025, 3, 5), referral.Attended); !errors.Is(err, gongwei.ErrInvalid) {
		t.Errorf("a follow-up before the referral: %v", err)
	}
	if err := svc.FollowUp(ctx, "F1", d(2025, 3, 16), referral.Attended); err != nil {
		t.Fatal(err)
	}
	var due []referral.ID
	for r, err := range svc.Due(ctx, "110101001", d(2025, 3, 20)) {
		if err != nil {
			t.Fatal(err)
		}
		due = append(due, r.ID)
	}
	if fmt.Sprint(due) != "[F2]" {
		t.Errorf("due %v, want [F2]", due)
	}
	stale := referraltest.Referral("F2", referraltest.OtherVillage, referral.Hypertension, d(2025, 3, 12))
	if err := svc.Save(ctx, stale); !errors.Is(err, gongwei.ErrConflict) {
		t.Errorf("a save over a stale version: %v", err)
	}
	// The write path of every service: an actor, its jurisdiction, the audit trail.
	if err := svc.Save(context.Background(), referraltest.Referral("F5", referraltest.Village, referral.Child, d(2025, 3, 12))); !errors.Is(err, gongwei.ErrNoActor) {
		t.Errorf("a save without an actor: %v", err)
	}
	if err := svc.Save(ctx, referraltest.Referral("F6", "110101002001", referral.Child, d(2025, 3, 12))); err == nil {
		t.Error("a save outside the actor's township")
	}
	var kinds []string
	for e, err := range healthrecord.History(ctx, audit, "referral.Referral", "F1") {
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, e.Actor.Staff)
	}
	if fmt.Sprint(kinds) != "[S01 S01]" {
		t.Errorf("F1's trail: %v, want its save and its follow-up by S01", kinds)
	}
}

func Example() {
	ctx := context.Background()
	svc := referral.New(memstore.New(), referral.Options{Unattributed: true}) // a migration: no actor
	r := &referral.Referral{ID: "ZZ-2025-001", Resident: "R1", Village: "110101001001", Kind: referral.TBSuspect,
		Referred: gongwei.MustDate(2025, time.March, 10), To: "县结核病定点医院", Reason: "咳嗽咳痰2周以上"}
	if err := svc.Save(ctx, r); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("follow up by", r.Due())
	if err := svc.FollowUp(ctx, r.ID, gongwei.MustDate(2025, time.March, 14), referral.Attended); err != nil {
		fmt.Println(err)
		return
	}
	got, _ := svc.Store().Referral(ctx, r.ID)
	fmt.Println("on time:", got.OnTime())
	// Output:
	// follow up by 2025-03-17
	// on time: true
}

func TestLabels(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{referral.TBSuspect.Label(language.SimplifiedChinese), "肺结核可疑者"},
		{referral.Maternal.Label(language.TraditionalChinese), "孕產婦"},
		{referral.Child.Label(language.English), "child aged 0-6"},
		{referral.Attended.Label(language.SimplifiedChinese), "已到位"},
		{referral.ReturnedManaged.Label(language.English), "referred back"},
	} {
		if c.got != c.want {
			t.Errorf("label %q, want %q", c.got, c.want)
		}
	}
	for _, k := range referral.Kinds {
		if l := k.Label(language.SimplifiedChinese); l == "" || l == "referral.kind."+string(k) {
			t.Errorf("%s has no label", k)
		}
	}
	if referral.Kind("x").Label(language.English) == referral.Other.Label(language.English) || referral.OutcomeUnknown.Label(language.English) == "" {
		t.Error("an unknown kind or outcome is labelled as a known one")
	}
}
