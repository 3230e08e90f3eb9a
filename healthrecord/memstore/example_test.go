package memstore_test

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// A memstore is usually wrapped in a Registry; used directly it compares and swaps
// versions and keeps its own copies.
func ExampleNew() {
	ctx := context.Background()
	s := memstore.New()
	r := recordtest.Resident(1)
	r.Name = "张三"
	r.Version = 1
	fmt.Println(s.PutResident(ctx, r, 0))
	r.Name = "changed after the put"
	got, _ := s.Resident(ctx, r.ID)
	fmt.Println(got.Name, got.Version)
	fmt.Println(s.PutResident(ctx, r, 0))
	for x, err := range s.Residents(ctx, healthrecord.ResidentFilter{Prefix: "110105001101"}) {
		fmt.Println(x.Archive, err)
	}
	// Output:
	// <nil>
	// 张三 1
	// memstore: resident: stored version 1, expected 0: gongwei: version conflict
	// 11010500110100002 <nil>
}
