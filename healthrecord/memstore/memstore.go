// Package memstore is an in-memory [healthrecord.Store]: the store of examples, demos and
// hosts' tests, and the reference implementation of the store contract (it passes
// recordtest.TestStore).
//
// It keeps the residents and the timeline in maps guarded by one sync.RWMutex and the
// households, checkups and contracts in a table each, copies records on the way in and
// out (a caller never shares memory with the store), and keeps indexes for ID numbers,
// archive numbers, archive-number order, the highest archive number of each village and
// the checkups and contracts of each resident. Nothing is persisted.
package memstore

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/memtable"
)

// Store is an in-memory healthrecord.Store, safe for concurrent use by multiple
// goroutines. The zero Store is not usable: create one with New.
type Store struct {
	mu sync.RWMutex

	residents  map[healthrecord.ResidentID]*healthrecord.Resident
	byIDNumber map[healthrecord.IDNumber]healthrecord.ResidentID
	byArchive  map[healthrecord.ArchiveNumber]healthrecord.ResidentID
	order      []residentKey // every resident, by (archive, ID) when sorted is true
	sorted     bool
	lastIn     map[healthrecord.Village]healthrecord.ArchiveNumber

	households  *memtable.Table[healthrecord.HouseholdID, healthrecord.Household]
	checkups    *memtable.Table[healthrecord.CheckupID, healthrecord.Checkup]
	checkupsOf  *memtable.Index[healthrecord.ResidentID, healthrecord.CheckupID, healthrecord.Checkup]
	contracts   *memtable.Table[healthrecord.ContractID, healthrecord.Contract]
	contractsOf *memtable.Index[healthrecord.ResidentID, healthrecord.ContractID, healthrecord.Contract]

	events            map[healthrecord.ResidentID][]healthrecord.ServiceEvent // by date, then appending order
	eventKeys         map[eventKey]struct{}
	residentsByEvents []healthrecord.ResidentID // residents with events, sorted
}

var (
	_ healthrecord.Store = (*Store)(nil)
	_ gongwei.Batcher    = (*Store)(nil)
)

type residentKey struct {
	archive string
	id      healthrecord.ResidentID
}

func compareKeys(a, b residentKey) int {
	if c := strings.Compare(a.archive, b.archive); c != 0 {
		return c
	}
	return strings.Compare(string(a.id), string(b.id))
}

type eventKey struct {
	resident healthrecord.ResidentID
	kind     healthrecord.EventKind
	ref      string
}

// New returns an empty Store.
func New() *Store {
	s := &Store{
		residents:  make(map[healthrecord.ResidentID]*healthrecord.Resident),
		byIDNumber: make(map[healthrecord.IDNumber]healthrecord.ResidentID),
		byArchive:  make(map[healthrecord.ArchiveNumber]healthrecord.ResidentID),
		sorted:     true,
		lastIn:     make(map[healthrecord.Village]healthrecord.ArchiveNumber),
		households: memtable.New("household", cloneHousehold,
			func(h *healthrecord.Household) healthrecord.HouseholdID { return h.ID },
			func(h *healthrecord.Household) int64 { return h.Version },
			func(a, b *healthrecord.Household) int { return strings.Compare(string(a.ID), string(b.ID)) }),
		checkups: memtable.New("checkup", (*healthrecord.Checkup).Clone,
			func(c *healthrecord.Checkup) healthrecord.CheckupID { return c.ID },
			func(c *healthrecord.Checkup) int64 { return c.Version },
			func(a, b *healthrecord.Checkup) int {
				return cmp.Or(a.Date.Compare(b.Date), strings.Compare(string(a.ID), string(b.ID)))
			}),
		contracts: memtable.New("contract", (*healthrecord.Contract).Clone,
			func(c *healthrecord.Contract) healthrecord.ContractID { return c.ID },
			func(c *healthrecord.Contract) int64 { return c.Version },
			func(a, b *healthrecord.Contract) int {
				return cmp.Or(a.Period.Start.Compare(b.Period.Start), strings.Compare(string(a.ID), string(b.ID)))
			}),
		events:    make(map[healthrecord.ResidentID][]healthrecord.ServiceEvent),
		eventKeys: make(map[eventKey]struct{}),
	}
	s.checkupsOf = memtable.NewIndex(s.checkups, func(c *healthrecord.Checkup) healthrecord.ResidentID { return c.Resident })
	s.contractsOf = memtable.NewIndex(s.contracts, func(c *healthrecord.Contract) healthrecord.ResidentID { return c.Resident })
	return s
}

