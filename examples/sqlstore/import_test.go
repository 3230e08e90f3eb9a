package sqlstore_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/education"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/immunization"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/maternal"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
	"github.com/gongwei-lib/gongwei/supervision"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

// memoryStores are fresh in-memory stores of every domain.
func memoryStores() synth.Stores {
	return synth.Stores{Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
		Child: childmem.New(), Immunization: immunizationmem.New(), Supervision: supervisionmem.New(),
		Education: educationmem.New()}
}

// singleRecord hides the stores' gongwei.Batcher (a struct embedding an interface has
// only the interface's methods), so the services write record by record.
func singleRecord(s synth.Stores) synth.Stores {
	return synth.Stores{
		Records:      struct{ healthrecord.Store }{s.Records},
		Chronic:      struct{ chronic.Store }{s.Chronic},
		Maternal:     struct{ maternal.Store }{s.Maternal},
		Child:        struct{ child.Store }{s.Child},
		Immunization: struct{ immunization.Store }{s.Immunization},
		Supervision:  struct{ supervision.Store }{s.Supervision},
		Education:    struct{ education.Store }{s.Education},
	}
}

// dump returns every record of s, of every kind, as lines "kind<TAB>JSON" in the order
// of the stores' streams, and the number of records of each kind.
func dump(t *testing.T, s synth.Stores) ([]string, map[string]int) {
	t.Helper()
	ctx := context.Background()
	var lines []string
	counts := map[string]int{}
	add := func(kind string, x any) {
		b, err := json.Marshal(x)
		require.NoError(t, err)
		lines = append(lines, kind+"\t"+string(b))
		counts[kind]++
	}
	households := map[healthrecord.HouseholdID]bool{}
	for r, err := range s.Records.Residents(ctx, healthrecord.ResidentFilter{}) {
		require.NoError(t, err)
		add("resident", r)
		households[r.Household] = true
	}
	ids := make([]healthrecord.HouseholdID, 0, len(households))
	for id := range households {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		h, err := s.Records.Household(ctx, id)
		if errors.Is(err, gongwei.ErrNotFound) {
			continue
		}
		require.NoError(t, err)
		add("household", h)
	}
	each(t, s.Records.Checkups(ctx, healthrecord.CheckupFilter{}), "checkup", add)
	each(t, s.Records.Contracts(ctx, healthrecord.ContractFilter{}), "contract", add)
	each(t, s.Records.Events(ctx, healthrecord.EventFilter{}), "event", add)
	each(t, s.Chronic.Patients(ctx, chronic.PatientFilter{}), "chronic patient", add)
	each(t, s.Chronic.Visits(ctx, chronic.VisitFilter{}), "chronic visit", add)
	each(t, s.Maternal.Pregnancies(ctx, maternal.Filter{}), "pregnancy", add)
	each(t, s.Child.Children(ctx, child.ChildFilter{}), "child", add)
	each(t, s.Child.Visits(ctx, child.VisitFilter{}), "child visit", add)
	each(t, s.Immunization.Registrations(ctx, immunization.Filter{}), "registration", add)
	each(t, s.Immunization.Vaccinations(ctx, immunization.VaccinationFilter{}), "vaccination", add)
	each(t, s.Supervision.Units(ctx, supervision.UnitFilter{}), "unit", add)
	each(t, s.Supervision.Inspections(ctx, supervision.InspectionFilter{}), "inspection", add)
	each(t, s.Supervision.Complaints(ctx, supervision.Filter{}), "complaint", add)
	each(t, s.Supervision.Clues(ctx, supervision.Filter{}), "clue", add)
	each(t, s.Supervision.CaseReports(ctx, supervision.Filter{}), "case report", add)
	each(t, s.Supervision.EmergencyReports(ctx, supervision.Filter{}), "emergency report", add)
	each(t, s.Education.Activities(ctx, education.Filter{}), "activity", add)
	return lines, counts
}

func each[T any](t *testing.T, seq iter.Seq2[T, error], kind string, add func(string, any)) {
	t.Helper()
	for x, err := range seq {
		require.NoError(t, err)
		add(kind, x)
	}
}

// importEngines are the stores the import tests run on: memory, SQLite and, when
// GONGWEI_TEST_POSTGRES is set, PostgreSQL. Each call of fresh gives empty stores.
func importEngines(t *testing.T) []struct {
	name  string
	fresh func() synth.Stores
} {
	return importEnginesOf(t, false)
}

