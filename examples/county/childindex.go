package main

import (
	"context"
	"errors"
	"iter"

	"github.com/gongwei-lib/gongwei/child"
)

// childIndex is a read-only view of a loaded child store with the visits indexed by
// child, as a SQL store indexes them: the indicators read each child's visits
// (child.VisitFilter{Child: id}), and child/memstore answers that by scanning every visit
// of the county, which makes the child indicators quadratic in the number of children.
// The index is built once, after loading, from one stream of all visits; the other
// queries go to the store.
type childIndex struct {
	child.Store
	byChild map[child.ChildID][]*child.Visit
}

var errReadOnly = errors.New("county: the indexed child store is read-only")

// indexChildVisits streams every visit of s once and returns the indexed view.
func indexChildVisits(ctx context.Context, s child.Store) (*childIndex, error) {
	x := &childIndex{Store: s, byChild: map[child.ChildID][]*child.Visit{}}
	// Streamed in child, date, ID order: each child's slice keeps the store's order.
	for v, err := range s.Visits(ctx, child.VisitFilter{}) {
		if err != nil {
			return nil, err
		}
		x.byChild[v.Child] = append(x.byChild[v.Child], v)
	}
	return x, nil
}

// Visits answers a query of one child's visits from the index, in the store's order
// (date, then ID), yielding copies; other queries go to the store.
func (x *childIndex) Visits(ctx context.Context, f child.VisitFilter) iter.Seq2[*child.Visit, error] {
	if f.Child == "" {
		return x.Store.Visits(ctx, f)
	}
	return func(yield func(*child.Visit, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
			return
		}
		for _, v := range x.byChild[f.Child] {
			if f.Match(v) && !yield(v.Clone(), nil) {
				return
			}
		}
	}
}

// PutChild is refused: the view is read-only.
func (x *childIndex) PutChild(context.Context, *child.Child, int64) error { return errReadOnly }

// PutVisit is refused: the view is read-only.
func (x *childIndex) PutVisit(context.Context, *child.Visit, int64) error { return errReadOnly }