func notFound(what string) error { return fmt.Errorf("memstore: %s: %w", what, gongwei.ErrNotFound) }

func conflict(what string, stored, prev int64) error {
	return fmt.Errorf("memstore: %s: stored version %d, expected %d: %w", what, stored, prev, gongwei.ErrConflict)
}

func duplicate(what string) error { return fmt.Errorf("memstore: %s: %w", what, gongwei.ErrDuplicate) }

// Resident implements healthrecord.ResidentStore.
func (s *Store) Resident(ctx context.Context, id healthrecord.ResidentID) (*healthrecord.Resident, error) {
	return s.residentBy(ctx, "resident", func() *healthrecord.Resident { return s.residents[id] })
}

// residentBy returns a copy of the resident find gives under the read lock, or an error
// wrapping gongwei.ErrNotFound naming what was looked up when it gives nil.
func (s *Store) residentBy(ctx context.Context, what string, find func() *healthrecord.Resident) (*healthrecord.Resident, error) {
	if err := memtable.CtxErr(ctx); err != nil {
		return nil, err
	}
	s.mu.RLock()
	r := find()
	s.mu.RUnlock()
	if r == nil {
		return nil, notFound(what)
	}
	return r.Clone(), nil
}

// ResidentByIDNumber implements healthrecord.ResidentStore.
func (s *Store) ResidentByIDNumber(ctx context.Context, id healthrecord.IDNumber) (*healthrecord.Resident, error) {
	return s.residentBy(ctx, "resident by ID number", func() *healthrecord.Resident {
		if key, ok := s.byIDNumber[id]; ok && !id.IsZero() {
			return s.residents[key]
		}
		return nil
	})
}

// ResidentByArchive implements healthrecord.ResidentStore.
func (s *Store) ResidentByArchive(ctx context.Context, a healthrecord.ArchiveNumber) (*healthrecord.Resident, error) {
	return s.residentBy(ctx, "resident by archive number", func() *healthrecord.Resident {
		if key, ok := s.byArchive[a]; ok && !a.IsZero() {
			return s.residents[key]
		}
		return nil
	})
}

// PutResident implements healthrecord.ResidentStore.
func (s *Store) PutResident(ctx context.Context, r *healthrecord.Resident, prev int64) error {
	if err := memtable.CtxErr(ctx); err != nil {
		return err
	}
	c := r.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.residents[c.ID]
	var stored int64
	if old != nil {
		stored = old.Version
	}
	if stored != prev {
		return conflict("resident", stored, prev)
	}
	if other, ok := s.byIDNumber[c.IDNumber]; ok && !c.IDNumber.IsZero() && other != c.ID {
		return duplicate("resident ID number")
	}
	if other, ok := s.byArchive[c.Archive]; ok && !c.Archive.IsZero() && other != c.ID {
		return duplicate("resident archive number")
	}
	key := residentKey{c.Archive.String(), c.ID}
	if old == nil {
		if n := len(s.order); n > 0 && compareKeys(s.order[n-1], key) > 0 {
			s.sorted = false
		}
		s.order = append(s.order, key)
	} else {
		if old.IDNumber != c.IDNumber {
			delete(s.byIDNumber, old.IDNumber)
		}
		if old.Archive != c.Archive {
			delete(s.byArchive, old.Archive)
			i := slices.Index(s.order, residentKey{old.Archive.String(), c.ID})
			s.order[i] = key
			s.sorted = false
		}
	}
	if !c.IDNumber.IsZero() {
		s.byIDNumber[c.IDNumber] = c.ID
	}
	if !c.Archive.IsZero() {
		s.byArchive[c.Archive] = c.ID
	}
	s.residents[c.ID] = c
	if old != nil && !old.Archive.IsZero() && old.Archive != c.Archive && s.lastIn[old.Archive.Village()] == old.Archive {
		s.recomputeLast(old.Archive.Village())
	}
	if !c.Archive.IsZero() {
		v := c.Archive.Village()
		if last := s.lastIn[v]; c.Archive.String() > last.String() {
			s.lastIn[v] = c.Archive
		}
	}
	return nil
}