// importEnginesOf are importEngines, with "postgres-deferred" too when deferred is set.
func importEnginesOf(t *testing.T, deferred bool) []struct {
	name  string
	fresh func() synth.Stores
} {
	type engine = struct {
		name  string
		fresh func() synth.Stores
	}
	newSQLite := sqliteStores(t)
	out := []engine{
		{"memory", memoryStores},
		{"sqlite", func() synth.Stores { return countyStores(newSQLite()) }},
	}
	if os.Getenv(postgresEnv) != "" {
		newPostgres := postgresStores(t)
		out = append(out, engine{"postgres", func() synth.Stores { return countyStores(newPostgres()) }})
		if deferred {
			out = append(out, engine{"postgres-deferred", func() synth.Stores {
				db := newPostgres()
				db.DeferWrites(true)
				return countyStores(db)
			}})
		}
	}
	return out
}

// deferredEngines are importEngines and, when postgresEnv is set, "postgres-deferred":
// PostgreSQL with the batches' deferred writes on (DB.DeferWrites).
func deferredEngines(t *testing.T) []struct {
	name  string
	fresh func() synth.Stores
} {
	return importEnginesOf(t, true)
}

// importRegistries runs f on every engine of importEngines with fresh stores and a
// healthrecord.Registry over their records that takes records without an actor.
func importRegistries(t *testing.T, f func(t *testing.T, ctx context.Context, s synth.Stores, reg *healthrecord.Registry)) {
	for _, e := range importEngines(t) {
		t.Run(e.name, func(t *testing.T) {
			s := e.fresh()
			f(t, context.Background(), s, healthrecord.New(s.Records, healthrecord.Options{Unattributed: true}))
		})
	}
}

// TestLoadBatchEqualsSingle loads one county through the batch path (the stores'
// gongwei.Batcher: one transaction per chunk of residents on SQL) and through the
// single-record path (the same stores with Batch hidden), on every engine, and checks
// that every store holds exactly the same records, record for record, as the memory
// stores loaded through the batch path.
func TestLoadBatchEqualsSingle(t *testing.T) {
	ctx := context.Background()
	c, err := synth.New(synth.DefaultConfig(400))
	require.NoError(t, err)
	ref := memoryStores()
	require.NoError(t, c.LoadAll(ctx, ref))
	want, counts := dump(t, ref)
	for _, kind := range []string{"resident", "household", "checkup", "contract", "event", "chronic patient",
		"chronic visit", "pregnancy", "child", "child visit", "registration", "vaccination", "unit",
		"inspection", "activity"} {
		assert.Positive(t, counts[kind], kind)
	}
	assert.Equal(t, 400, counts["resident"])
	for _, e := range deferredEngines(t) {
		for _, path := range []string{"batch", "single"} {
			t.Run(e.name+"/"+path, func(t *testing.T) {
				s := e.fresh()
				if path == "single" {
					s = singleRecord(s)
				} else {
					_, ok := s.Records.(gongwei.Batcher)
					require.True(t, ok, "the store is a Batcher")
				}
				require.NoError(t, c.LoadAll(ctx, s))
				got, _ := dump(t, s)
				require.Equal(t, len(want), len(got))
				for i := range want {
					if want[i] != got[i] {
						t.Fatalf("record %d differs:\nwant %s\n got %s", i, want[i], got[i])
					}
				}
			})
		}
	}
}

// importResidents are five residents for an import: #1 lacks its creation date
// (invalid), #3 has #0's ID number (a duplicate of another record's unique key) and #4
// comes with Version 1 (an import only inserts); #0 and #2 are good.
func importResidents() []*healthrecord.Resident {
	var rs []*healthrecord.Resident
	for i := range 5 {
		r := recordtest.ResidentAt(i+1, fmt.Sprintf("41052300110100%03d", i+1))
		r.ID = ""
		id, err := healthrecord.NewIDNumber("410523", gongwei.MustDate(1960, 1, 1).AddDays(i), 10+i)
		if err != nil {
			panic(err)
		}
		r.IDNumber, r.BirthDate, r.Sex = id, id.BirthDate(), id.Sex()
		r.Version = 0
		rs = append(rs, r)
	}
	rs[1].Created = gongwei.Date{}
	rs[3].IDNumber, rs[3].BirthDate, rs[3].Sex = rs[0].IDNumber, rs[0].BirthDate, rs[0].Sex
	rs[4].Version = 1
	return rs
}

