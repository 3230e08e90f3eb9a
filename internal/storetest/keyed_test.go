package storetest

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"testing"

	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// note is the record type of the keyed-clause tests, with a slice the store must copy.
type note struct {
	ID      string
	Version int64
	Lines   []string
}

func cloneNote(n *note) *note {
	c := *n
	c.Lines = append([]string(nil), n.Lines...)
	return &c
}

// notes is a store of notes over a memtable.Table; careless makes PutNote ignore the
// version, as a store that loses updates does.
type notes struct {
	t        *memtable.Table[string, note]
	careless bool
}

func newNotes(careless bool) func(*testing.T) *notes {
	return func(*testing.T) *notes {
		return &notes{careless: careless, t: memtable.New("note", cloneNote,
			func(n *note) string { return n.ID },
			func(n *note) int64 { return n.Version },
			func(a, b *note) int { return cmp.Compare(a.ID, b.ID) }).RejectInsertOverStored()}
	}
}

func (s *notes) Note(ctx context.Context, id string) (*note, error) { return s.t.Get(ctx, id) }

func (s *notes) PutNote(ctx context.Context, n *note, prev int64) error {
	if s.careless {
		if stored, err := s.t.Get(ctx, n.ID); err == nil {
			prev = stored.Version
		} else {
			prev = 0
		}
	}
	return s.t.Put(ctx, n, prev)
}

func (s *notes) Notes(ctx context.Context, _ struct{}) iter.Seq2[*note, error] {
	return s.t.All(ctx, func(*note) bool { return true })
}

var noteKind = Kind[*notes, string, struct{}, note]{
	What:    "Note",
	Fixture: func(i int) *note { return &note{ID: fmt.Sprintf("N%04d", i), Lines: []string{"a", "b"}} },
	Key:     func(n *note) string { return n.ID },
	Get:     (*notes).Note,
	Put:     (*notes).PutNote,
	Stream:  (*notes).Notes,
	Version: func(n *note) *int64 { return &n.Version },
	Change:  func(n *note, w int) { n.Lines[0] = fmt.Sprintf("changed %d", w) },
}

func TestKeyedClausesPass(t *testing.T) {
	Run(t, KeyedClauses(noteKind), Self, newNotes(false))
}

// TestKeyedClausesCatch: a store that puts over whatever version is stored breaks the
// clauses on stale versions and concurrent writers in every run.
func TestKeyedClausesCatch(t *testing.T) {
	if IsChild() {
		Run(t, KeyedClauses(noteKind), Self, newNotes(true))
		return
	}
	for _, name := range []string{"NoteInsertExistingConflicts", "NoteStaleVersionConflicts", "NoteConcurrentWriters"} {
		Caught(t, 3, "TestKeyedClausesCatch", name)
	}
}