// recomputeLast finds the highest archive number of village v by a full scan; it runs
// only when the highest number of a village is changed away.
func (s *Store) recomputeLast(v healthrecord.Village) {
	var last healthrecord.ArchiveNumber
	for a := range s.byArchive {
		if a.Village() == v && a.String() > last.String() {
			last = a
		}
	}
	if last.IsZero() {
		delete(s.lastIn, v)
	} else {
		s.lastIn[v] = last
	}
}

// Residents implements healthrecord.ResidentStore.
func (s *Store) Residents(ctx context.Context, f healthrecord.ResidentFilter) iter.Seq2[*healthrecord.Resident, error] {
	return func(yield func(*healthrecord.Resident, error) bool) {
		if err := memtable.CtxErr(ctx); err != nil {
			yield(nil, err)
			return
		}
		for _, r := range s.snapshotResidents(f) {
			if err := memtable.CtxErr(ctx); err != nil {
				yield(nil, err)
				return
			}
			if !yield(r.Clone(), nil) {
				return
			}
		}
	}
}

// snapshotResidents returns the stored residents that match f, in order. Stored records
// are never changed in place (a put replaces the pointer), so the snapshot may be read
// after the lock is released.
func (s *Store) snapshotResidents(f healthrecord.ResidentFilter) []*healthrecord.Resident {
	s.mu.RLock()
	if !s.sorted {
		s.mu.RUnlock()
		s.mu.Lock()
		if !s.sorted {
			slices.SortFunc(s.order, compareKeys)
			s.sorted = true
		}
		s.mu.Unlock()
		s.mu.RLock()
	}
	defer s.mu.RUnlock()
	i := sort.Search(len(s.order), func(i int) bool { return s.order[i].archive >= f.Prefix })
	var out []*healthrecord.Resident
	for ; i < len(s.order) && strings.HasPrefix(s.order[i].archive, f.Prefix); i++ {
		r := s.residents[s.order[i].id]
		if r != nil && f.Match(r) {
			out = append(out, r)
		}
	}
	return out
}