// TestImportRejectsAndReports imports residents of which three are bad: the two good
// ones are stored, each bad one is reported with its position, kind and problem, and
// the import goes on after each (on PostgreSQL too, where a failed statement would
// abort the transaction). Run again, the import stores nothing new and skips the two.
func TestImportRejectsAndReports(t *testing.T) {
	importRegistries(t, func(t *testing.T, ctx context.Context, s synth.Stores, reg *healthrecord.Registry) {
		for run, want := range []struct{ stored, skipped int }{{2, 0}, {0, 2}} {
			rep, err := reg.ImportResidents(ctx, slices.Values(importResidents()))
			require.NoError(t, err)
			assert.Equal(t, 5, rep.Read, "run %d", run)
			assert.Equal(t, 5, rep.Done)
			assert.True(t, rep.Complete())
			assert.Equal(t, want.stored, rep.Stored, "run %d", run)
			assert.Equal(t, want.skipped, rep.Skipped, "run %d", run)
			require.Len(t, rep.Rejected, 3)
			for k, idx := range []int{1, 3, 4} {
				assert.Equal(t, idx, rep.Rejected[k].Index)
				assert.Equal(t, "healthrecord.Resident", rep.Rejected[k].Kind)
			}
			var ve *gongwei.ValidationError
			require.ErrorAs(t, rep.Rejected[0].Err, &ve)
			assert.True(t, ve.Has("Created", gongwei.CodeRequired), "%v", ve)
			assert.ErrorIs(t, rep.Rejected[1].Err, gongwei.ErrDuplicate)
			require.ErrorAs(t, rep.Rejected[2].Err, &ve)
			assert.True(t, ve.Has("Version", gongwei.CodeNotAllowed), "%v", ve)
			for _, p := range rep.Rejected {
				// No personal value in the report.
				assert.NotContains(t, p.Error(), importResidents()[0].IDNumber.String())
				assert.NotContains(t, p.Error(), importResidents()[0].Name)
			}
		}
		n := 0
		for r, err := range s.Records.Residents(ctx, healthrecord.ResidentFilter{}) {
			require.NoError(t, err)
			assert.Contains(t, []string{"41052300110100001", "41052300110100003"}, string(r.ID))
			assert.Equal(t, int64(1), r.Version)
			n++
		}
		assert.Equal(t, 2, n)
		// The timeline holds each stored resident's basic-information event once.
		events := 0
		for _, err := range s.Records.Events(ctx, healthrecord.EventFilter{}) {
			require.NoError(t, err)
			events++
		}
		assert.Equal(t, 2, events)
	})
}

// cancelAt is a health-record store that cancels the import's context when the n-th
// resident is put, before putting it: the put then fails with the context's error in the
// middle of a chunk. Its Batch is the wrapped store's.
type cancelAt struct {
	healthrecord.Store
	batch  gongwei.Batcher
	n      int
	puts   int
	cancel context.CancelFunc
}

func (s *cancelAt) PutResident(ctx context.Context, r *healthrecord.Resident, prev int64) error {
	s.puts++
	if s.puts == s.n {
		s.cancel()
	}
	return s.Store.PutResident(ctx, r, prev)
}

func (s *cancelAt) Batch(ctx context.Context, f func(context.Context) error) error {
	return s.batch.Batch(ctx, f)
}

// manyResidents returns n valid residents for an import, in village 410523001101.
func manyResidents(n int) iter.Seq[*healthrecord.Resident] {
	return func(yield func(*healthrecord.Resident) bool) {
		for i := range n {
			r := recordtest.ResidentAt(i+1, fmt.Sprintf("410523001101%05d", i+1))
			id, err := healthrecord.NewIDNumber("410523", gongwei.MustDate(1950, 1, 1).AddDays(i/500), i%500)
			if err != nil {
				panic(err)
			}
			r.ID, r.IDNumber, r.BirthDate, r.Sex, r.Version = "", id, id.BirthDate(), id.Sex(), 0
			if !yield(r) {
				return
			}
		}
	}
}

