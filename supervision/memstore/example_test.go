package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/memstore"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

// A memstore behind a supervision.Service: the assistance post records a complaint
// received on a Friday and not yet answered; read back, its deadline is counted in
// working days, and once it has passed the complaint is on the overdue list.
func ExampleNew() {
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{
		Staff: "X01", Institution: "110105001000", Within: "110105001"})
	svc := supervision.New(memstore.New(), supervision.Options{})

	c := supervisiontest.Complaint("C1", "110105001101", gongwei.MustDate(2024, 3, 1))
	c.Answered, c.Result = gongwei.Date{}, ""
	if err := svc.SaveComplaint(ctx, c); err != nil {
		fmt.Println(err)
		return
	}

	got, err := svc.Store().Complaint(ctx, "C1")
	if err != nil {
		fmt.Println(err)
		return
	}
	deadline, err := got.Deadline()
	fmt.Println(got.ID, got.Version, "deadline", deadline, err)
	overdue, err := svc.OverdueComplaints(ctx, "110105001", deadline.AddDays(1))
	for _, x := range overdue {
		fmt.Println("overdue", x.ID, err)
	}
	// Output:
	// C1 1 deadline 2024-03-08 <nil>
	// overdue C1 <nil>
}
