package indicators

import (
	"context"
	"errors"
	"iter"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// recordSource is a health-record store that is also a SubjectSource, yielding its
// residents with every checkup, contract and event (more than the rules read), or
// declining when serve is false, or failing with fail.
type recordSource struct {
	healthrecord.Store
	serve bool
	fail  error
	calls int
	asked SubjectQuery
}

func (s *recordSource) Subjects(ctx context.Context, q SubjectQuery) (iter.Seq2[*Subject, error], bool) {
	s.calls++
	s.asked = q
	if !s.serve {
		return nil, false
	}
	return func(yield func(*Subject, error) bool) {
		if s.fail != nil {
			yield(nil, s.fail)
			return
		}
		for r, err := range s.Residents(ctx, healthrecord.ResidentFilter{Prefix: q.Prefix}) {
			if err != nil {
				yield(nil, err)
				return
			}
			sub := &Subject{Resident: r}
			for c, err := range s.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID}) {
				if err != nil {
					yield(nil, err)
					return
				}
				sub.Checkups = append(sub.Checkups, c)
			}
			for c, err := range s.Contracts(ctx, healthrecord.ContractFilter{Resident: r.ID}) {
				if err != nil {
					yield(nil, err)
					return
				}
				sub.Contracts = append(sub.Contracts, c)
			}
			for e, err := range s.Events(ctx, healthrecord.EventFilter{Resident: r.ID}) {
				if err != nil {
					yield(nil, err)
					return
				}
				sub.Events = append(sub.Events, e)
			}
			head, err := headsHousehold(ctx, s.Store, r)
			if err != nil {
				yield(nil, err)
				return
			}
			sub.HeadsHousehold = head
			if !yield(sub, nil) {
				return
			}
		}
	}, true
}

// TestComputeSubjectSource: Compute asks a store that is a SubjectSource for the
// subjects of its stores, prefix and period, and its cells then equal the Store path's;
// a source that declines leaves Compute on the Store path; the source's error is
// Compute's; an invalid period is rejected as before, without asking the source.
func TestComputeSubjectSource(t *testing.T) {
	ctx := context.Background()
	recs, imm := recordPopulation(t), immPopulation(t)
	for _, prefix := range []string{"", string(recVillage1)} {
		want := NewTally(0)
		require.NoError(t, Compute(ctx, Sources{Records: recs, Immunization: imm}, prefix, y2024, want))
		require.Positive(t, want.Len())

		// The source serves the health record only: the immunization store is not its
		// own, so it declines and Compute reads the stores.
		src := &recordSource{Store: recs, serve: false}
		got := NewTally(0)
		require.NoError(t, Compute(ctx, Sources{Records: src, Immunization: imm}, prefix, y2024, got))
		require.Equal(t, 1, src.calls)
		require.Equal(t, SubjectQuery{Prefix: prefix, Period: y2024, Records: src, Immunization: imm}, src.asked)
		require.True(t, got.Equal(want))

		// Served: the same cells.
		onlyRecords := NewTally(0)
		require.NoError(t, Compute(ctx, Sources{Records: recs}, prefix, y2024, onlyRecords))
		src = &recordSource{Store: recs, serve: true}
		got = NewTally(0)
		require.NoError(t, Compute(ctx, Sources{Records: src}, prefix, y2024, got))
		require.Equal(t, 1, src.calls)
		require.True(t, got.Equal(onlyRecords))
	}

	errDown := errors.New("scan failed")
	src := &recordSource{Store: recs, serve: true, fail: errDown}
	require.ErrorIs(t, Compute(ctx, Sources{Records: src}, "", y2024, NewTally(0)), errDown)

	src = &recordSource{Store: recs, serve: true}
	require.ErrorIs(t, Compute(ctx, Sources{Records: src}, "", gongwei.Period{}, NewTally(0)), gongwei.ErrInvalid)
	require.Zero(t, src.calls)
}

// countedSource is a recordSource that serves counted subjects too, and records which
// way it was asked.
type countedSource struct {
	recordSource
	counted int
}

func (s *countedSource) CountedSubjects(ctx context.Context, q SubjectQuery) (iter.Seq2[*Subject, error], bool) {
	s.counted++
	return s.Subjects(ctx, q)
}

// TestComputeCountedSubjects: Compute asks a CountedSubjectSource for counted subjects
// when the host gives no RecordOptions, and for whole subjects (Subjects) when it does,
// since the key-population rows and another elderly age read more of the records; the
// cells are those of the Store path either way.
func TestComputeCountedSubjects(t *testing.T) {
	ctx := context.Background()
	recs := recordPopulation(t)
	for _, opts := range []*RecordOptions{nil, {}} {
		want := NewTally(0)
		require.NoError(t, Compute(ctx, Sources{Records: recs, RecordOptions: opts}, "", y2024, want))
		src := &countedSource{recordSource: recordSource{Store: recs, serve: true}}
		got := NewTally(0)
		require.NoError(t, Compute(ctx, Sources{Records: src, RecordOptions: opts}, "", y2024, got))
		require.Equal(t, 1, src.calls)
		if opts == nil {
			require.Equal(t, 1, src.counted, "counted subjects without RecordOptions")
		} else {
			require.Zero(t, src.counted, "whole subjects with RecordOptions")
		}
		require.Positive(t, want.Len())
		require.True(t, got.Equal(want))
	}
}