// LastArchive implements healthrecord.ResidentStore.
func (s *Store) LastArchive(ctx context.Context, v healthrecord.Village) (healthrecord.ArchiveNumber, error) {
	if err := memtable.CtxErr(ctx); err != nil {
		return healthrecord.ArchiveNumber{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.lastIn[v], nil
}

// cloneHousehold copies h deeply, through its Clone method when it has one.
func cloneHousehold(h *healthrecord.Household) *healthrecord.Household {
	if c, ok := any(h).(interface {
		Clone() *healthrecord.Household
	}); ok {
		return c.Clone()
	}
	x := *h
	return &x
}

// Household implements healthrecord.HouseholdStore.
func (s *Store) Household(ctx context.Context, id healthrecord.HouseholdID) (*healthrecord.Household, error) {
	return s.households.Get(ctx, id)
}

// PutHousehold implements healthrecord.HouseholdStore.
func (s *Store) PutHousehold(ctx context.Context, h *healthrecord.Household, prev int64) error {
	return s.households.Put(ctx, h, prev)
}

// Checkup implements healthrecord.CheckupStore.
func (s *Store) Checkup(ctx context.Context, id healthrecord.CheckupID) (*healthrecord.Checkup, error) {
	return s.checkups.Get(ctx, id)
}

// PutCheckup implements healthrecord.CheckupStore.
func (s *Store) PutCheckup(ctx context.Context, c *healthrecord.Checkup, prev int64) error {
	return s.checkups.Put(ctx, c, prev)
}

// Checkups implements healthrecord.CheckupStore.
func (s *Store) Checkups(ctx context.Context, f healthrecord.CheckupFilter) iter.Seq2[*healthrecord.Checkup, error] {
	return s.checkupsOf.Select(ctx, f.Resident, f.Match)
}

// Contract implements healthrecord.ContractStore.
func (s *Store) Contract(ctx context.Context, id healthrecord.ContractID) (*healthrecord.Contract, error) {
	return s.contracts.Get(ctx, id)
}

// PutContract implements healthrecord.ContractStore.
func (s *Store) PutContract(ctx context.Context, c *healthrecord.Contract, prev int64) error {
	return s.contracts.Put(ctx, c, prev)
}

// Contracts implements healthrecord.ContractStore.
func (s *Store) Contracts(ctx context.Context, f healthrecord.ContractFilter) iter.Seq2[*healthrecord.Contract, error] {
	return s.contractsOf.Select(ctx, f.Resident, f.Match)
}

// AppendEvent implements healthrecord.TimelineStore.
func (s *Store) AppendEvent(ctx context.Context, e healthrecord.ServiceEvent) error {
	if err := memtable.CtxErr(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e.Ref != "" {
		k := eventKey{e.Resident, e.Kind, e.Ref}
		if _, ok := s.eventKeys[k]; ok {
			return duplicate("service event")
		}
		s.eventKeys[k] = struct{}{}
	}
	list, ok := s.events[e.Resident]
	if !ok {
		i, _ := slices.BinarySearch(s.residentsByEvents, e.Resident)
		s.residentsByEvents = slices.Insert(s.residentsByEvents, i, e.Resident)
	}
	// After every event on or before e.Date: date order, ties in appending order.
	i := sort.Search(len(list), func(i int) bool { return list[i].Date.After(e.Date) })
	s.events[e.Resident] = slices.Insert(list, i, e)
	return nil
}

// Events implements healthrecord.TimelineStore.
func (s *Store) Events(ctx context.Context, f healthrecord.EventFilter) iter.Seq2[healthrecord.ServiceEvent, error] {
	return func(yield func(healthrecord.ServiceEvent, error) bool) {
		if err := memtable.CtxErr(ctx); err != nil {
			yield(healthrecord.ServiceEvent{}, err)
			return
		}
		s.mu.RLock()
		var snap []healthrecord.ServiceEvent
		add := func(list []healthrecord.ServiceEvent) {
			for _, e := range list {
				if f.Match(e) {
					snap = append(snap, e)
				}
			}
		}
		if f.Resident != "" {
			add(s.events[f.Resident])
		} else {
			for _, r := range s.residentsByEvents {
				add(s.events[r])
			}
		}
		s.mu.RUnlock()
		for _, e := range snap {
			if err := memtable.CtxErr(ctx); err != nil {
				yield(healthrecord.ServiceEvent{}, err)
				return
			}
			if !yield(e, nil) {
				return
			}
		}
	}
}

// Batch implements gongwei.Batcher for the health records: it calls f with ctx. Each
// write applies at once, so the writes of a failed batch stay; imports through the
// services are idempotent, so running a failed one again completes it.
func (s *Store) Batch(ctx context.Context, f func(ctx context.Context) error) error {
	return memtable.Batch(ctx, f)
}
