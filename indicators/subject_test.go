package indicators

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// ExampleComputeSubjects counts one village from a stream of subjects, as a host would
// from a scan of its own tables: a 70-year-old resident with a complete checkup in 2024
// (and the checkup's event on the timeline, so the record is in use), counted in the
// 老年人健康管理率 (nbphs-spec §6.2); a checkup of 2023 in the same bundle is ignored.
func ExampleComputeSubjects() {
	r := recordtest.ResidentAt(recFixtureD0.DaysUntil(gongwei.MustDate(1954, 6, 1)), "11010500110100001")
	c := recordtest.Checkup(r, gongwei.MustDate(2024, 6, 15))
	old := recordtest.Checkup(r, gongwei.MustDate(2023, 6, 15))
	subjects := func(yield func(*Subject, error) bool) {
		yield(&Subject{Resident: r, Checkups: []*healthrecord.Checkup{old, c}, Events: []healthrecord.ServiceEvent{c.Event()}}, nil)
	}

	t := NewTally(0)
	if err := ComputeSubjects(context.Background(), subjects, gongwei.Year(2024), nil, t); err != nil {
		fmt.Println(err)
		return
	}
	for k, n := range t.All() {
		fmt.Println(k.Code, k.Unit, n.Num, n.Den)
	}
	// Output:
	// elderly.checkup_complete 110105001101 1 1
	// elderly.management 110105001101 1 1
	// record.contract 110105001101 0 1
	// record.coverage 110105001101 1 1
	// record.electronic 110105001101 1 1
	// record.household 110105001101 0 0
	// record.qualified 110105001101 1 1
	// record.usage 110105001101 1 1
	// tcm.elderly 110105001101 1 1
}

// TestComputeSubjectsErrors: the stream's error is returned as is, an invalid period is
// rejected before the stream is read, and a cancelled context stops the pass.
func TestComputeSubjectsErrors(t *testing.T) {
	errDown := errors.New("scan failed")
	failing := func(yield func(*Subject, error) bool) { yield(nil, errDown) }
	if err := ComputeSubjects(context.Background(), failing, gongwei.Year(2024), nil, NewTally(0)); !errors.Is(err, errDown) {
		t.Fatalf("stream error: got %v", err)
	}
	read := false
	never := func(yield func(*Subject, error) bool) { read = true }
	if err := ComputeSubjects(context.Background(), never, gongwei.Period{}, nil, NewTally(0)); !errors.Is(err, gongwei.ErrInvalid) || read {
		t.Fatalf("invalid period: got %v, stream read %v", err, read)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	empty := func(yield func(*Subject, error) bool) { yield(nil, nil) }
	if err := ComputeSubjects(ctx, empty, gongwei.Year(2024), nil, NewTally(0)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: got %v", err)
	}
}