// TestImportCancelled cancels an import in the middle of its third chunk (of 1000
// residents): the import stops with the context's error, the report says two chunks
// are done, and on the SQL stores exactly those are stored (the chunk in flight was
// rolled back). Run again, the import completes: the 2000 are skipped and the rest
// stored.
func TestImportCancelled(t *testing.T) {
	const n, cut = 2500, 2300
	for _, e := range importEngines(t) {
		t.Run(e.name, func(t *testing.T) {
			s := e.fresh()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			b, ok := s.Records.(gongwei.Batcher)
			require.True(t, ok)
			reg := healthrecord.New(&cancelAt{Store: s.Records, batch: b, n: cut, cancel: cancel}, healthrecord.Options{Unattributed: true})
			rep, err := reg.ImportResidents(ctx, manyResidents(n))
			require.ErrorIs(t, err, context.Canceled)
			assert.Equal(t, 2000, rep.Done)
			assert.Equal(t, 2000, rep.Stored)
			assert.False(t, rep.Complete())
			stored := count(t, s.Records.Residents(context.Background(), healthrecord.ResidentFilter{}))
			if e.name == "memory" {
				// The memory store's batches are not all-or-nothing: the residents put
				// before the cancellation stay.
				assert.Equal(t, cut-1, stored)
			} else {
				assert.Equal(t, 2000, stored)
			}
			rep, err = healthrecord.New(s.Records, healthrecord.Options{Unattributed: true}).ImportResidents(context.Background(), manyResidents(n))
			require.NoError(t, err)
			assert.Equal(t, n, rep.Done)
			assert.Equal(t, stored, rep.Skipped)
			assert.Equal(t, n-stored, rep.Stored)
			assert.Empty(t, rep.Rejected)
			assert.Equal(t, n, count(t, s.Records.Residents(context.Background(), healthrecord.ResidentFilter{})))
			assert.Equal(t, n, count(t, s.Records.Events(context.Background(), healthrecord.EventFilter{})))
		})
	}
}

func count[T any](t *testing.T, seq iter.Seq2[T, error]) int {
	t.Helper()
	n := 0
	for _, err := range seq {
		require.NoError(t, err)
		n++
	}
	return n
}

// killEnv names the environment variable that makes TestLoadKilledResumes, in a child
// process, load a county into the SQLite file it names.
const killEnv = "GONGWEI_TEST_LOAD_KILLED"

// killResidents is the county size of TestLoadKilledResumes: six chunks of residents.
const killResidents = 6000

