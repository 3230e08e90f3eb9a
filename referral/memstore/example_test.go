package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/referral/memstore"
	"github.com/gongwei-lib/gongwei/referral/referraltest"
)

// A memstore behind a referral.Service: the village doctor refers a hypertension
// patient up; the slip is on the register's worklist with its follow-up deadline
// until the follow-up is recorded.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "D001", Institution: "110105001101", Within: "110105001101"})
	svc := referral.New(memstore.New(), referral.Options{})

	r := referraltest.Referral("Z1", "110105001101", referral.Hypertension, gongwei.MustDate(2024, 3, 5))
	if err := svc.Save(ctx, r); err != nil {
		fmt.Println(err)
		return
	}
	for x, err := range svc.Due(ctx, "110105001101", gongwei.MustDate(2024, 3, 10)) {
		fmt.Println("due", x.ID, x.Due(), err)
	}
	if err := svc.FollowUp(ctx, "Z1", gongwei.MustDate(2024, 3, 12), referral.Attended); err != nil {
		fmt.Println(err)
		return
	}
	got, err := svc.Store().Referral(ctx, "Z1")
	fmt.Println(got.ID, got.Version, got.FollowedUp, got.OnTime(), err)
	// Output:
	// due Z1 2024-03-19 <nil>
	// Z1 2 2024-03-12 true <nil>
}
