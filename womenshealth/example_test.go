package womenshealth_test

import (
	"context"
	"fmt"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/womenshealth"
	"github.com/gongwei-lib/gongwei/womenshealth/memstore"
)

func Example() {
	// A township centre's staff member records a birth-defect report three days after
	// the birth, against the host's deadline of 7 days.
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "S01", Institution: "110101001", Within: "110101001"})
	g := womenshealth.New(memstore.New(), womenshealth.Options{})
	born := gongwei.MustDate(2025, time.March, 2)
	r := &womenshealth.Report{ID: "CX-2025-01", Village: "110101001001", Kind: womenshealth.BirthDefect,
		Birth: born, Event: born, Reported: born.AddDays(3)}
	if err := g.SaveReport(ctx, r); err != nil {
		fmt.Println(err)
		return
	}
	timely, _ := womenshealth.Deadlines{womenshealth.BirthDefect: 7}.Timely(r)
	fmt.Println("timely:", timely, "target age at 40:", womenshealth.InTargetAge(born.AddYears(-40), born))
	// Output: timely: true target age at 40: true
}