// TestLoadKilledResumes kills (SIGKILL) a process in the middle of loading a county into
// an SQLite file, then opens the file: it opens, holds the chunks committed before the
// kill (whole residents with all their records, nothing of the chunk in flight), and
// loading the county again completes it, record for record equal to a clean load.
func TestLoadKilledResumes(t *testing.T) {
	ctx := context.Background()
	c, err := synth.New(synth.DefaultConfig(killResidents))
	require.NoError(t, err)
	if path := os.Getenv(killEnv); path != "" {
		// The child: load until killed.
		db, err := sqlstore.Open(ctx, "sqlite:"+path)
		require.NoError(t, err)
		require.NoError(t, c.LoadAll(ctx, countyStores(db)))
		t.Fatal("the load finished before the parent killed it")
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLoadKilledResumes$", "-test.count=1")
	cmd.Env = append(os.Environ(), killEnv+"="+path)
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Wait for the first chunk to commit, then kill the child in the middle of the next.
	var db *sqlstore.DB
	deadline := time.Now().Add(2 * time.Minute)
	for {
		require.True(t, time.Now().Before(deadline), "no chunk committed in time")
		select {
		case err := <-exited:
			t.Fatalf("the child exited before it was killed: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
		if _, err := os.Stat(path); err != nil {
			continue
		}
		if db == nil {
			if db, err = sqlstore.Open(ctx, "sqlite:"+path); err != nil {
				db = nil
				continue
			}
		}
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM residents").Scan(&n); err == nil && n > 0 {
			break
		}
	}
	db.Close()
	// The child is in its second chunk now (of six).
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	err = <-exited
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	assert.False(t, ee.Exited(), "the child was killed, not finished")

	// The file opens and holds whole chunks.
	db, err = sqlstore.Open(ctx, "sqlite:"+path)
	require.NoError(t, err)
	defer db.Close()
	s := countyStores(db)
	residents := count(t, s.Records.Residents(ctx, healthrecord.ResidentFilter{}))
	t.Logf("after the kill: %d of %d residents", residents, killResidents)
	assert.Positive(t, residents)
	assert.Less(t, residents, killResidents)
	assert.Zero(t, residents%synth.LoadChunk, "whole chunks of residents")

	// Loading again completes the county, equal to a clean load.
	require.NoError(t, c.LoadAll(ctx, s))
	clean := memoryStores()
	require.NoError(t, c.LoadAll(ctx, clean))
	want, wantCounts := dump(t, clean)
	got, gotCounts := dump(t, s)
	assert.Equal(t, wantCounts, gotCounts)
	require.Equal(t, len(want), len(got))
	for i := range want {
		if want[i] != got[i] {
			t.Fatalf("record %d differs:\nwant %s\n got %s", i, want[i], got[i])
		}
	}
	assert.Equal(t, killResidents, wantCounts["resident"])
}

// TestBatch checks DB.Batch on each SQL engine: the writes of a batch that fails are
// all rolled back, across domain stores; a batch that succeeds commits them together;
// reads inside a batch see its writes while other connections do not; a batch inside a
// batch joins it; a panic rolls the batch back.
func TestBatch(t *testing.T) {
	ctx := context.Background()
	for _, e := range importEngines(t) {
		if e.name == "memory" {
			continue
		}
		t.Run(e.name, func(t *testing.T) {
			s := e.fresh()
			records := s.Records.(*sqlstore.HealthRecordStore)
			rs := slices.Collect(manyResidents(3))
			for _, r := range rs {
				r.ID, r.Version = healthrecord.ResidentID(r.Archive.String()), 1
			}
			errStop := errors.New("stop")
			err := records.Batch(ctx, func(ctx context.Context) error {
				require.NoError(t, records.PutResident(ctx, rs[0], 0))
				got, err := records.Resident(ctx, rs[0].ID)
				require.NoError(t, err, "a batch reads its own writes")
				assert.Equal(t, rs[0].Name, got.Name)
				_, err = records.Resident(context.Background(), rs[0].ID)
				assert.ErrorIs(t, err, gongwei.ErrNotFound, "other connections do not see an open batch")
				require.NoError(t, records.AppendEvent(ctx, rs[0].BasicInfoEvent()))
				return errStop
			})
			require.ErrorIs(t, err, errStop)
			assert.Zero(t, count(t, records.Residents(ctx, healthrecord.ResidentFilter{})), "a failed batch stores nothing")
			assert.Zero(t, count(t, records.Events(ctx, healthrecord.EventFilter{})))

			assert.Panics(t, func() {
				_ = records.Batch(ctx, func(ctx context.Context) error {
					require.NoError(t, records.PutResident(ctx, rs[0], 0))
					panic("boom")
				})
			})
			assert.Zero(t, count(t, records.Residents(ctx, healthrecord.ResidentFilter{})), "a panicking batch stores nothing")

			err = records.Batch(ctx, func(ctx context.Context) error {
				if err := records.PutResident(ctx, rs[0], 0); err != nil {
					return err
				}
				// A batch of another domain store of the same DB joins this one.
				return s.Chronic.(gongwei.Batcher).Batch(ctx, func(ctx context.Context) error {
					if err := records.PutResident(ctx, rs[1], 0); err != nil {
						return err
					}
					// A stale put fails inside a batch as alone; the batch goes on.
					stale := rs[1].Clone()
					stale.Version = 2
					assert.ErrorIs(t, records.PutResident(ctx, stale, 0), gongwei.ErrConflict)
					return records.PutResident(ctx, rs[2], 0)
				})
			})
			require.NoError(t, err)
			assert.Equal(t, 3, count(t, records.Residents(ctx, healthrecord.ResidentFilter{})))
		})
	}
}

// TestImportChangedRecord imports residents again after one of them changed at the
// source: the unchanged ones are skipped, the changed one is rejected as stored with
// other content (gongwei.ErrConflict) and the stored record is left as it was.
func TestImportChangedRecord(t *testing.T) {
	importRegistries(t, func(t *testing.T, ctx context.Context, s synth.Stores, reg *healthrecord.Registry) {
		rep, err := reg.ImportResidents(ctx, manyResidents(3))
		require.NoError(t, err)
		require.Equal(t, 3, rep.Stored)
		changed := slices.Collect(manyResidents(3))
		changed[1].Name = "改名后"
		rep, err = reg.ImportResidents(ctx, slices.Values(changed))
		require.NoError(t, err)
		assert.Equal(t, 2, rep.Skipped)
		assert.Equal(t, 0, rep.Stored)
		require.Len(t, rep.Rejected, 1)
		assert.Equal(t, 1, rep.Rejected[0].Index)
		assert.ErrorIs(t, rep.Rejected[0].Err, gongwei.ErrConflict)
		assert.NotContains(t, rep.Rejected[0].Error(), "改名后")
		stored, err := s.Records.Resident(ctx, healthrecord.ResidentID(changed[1].Archive.String()))
		require.NoError(t, err)
		assert.NotEqual(t, "改名后", stored.Name)
		assert.Equal(t, int64(1), stored.Version)
	})
}
