package recordtest

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// kindOfAnotherService is the kind of an event another service registers (the
// vaccination): a store keeps every kind as given, registered or not.
const kindOfAnotherService healthrecord.EventKind = "vaccination"

// TestStore checks that an implementation of healthrecord.Store meets every clause of
// the contract documented on healthrecord.Store and its parts. Each case runs as a
// subtest on a fresh store from newStore and names the clause it checks; failures are
// reported with t.Errorf. Round trips compare with reflect.DeepEqual against the
// fixtures of this package, which fill every field, so every field is checked.
//
// The concurrent-writers case runs goroutines against one store: run the suite with
// -race.
func TestStore(t *testing.T, newStore func() healthrecord.Store) {
	t.Helper()
	storetest.Run(t, storeCases, func(t *storetest.T) *tc { return &tc{t} }, func(*testing.T) healthrecord.Store { return newStore() })
}

// storeCase is one clause of the contract and the check of it.
type storeCase = storetest.Clause[*tc, healthrecord.Store]

// tc reports failures with the clause they break.
// tc is the test handle of a clause, with the helpers of this suite.
type tc struct{ *storetest.T }

// putResident stores r as version prev+1 over prev.
func (t *tc) putResident(s healthrecord.Store, r *healthrecord.Resident, prev int64) {
	t.Helper()
	r.Version = prev + 1
	t.Must(s.PutResident(t.Ctx, r, prev), "PutResident")
}

func residentIDs(rs []*healthrecord.Resident) []healthrecord.ResidentID {
	out := make([]healthrecord.ResidentID, len(rs))
	for i, r := range rs {
		out[i] = r.ID
	}
	return out
}

// interleaved races two writers of resident id, forced to interleave between their read
// and their put (storetest.Check): exactly one put must succeed, the other must fail
// with gongwei.ErrConflict, and the winner's record must be stored. It fails the case
// otherwise, so that a store losing updates stops there.
func (t *tc) interleaved(s healthrecord.Store, id healthrecord.ResidentID) {
	t.Helper()
	err := storetest.CheckRecord(t.Ctx,
		func(ctx context.Context) (*healthrecord.Resident, error) { return s.Resident(ctx, id) },
		func(r *healthrecord.Resident) *int64 { return &r.Version },
		func(w int, r *healthrecord.Resident) {
			r.Tags = append(r.Tags, healthrecord.Tag(fmt.Sprintf("interleaved-%d", w)))
		},
		s.PutResident, gongwei.ErrConflict)
	if err != nil {
		t.Stopf("PutResident of two writers that both read before either puts: %v", err)
	}
}

// checkupFixture builds the checkup of r on d through the package fixture.
func checkupFixture(r *healthrecord.Resident, d gongwei.Date) *healthrecord.Checkup {
	return Checkup(r, d)
}

func date(y int, m time.Month, d int) gongwei.Date { return gongwei.MustDate(y, m, d) }

// Archive numbers of the jurisdiction cases: two counties, two townships, two villages.
const (
	archA = "11010500110100001" // county 110105, township 001, village 101, serial 1
	archB = "11010500110100002" // same village, serial 2
	archC = "11010500110200001" // village 102
	archD = "11010500210100001" // township 002
	archE = "11010600110100001" // county 110106
)

var storeCases = []storeCase{
	{
		Name: "ResidentRoundTrip",
		Text: "PutResident stores r exactly as given, Version included; Resident, ResidentByIDNumber and ResidentByArchive return it with every field equal",
		Run: func(t *tc, s healthrecord.Store) {
			for i := 1; i <= 3; i++ {
				want := Resident(i)
				t.putResident(s, want, 0)
				for name, get := range map[string]func() (*healthrecord.Resident, error){
					"Resident":           func() (*healthrecord.Resident, error) { return s.Resident(t.Ctx, want.ID) },
					"ResidentByIDNumber": func() (*healthrecord.Resident, error) { return s.ResidentByIDNumber(t.Ctx, want.IDNumber) },
					"ResidentByArchive":  func() (*healthrecord.Resident, error) { return s.ResidentByArchive(t.Ctx, want.Archive) },
				} {
					got, err := get()
					t.Must(err, name)
					if !reflect.DeepEqual(got, want) {
						t.Failf("%s(resident %d):\ngot  %+v\nwant %+v", name, i, got, want)
					}
				}
			}
		},
	},
	{
		Name: "ResidentNotFound",
		Text: "lookups of a missing resident fail with an error wrapping gongwei.ErrNotFound, also for the zero IDNumber and zero ArchiveNumber",
		Run: func(t *tc, s healthrecord.Store) {
			stored := Resident(1)
			t.putResident(s, stored, 0)
			missing := Resident(2)
			_, err := s.Resident(t.Ctx, missing.ID)
			t.WantErr(err, gongwei.ErrNotFound, "Resident")
			_, err = s.ResidentByIDNumber(t.Ctx, missing.IDNumber)
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByIDNumber")
			_, err = s.ResidentByArchive(t.Ctx, missing.Archive)
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByArchive")
			_, err = s.ResidentByIDNumber(t.Ctx, healthrecord.IDNumber{})
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByIDNumber(zero)")
			_, err = s.ResidentByArchive(t.Ctx, healthrecord.ArchiveNumber{})
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByArchive(zero)")
		},
	},
	{
		Name: "DuplicateIDNumber",
		Text: "a put giving a second resident the ID number of another fails with an error wrapping gongwei.ErrDuplicate and stores nothing",
		Run: func(t *tc, s healthrecord.Store) {
			first := Resident(1)
			t.putResident(s, first, 0)
			second := Resident(2)
			second.IDNumber = first.IDNumber
			second.Version = 1
			t.WantErr(s.PutResident(t.Ctx, second, 0), gongwei.ErrDuplicate, "PutResident")
			_, err := s.Resident(t.Ctx, second.ID)
			t.WantErr(err, gongwei.ErrNotFound, "Resident(rejected)")
			got, err := s.ResidentByIDNumber(t.Ctx, first.IDNumber)
			t.Must(err, "ResidentByIDNumber")
			if got.ID != first.ID {
				t.Failf("ResidentByIDNumber gives %q, want the first resident %q", got.ID, first.ID)
			}
		},
	},
	{
		Name: "DuplicateArchive",
		Text: "a put giving a second resident the archive number of another fails with an error wrapping gongwei.ErrDuplicate and stores nothing",
		Run: func(t *tc, s healthrecord.Store) {
			first := Resident(1)
			t.putResident(s, first, 0)
			second := Resident(2)
			second.Archive = first.Archive
			second.Version = 1
			t.WantErr(s.PutResident(t.Ctx, second, 0), gongwei.ErrDuplicate, "PutResident")
			_, err := s.Resident(t.Ctx, second.ID)
			t.WantErr(err, gongwei.ErrNotFound, "Resident(rejected)")
			_, err = s.ResidentByIDNumber(t.Ctx, second.IDNumber)
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByIDNumber(rejected)")
			got, err := s.ResidentByArchive(t.Ctx, first.Archive)
			t.Must(err, "ResidentByArchive")
			if got.ID != first.ID {
				t.Failf("ResidentByArchive gives %q, want the first resident %q", got.ID, first.ID)
			}
		},
	},
	{
		Name: "ZeroIDNumberNotUnique",
		Text: "only non-zero ID numbers are unique: residents without one (young children) can all be stored",
		Run: func(t *tc, s healthrecord.Store) {
			for i := 1; i <= 3; i++ {
				r := Resident(i)
				r.IDNumber = healthrecord.IDNumber{}
				t.putResident(s, r, 0)
			}
		},
	},
	versionsCase("ResidentVersions", "PutResident compares and swaps: prev 0 inserts and fails with gongwei.ErrConflict when the ID exists; prev > 0 updates and fails with gongwei.ErrConflict when the stored version differs or the record is absent; a failed put stores nothing", residentKind),
	versionsCase("HouseholdVersions", "PutHousehold compares and swaps as PutResident does", householdKind),
	versionsCase("CheckupVersions", "PutCheckup compares and swaps as PutResident does", checkupKind),
	versionsCase("ContractVersions", "PutContract compares and swaps as PutResident does", contractKind),
	{
		Name: "ConflictBeforeDuplicate",
		Text: "the version check comes first: a put that is both stale and a duplicate fails with gongwei.ErrConflict",
		Run: func(t *tc, s healthrecord.Store) {
			first, second := Resident(1), Resident(2)
			t.putResident(s, first, 0)
			t.putResident(s, second, 0)
			stale := second.Clone()
			stale.IDNumber = first.IDNumber
			stale.Version = 6
			err := s.PutResident(t.Ctx, stale, 5)
			t.WantErr(err, gongwei.ErrConflict, "PutResident(stale duplicate)")
		},
	},
	{
		Name: "ResidentKeysChange",
		Text: "an update may change a resident's ID number and archive number: the old keys are freed and the new ones found; a record keeping its own keys is not its own duplicate",
		Run: func(t *tc, s healthrecord.Store) {
			r := Resident(1)
			t.putResident(s, r, 0)
			t.putResident(s, r, 1) // same keys: not a duplicate of itself
			oldID, oldArchive := r.IDNumber, r.Archive
			moved := Resident(2)
			r.IDNumber, r.Archive = moved.IDNumber, moved.Archive
			t.putResident(s, r, 2)
			_, err := s.ResidentByIDNumber(t.Ctx, oldID)
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByIDNumber(old)")
			_, err = s.ResidentByArchive(t.Ctx, oldArchive)
			t.WantErr(err, gongwei.ErrNotFound, "ResidentByArchive(old)")
			got, err := s.ResidentByIDNumber(t.Ctx, moved.IDNumber)
			storetest.WantSame(t.T, "ResidentByIDNumber(new)", got, err, r)
			got, err = s.ResidentByArchive(t.Ctx, moved.Archive)
			storetest.WantSame(t.T, "ResidentByArchive(new)", got, err, r)
			// The freed keys can be taken by another resident.
			other := Resident(3)
			other.IDNumber, other.Archive = oldID, oldArchive
			t.putResident(s, other, 0)
			rs, err := storetest.Collect(s.Residents(t.Ctx, healthrecord.ResidentFilter{Prefix: oldArchive.String()}))
			t.Must(err, "Residents")
			if ids := residentIDs(rs); !reflect.DeepEqual(ids, []healthrecord.ResidentID{other.ID}) {
				t.Failf("Residents(old archive) = %v, want [%v]", ids, other.ID)
			}
		},
	},
	{
		Name: "ConcurrentWriters",
		Text: "a Store is safe for concurrent use: of two writers that both read version v before either puts, exactly one put over v succeeds, the other fails with gongwei.ErrConflict, and the winner's record is stored; concurrent read-modify-write loops that retry on gongwei.ErrConflict lose no update",
		Run: func(t *tc, s healthrecord.Store) {
			const writers, updates = 8, 25
			r := Resident(1)
			r.Tags = nil
			t.putResident(s, r, 0)
			t.interleaved(s, r.ID)
			for _, err := range storetest.Contend(t.Ctx, writers, updates, func(ctx context.Context, w, u int) error {
				got, err := s.Resident(ctx, r.ID)
				if err != nil {
					return err
				}
				prev := got.Version
				tag := healthrecord.Tag(fmt.Sprintf("w%02d-%03d", w, u))
				got.Tags = append(got.Tags, tag)
				got.Version = prev + 1
				return s.PutResident(ctx, got, prev)
			}) {
				t.Failf("concurrent writer: %v", err)
			}
			got, err := s.Resident(t.Ctx, r.ID)
			t.Must(err, "Resident")
			seen := map[healthrecord.Tag]bool{}
			for _, tag := range got.Tags {
				seen[tag] = true
			}
			if lost := writers*updates - len(seen) + 1; lost != 0 || len(got.Tags) != 1+writers*updates {
				t.Failf("%d updates lost, %d tags stored, want %d distinct", lost, len(got.Tags), 1+writers*updates)
			}
			if want := int64(2 + writers*updates); got.Version != want {
				t.Failf("final version %d, want %d", got.Version, want)
			}
		},
	},
	{
		Name: "ResidentsByPrefix",
		Text: "Residents selects by archive-number prefix (county 6, township 9, village 12 digits, or a whole number) and streams in archive-number order",
		Run: func(t *tc, s healthrecord.Store) {
			putJurisdictions(t, s)
			for _, c := range []struct {
				prefix string
				want   []string
			}{
				{"", []string{archA, archB, archC, archD, archE}},
				{"110105", []string{archA, archB, archC, archD}},
				{"110105001", []string{archA, archB, archC}},
				{"110105001101", []string{archA, archB}},
				{archB, []string{archB}},
				{"110106", []string{archE}},
				{"9", nil},
			} {
				rs, err := storetest.Collect(s.Residents(t.Ctx, healthrecord.ResidentFilter{Prefix: c.prefix}))
				t.Must(err, "Residents")
				if got := archives(rs); !reflect.DeepEqual(got, c.want) {
					t.Failf("Residents(prefix %q) = %v, want %v", c.prefix, got, c.want)
				}
			}
		},
	},
	{
		Name: "ResidentsByTag",
		Text: "Residents selects by key-population tag, combines tag and prefix with AND, and streams in archive-number order",
		Run: func(t *tc, s healthrecord.Store) {
			putJurisdictions(t, s)
			for _, c := range []struct {
				f    healthrecord.ResidentFilter
				want []string
			}{
				{healthrecord.ResidentFilter{Tag: healthrecord.TagElderly}, []string{archA, archC, archE}},
				{healthrecord.ResidentFilter{Tag: healthrecord.TagHypertension}, []string{archC, archD}},
				{healthrecord.ResidentFilter{Tag: healthrecord.TagElderly, Prefix: "110105"}, []string{archA, archC}},
				{healthrecord.ResidentFilter{Tag: healthrecord.TagHypertension, Prefix: "110105001"}, []string{archC}},
				{healthrecord.ResidentFilter{Tag: healthrecord.TagPregnant}, nil},
			} {
				rs, err := storetest.Collect(s.Residents(t.Ctx, c.f))
				t.Must(err, "Residents")
				if got := archives(rs); !reflect.DeepEqual(got, c.want) {
					t.Failf("Residents(%+v) = %v, want %v", c.f, got, c.want)
				}
			}
		},
	},
	{
		Name: "LastArchive",
		Text: "LastArchive returns the highest archive number stored in the village, and the zero ArchiveNumber with a nil error for a village with none",
		Run: func(t *tc, s healthrecord.Store) {
			putJurisdictions(t, s)
			for _, c := range []struct {
				village healthrecord.Village
				want    string
			}{
				{"110105001101", archB},
				{"110105001102", archC},
				{"110105001103", ""},
				{"110107001101", ""},
			} {
				got, err := s.LastArchive(t.Ctx, c.village)
				t.Must(err, "LastArchive")
				if got.String() != c.want {
					t.Failf("LastArchive(%s) = %q, want %q", c.village, got, c.want)
				}
			}
			// A higher serial stored later (serial 10 > serial 2) is the new last.
			r := ResidentAt(10, "11010500110100010")
			t.putResident(s, r, 0)
			got, err := s.LastArchive(t.Ctx, "110105001101")
			t.Must(err, "LastArchive")
			if got.String() != "11010500110100010" {
				t.Failf("LastArchive after serial 10 = %q, want 11010500110100010", got)
			}
		},
	},
	{
		Name: "StreamEarlyBreak",
		Text: "a consumer that stops early releases the iterator's hold: the store can be written and streamed again at once",
		Run: func(t *tc, s healthrecord.Store) {
			putJurisdictions(t, s)
			r := Resident(50)
			t.putResident(s, r, 0)
			c := checkupFixture(r, date(2024, 3, 1))
			c.Version = 1
			t.Must(s.PutCheckup(t.Ctx, c, 0), "PutCheckup")
			t.Must(s.PutCheckup(t.Ctx, checkupVersionedCopy(r, date(2024, 4, 1)), 0), "PutCheckup")
			k := Contract(r, date(2024, 1, 1))
			k.Version = 1
			t.Must(s.PutContract(t.Ctx, k, 0), "PutContract")
			t.Must(s.AppendEvent(t.Ctx, Event(r, healthrecord.EventCheckup, date(2024, 3, 1))), "AppendEvent")
			t.Must(s.AppendEvent(t.Ctx, Event(r, kindOfAnotherService, date(2024, 3, 2))), "AppendEvent")

			n := 0
			for _, err := range s.Residents(t.Ctx, healthrecord.ResidentFilter{}) {
				t.Must(err, "Residents")
				n++
				break
			}
			for _, err := range s.Checkups(t.Ctx, healthrecord.CheckupFilter{}) {
				t.Must(err, "Checkups")
				n++
				break
			}
			for _, err := range s.Contracts(t.Ctx, healthrecord.ContractFilter{}) {
				t.Must(err, "Contracts")
				n++
				break
			}
			for _, err := range s.Events(t.Ctx, healthrecord.EventFilter{}) {
				t.Must(err, "Events")
				n++
				break
			}
			if n != 4 {
				t.Failf("%d streams yielded a first value, want 4", n)
			}
			done := make(chan error, 1)
			go func() {
				r2 := r.Clone()
				r2.Version = 2
				if err := s.PutResident(t.Ctx, r2, 1); err != nil {
					done <- err
					return
				}
				rs, err := storetest.Collect(s.Residents(t.Ctx, healthrecord.ResidentFilter{}))
				if err == nil && len(rs) != 6 {
					err = fmt.Errorf("streaming residents after a break: %d residents, want 6", len(rs))
				}
				done <- err
			}()
			select {
			case err := <-done:
				t.Must(err, "store after early break")
			case <-time.After(10 * time.Second):
				t.Failf("store still blocked 10s after breaking out of streams")
			}
		},
	},
	{
		Name: "StreamRerunAndWriteInside",
		Text: "each call of a stream runs the query afresh, and the store may be used from inside the loop body",
		Run: func(t *tc, s healthrecord.Store) {
			putJurisdictions(t, s)
			seq := s.Residents(t.Ctx, healthrecord.ResidentFilter{Prefix: "110105001101"})
			first, err := storetest.Collect(seq)
			t.Must(err, "Residents")
			for r, err := range seq {
				t.Must(err, "Residents")
				// Write inside the loop: an update of the record being read.
				r.Name = r.Name + "*"
				prev := r.Version
				r.Version++
				t.Must(s.PutResident(t.Ctx, r, prev), "PutResident inside loop")
				_, err = s.Resident(t.Ctx, r.ID)
				t.Must(err, "Resident inside loop")
			}
			t.putResident(s, ResidentAt(11, "11010500110100003"), 0)
			again, err := storetest.Collect(seq)
			t.Must(err, "Residents")
			if len(again) != len(first)+1 {
				t.Failf("second run of the same stream gave %d residents, want %d", len(again), len(first)+1)
			}
			for _, r := range again[:len(first)] {
				if r.Version != 2 {
					t.Failf("resident %s: version %d after the update inside the loop, want 2", r.Archive, r.Version)
				}
			}
		},
	},
	{
		Name: "NotAliased",
		Text: "the store keeps its own copy: changing a record after putting it, or a record it returned, does not change what is stored",
		Run: func(t *tc, s healthrecord.Store) {
			r := Resident(1)
			r.Tags = []healthrecord.Tag{healthrecord.TagElderly, healthrecord.TagDiabetes}
			t.putResident(s, r, 0)
			want := r.Clone()
			r.Name = "changed"
			r.Tags[0] = healthrecord.TagPoor
			got, err := s.Resident(t.Ctx, want.ID)
			t.Must(err, "Resident")
			if !reflect.DeepEqual(got, want) {
				t.Failf("after changing the put record: got %+v, want %+v", got, want)
			}
			got.Name = "changed"
			got.Tags[0] = healthrecord.TagPoor
			for x, err := range s.Residents(t.Ctx, healthrecord.ResidentFilter{}) {
				t.Must(err, "Residents")
				x.Tags[1] = healthrecord.TagPoor
			}
			got, err = s.Resident(t.Ctx, want.ID)
			t.Must(err, "Resident")
			if !reflect.DeepEqual(got, want) {
				t.Failf("after changing returned records: got %+v, want %+v", got, want)
			}

			k := Contract(r, date(2024, 1, 1))
			k.Version = 1
			t.Must(s.PutContract(t.Ctx, k, 0), "PutContract")
			wantK := k.Clone()
			k.Members[0].Role = healthrecord.RoleSpecialist
			k.Tags[0] = healthrecord.TagPoor
			gotK, err := s.Contract(t.Ctx, k.ID)
			t.Must(err, "Contract")
			gotK.Members[1].Staff = "X"
			for x, err := range s.Contracts(t.Ctx, healthrecord.ContractFilter{}) {
				t.Must(err, "Contracts")
				x.Tags[1] = healthrecord.TagPoor
			}
			gotK, err = s.Contract(t.Ctx, k.ID)
			t.Must(err, "Contract")
			if !reflect.DeepEqual(gotK, wantK) {
				t.Failf("contract after changes outside the store: got %+v, want %+v", gotK, wantK)
			}

			c := checkupFixture(r, date(2024, 3, 1))
			c.Version = 1
			t.Must(s.PutCheckup(t.Ctx, c, 0), "PutCheckup")
			wantC := c.Clone()
			c.Date = date(2000, 1, 1)
			gotC, err := s.Checkup(t.Ctx, c.ID)
			t.Must(err, "Checkup")
			gotC.Date = date(2001, 1, 1)
			gotC, err = s.Checkup(t.Ctx, c.ID)
			t.Must(err, "Checkup")
			if !reflect.DeepEqual(gotC, wantC) {
				t.Failf("checkup after changes outside the store: got %+v, want %+v", gotC, wantC)
			}
		},
	},
	{
		Name: "HouseholdRoundTrip",
		Text: "PutHousehold stores h exactly as given; Household returns it, and fails with gongwei.ErrNotFound for a missing ID",
		Run: func(t *tc, s healthrecord.Store) {
			roundTrip(t, s, householdKind, Household(1, Resident(1)), Household(2, Resident(2)))
		},
	},
	{
		Name: "CheckupRoundTrip",
		Text: "PutCheckup stores c exactly as given; Checkup returns it, and fails with gongwei.ErrNotFound for a missing ID",
		Run: func(t *tc, s healthrecord.Store) {
			r := Resident(1)
			t.putResident(s, r, 0)
			roundTrip(t, s, checkupKind, checkupFixture(r, date(2024, 3, 1)), checkupFixture(r, date(2024, 3, 2)))
		},
	},
	{
		Name: "CheckupsByResidentAndPeriod",
		Text: "Checkups selects by resident and by period (Start included, End excluded, a zero bound open) and streams by date, then ID",
		Run: func(t *tc, s healthrecord.Store) {
			r1, r2 := Resident(1), Resident(2)
			t.putResident(s, r1, 0)
			t.putResident(s, r2, 0)
			mar := checkupFixture(r1, date(2024, 3, 1))
			jan := checkupFixture(r1, date(2024, 1, 15))
			mar2 := checkupFixture(r1, date(2024, 3, 1))
			mar2.ID += "-2"
			feb := checkupFixture(r2, date(2024, 2, 1))
			insert(t, s, checkupKind, mar2, feb, mar, jan)
			for _, c := range []struct {
				f    healthrecord.CheckupFilter
				want []*healthrecord.Checkup
			}{
				{healthrecord.CheckupFilter{}, []*healthrecord.Checkup{jan, feb, mar, mar2}},
				{healthrecord.CheckupFilter{Resident: r1.ID}, []*healthrecord.Checkup{jan, mar, mar2}},
				{healthrecord.CheckupFilter{Resident: r2.ID}, []*healthrecord.Checkup{feb}},
				{healthrecord.CheckupFilter{Resident: Resident(3).ID}, nil},
				{healthrecord.CheckupFilter{Period: gongwei.Period{Start: date(2024, 2, 1), End: date(2024, 3, 1)}}, []*healthrecord.Checkup{feb}},
				{healthrecord.CheckupFilter{Period: gongwei.Period{Start: date(2024, 3, 1)}}, []*healthrecord.Checkup{mar, mar2}},
				{healthrecord.CheckupFilter{Period: gongwei.Period{End: date(2024, 2, 1)}}, []*healthrecord.Checkup{jan}},
				{healthrecord.CheckupFilter{Resident: r1.ID, Period: gongwei.Year(2024)}, []*healthrecord.Checkup{jan, mar, mar2}},
				{healthrecord.CheckupFilter{Resident: r1.ID, Period: gongwei.Month(2024, time.February)}, nil},
			} {
				wantStream(t, checkupKind, "Checkups", s.Checkups(t.Ctx, c.f), c.f, c.want)
			}
		},
	},
	{
		Name: "ContractRoundTrip",
		Text: "PutContract stores c exactly as given; Contract returns it, and fails with gongwei.ErrNotFound for a missing ID",
		Run: func(t *tc, s healthrecord.Store) {
			r := Resident(1)
			t.putResident(s, r, 0)
			roundTrip(t, s, contractKind, Contract(r, date(2024, 1, 1)), Contract(r, date(2025, 1, 1)))
		},
	},
	{
		Name: "ContractsFilter",
		Text: "Contracts selects by resident, by team and by overlap with a period (a zero bound open), and streams by period start, then ID",
		Run: func(t *tc, s healthrecord.Store) {
			r1, r2 := Resident(1), Resident(2)
			t.putResident(s, r1, 0)
			t.putResident(s, r2, 0)
			k1 := Contract(r1, date(2024, 1, 1)) // [2024-01-01, 2025-01-01), T001
			k2 := Contract(r1, date(2025, 1, 1)) // [2025-01-01, 2026-01-01), T002
			k2.Team = "T002"
			k3 := Contract(r2, date(2024, 7, 1)) // [2024-07-01, 2025-07-01), T001
			insert(t, s, contractKind, k3, k2, k1)
			for _, c := range []struct {
				f    healthrecord.ContractFilter
				want []*healthrecord.Contract
			}{
				{healthrecord.ContractFilter{}, []*healthrecord.Contract{k1, k3, k2}},
				{healthrecord.ContractFilter{Resident: r1.ID}, []*healthrecord.Contract{k1, k2}},
				{healthrecord.ContractFilter{Team: "T001"}, []*healthrecord.Contract{k1, k3}},
				{healthrecord.ContractFilter{Resident: r1.ID, Team: "T001"}, []*healthrecord.Contract{k1}},
				// k1 ends on 2025-01-01 (excluded): it does not overlap January 2025.
				{healthrecord.ContractFilter{Period: gongwei.Month(2025, time.January)}, []*healthrecord.Contract{k3, k2}},
				// k3 starts on 2024-07-01, the excluded end.
				{healthrecord.ContractFilter{Period: gongwei.Period{End: date(2024, 7, 1)}}, []*healthrecord.Contract{k1}},
				{healthrecord.ContractFilter{Period: gongwei.Period{Start: date(2025, 7, 1)}}, []*healthrecord.Contract{k2}},
				{healthrecord.ContractFilter{Period: gongwei.Year(2023)}, nil},
			} {
				wantStream(t, contractKind, "Contracts", s.Contracts(t.Ctx, c.f), c.f, c.want)
			}
		},
	},
	{
		Name: "TimelineOrder",
		Text: "Events streams by resident ID, then date, then appending order, with every field as appended",
		Run: func(t *tc, s healthrecord.Store) {
			r1, r2 := Resident(1), Resident(2)
			if r1.ID > r2.ID {
				r1, r2 = r2, r1
			}
			may := Event(r1, healthrecord.EventCheckup, date(2024, 5, 1))
			jan := Event(r1, kindOfAnotherService, date(2024, 1, 1))
			mayNoRef := Event(r1, healthrecord.EventConsultation, date(2024, 5, 1))
			mayNoRef.Ref = ""
			mar := Event(r1, healthrecord.EventTCM, date(2024, 3, 1))
			other := Event(r2, healthrecord.EventCheckup, date(2023, 1, 1))
			for _, e := range []healthrecord.ServiceEvent{may, other, jan, mayNoRef, mar} {
				t.Must(s.AppendEvent(t.Ctx, e), "AppendEvent")
			}
			for _, c := range []struct {
				f    healthrecord.EventFilter
				want []healthrecord.ServiceEvent
			}{
				{healthrecord.EventFilter{Resident: r1.ID}, []healthrecord.ServiceEvent{jan, mar, may, mayNoRef}},
				{healthrecord.EventFilter{}, []healthrecord.ServiceEvent{jan, mar, may, mayNoRef, other}},
				{healthrecord.EventFilter{Resident: r1.ID, Period: gongwei.Period{Start: date(2024, 3, 1), End: date(2024, 5, 1)}}, []healthrecord.ServiceEvent{mar}},
				{healthrecord.EventFilter{Period: gongwei.Period{End: date(2024, 1, 2)}}, []healthrecord.ServiceEvent{jan, other}},
				{healthrecord.EventFilter{Resident: Resident(3).ID}, nil},
			} {
				got, err := storetest.Collect(s.Events(t.Ctx, c.f))
				t.Must(err, "Events")
				if !reflect.DeepEqual(got, c.want) {
					t.Failf("Events(%+v):\ngot  %+v\nwant %+v", c.f, got, c.want)
				}
			}
		},
	},
	{
		Name: "TimelineDuplicate",
		Text: "events with a Ref are unique by (Resident, Kind, Ref): a repeat fails with gongwei.ErrDuplicate and adds nothing; events without a Ref are never duplicates",
		Run: func(t *tc, s healthrecord.Store) {
			r1, r2 := Resident(1), Resident(2)
			e := Event(r1, healthrecord.EventCheckup, date(2024, 5, 1))
			t.Must(s.AppendEvent(t.Ctx, e), "AppendEvent")
			again := e
			again.Date = date(2024, 6, 1)
			t.WantErr(s.AppendEvent(t.Ctx, again), gongwei.ErrDuplicate, "AppendEvent(repeat)")
			otherKind := e
			otherKind.Kind = healthrecord.EventTCM
			t.Must(s.AppendEvent(t.Ctx, otherKind), "AppendEvent(same Ref, other kind)")
			otherResident := e
			otherResident.Resident = r2.ID
			t.Must(s.AppendEvent(t.Ctx, otherResident), "AppendEvent(same Ref, other resident)")
			noRef := Event(r1, healthrecord.EventConsultation, date(2024, 7, 1))
			noRef.Ref = ""
			t.Must(s.AppendEvent(t.Ctx, noRef), "AppendEvent(no Ref)")
			t.Must(s.AppendEvent(t.Ctx, noRef), "AppendEvent(no Ref, again)")
			got, err := storetest.Collect(s.Events(t.Ctx, healthrecord.EventFilter{Resident: r1.ID}))
			t.Must(err, "Events")
			want := []healthrecord.ServiceEvent{e, otherKind, noRef, noRef}
			if !reflect.DeepEqual(got, want) {
				t.Failf("Events:\ngot  %+v\nwant %+v", got, want)
			}
		},
	},
	{
		Name: "CancelledContext",
		Text: "with a cancelled context every method fails with an error wrapping the context's error, and a stream yields the zero value and the error once, then stops",
		Run: func(t *tc, s healthrecord.Store) {
			putJurisdictions(t, s)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			r := Resident(100)
			_, err := s.Resident(ctx, r.ID)
			t.WantErr(err, context.Canceled, "Resident")
			_, err = s.ResidentByIDNumber(ctx, r.IDNumber)
			t.WantErr(err, context.Canceled, "ResidentByIDNumber")
			_, err = s.ResidentByArchive(ctx, r.Archive)
			t.WantErr(err, context.Canceled, "ResidentByArchive")
			r.Version = 1
			t.WantErr(s.PutResident(ctx, r, 0), context.Canceled, "PutResident")
			_, err = s.LastArchive(ctx, "110105001101")
			t.WantErr(err, context.Canceled, "LastArchive")
			_, err = s.Household(ctx, "H")
			t.WantErr(err, context.Canceled, "Household")
			t.WantErr(s.PutHousehold(ctx, Household(1, Resident(1)), 0), context.Canceled, "PutHousehold")
			_, err = s.Checkup(ctx, "C")
			t.WantErr(err, context.Canceled, "Checkup")
			t.WantErr(s.PutCheckup(ctx, checkupFixture(r, date(2024, 1, 1)), 0), context.Canceled, "PutCheckup")
			_, err = s.Contract(ctx, "K")
			t.WantErr(err, context.Canceled, "Contract")
			t.WantErr(s.PutContract(ctx, Contract(r, date(2024, 1, 1)), 0), context.Canceled, "PutContract")
			t.WantErr(s.AppendEvent(ctx, Event(r, healthrecord.EventTCM, date(2024, 1, 1))), context.Canceled, "AppendEvent")

			storetest.WantCancelled(t.T, "Residents", s.Residents(ctx, healthrecord.ResidentFilter{}))
			storetest.WantCancelled(t.T, "Checkups", s.Checkups(ctx, healthrecord.CheckupFilter{}))
			storetest.WantCancelled(t.T, "Contracts", s.Contracts(ctx, healthrecord.ContractFilter{}))
			storetest.WantCancelled(t.T, "Events", s.Events(ctx, healthrecord.EventFilter{}))

			// Nothing was stored by the failed puts.
			_, err = s.Resident(context.Background(), r.ID)
			t.WantErr(err, gongwei.ErrNotFound, "Resident after a cancelled put")
		},
	},
	{
		Name: "NoPersonalDataInErrors",
		Text: "errors never contain a personal value: no ID number and no name",
		Run: func(t *tc, s healthrecord.Store) {
			first := Resident(1)
			t.putResident(s, first, 0)
			missing := Resident(2)
			second := Resident(3)
			second.IDNumber = first.IDNumber
			second.Version = 1
			stale := first.Clone()
			stale.Version = 9
			errs := map[string]error{}
			_, errs["ResidentByIDNumber(missing)"] = s.ResidentByIDNumber(t.Ctx, missing.IDNumber)
			errs["PutResident(duplicate ID number)"] = s.PutResident(t.Ctx, second, 0)
			errs["PutResident(stale)"] = s.PutResident(t.Ctx, stale, 8)
			for what, err := range errs {
				if err == nil {
					t.Failf("%s: no error", what)
					continue
				}
				msg := err.Error()
				for _, personal := range []string{first.IDNumber.String(), missing.IDNumber.String(), first.Name, missing.Name} {
					if personal != "" && strings.Contains(msg, personal) {
						t.Failf("%s: error %q contains a personal value", what, msg)
					}
				}
			}
		},
	},
}

// putJurisdictions stores five residents across two counties, two townships and two
// villages, out of order, with tags: A elderly; B none; C elderly, hypertension;
// D hypertension; E elderly.
func putJurisdictions(t *tc, s healthrecord.Store) {
	t.Helper()
	tags := map[string][]healthrecord.Tag{
		archA: {healthrecord.TagElderly},
		archB: nil,
		archC: {healthrecord.TagElderly, healthrecord.TagHypertension},
		archD: {healthrecord.TagHypertension},
		archE: {healthrecord.TagElderly},
	}
	for i, a := range []string{archE, archC, archA, archD, archB} {
		r := ResidentAt(i+1, a)
		r.Tags = tags[a]
		t.putResident(s, r, 0)
	}
}

func archives(rs []*healthrecord.Resident) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Archive.String())
	}
	return out
}

func checkupVersionedCopy(r *healthrecord.Resident, d gongwei.Date) *healthrecord.Checkup {
	c := checkupFixture(r, d)
	c.Version = 1
	return c
}

// kind describes one keyed, versioned record type of the store to the clauses the
// types share: a fixture per i, the record's Version and key, and the store's put and
// get (method expressions) under its name ("Household": Household and PutHousehold).
type kind[T any, K ~string] struct {
	name    string
	fixture func(i int) T
	version func(T) *int64
	key     func(T) K
	put     func(healthrecord.Store, context.Context, T, int64) error
	get     func(healthrecord.Store, context.Context, K) (T, error)
}

var (
	residentKind = kind[*healthrecord.Resident, healthrecord.ResidentID]{"Resident", Resident,
		func(r *healthrecord.Resident) *int64 { return &r.Version }, func(r *healthrecord.Resident) healthrecord.ResidentID { return r.ID },
		healthrecord.Store.PutResident, healthrecord.Store.Resident}
	householdKind = kind[*healthrecord.Household, healthrecord.HouseholdID]{"Household", func(i int) *healthrecord.Household { return Household(i, Resident(i)) },
		func(h *healthrecord.Household) *int64 { return &h.Version }, func(h *healthrecord.Household) healthrecord.HouseholdID { return h.ID },
		healthrecord.Store.PutHousehold, healthrecord.Store.Household}
	checkupKind = kind[*healthrecord.Checkup, healthrecord.CheckupID]{"Checkup", func(i int) *healthrecord.Checkup { return checkupFixture(Resident(i), date(2024, 3, 1)) },
		func(c *healthrecord.Checkup) *int64 { return &c.Version }, func(c *healthrecord.Checkup) healthrecord.CheckupID { return c.ID },
		healthrecord.Store.PutCheckup, healthrecord.Store.Checkup}
	contractKind = kind[*healthrecord.Contract, healthrecord.ContractID]{"Contract", func(i int) *healthrecord.Contract { return Contract(Resident(i), date(2024, 1, 1)) },
		func(c *healthrecord.Contract) *int64 { return &c.Version }, func(c *healthrecord.Contract) healthrecord.ContractID { return c.ID },
		healthrecord.Store.PutContract, healthrecord.Store.Contract}
)

// ids returns the keys of xs, nil for none.
func (k kind[T, K]) ids(xs []T) []K {
	var out []K
	for _, x := range xs {
		out = append(out, k.key(x))
	}
	return out
}

// roundTrip checks that want, put as version 1 over 0, is returned with every field
// equal, and that the key of missing is not found.
func roundTrip[T any, K ~string](t *tc, s healthrecord.Store, k kind[T, K], want, missing T) {
	t.Helper()
	*k.version(want) = 1
	t.Must(k.put(s, t.Ctx, want, 0), "Put"+k.name)
	got, err := k.get(s, t.Ctx, k.key(want))
	storetest.WantSame(t.T, k.name, got, err, want)
	_, err = k.get(s, t.Ctx, k.key(missing))
	t.WantErr(err, gongwei.ErrNotFound, k.name+"(missing)")
}

// wantStream checks that the stream name yields want (in order) for the filter f.
func wantStream[T any, K ~string, F any](t *tc, k kind[T, K], name string, seq iter.Seq2[T, error], f F, want []T) {
	t.Helper()
	got, err := storetest.Collect(seq)
	t.Must(err, name)
	if !reflect.DeepEqual(got, want) {
		t.Failf("%s(%+v) = %v, want %v", name, f, k.ids(got), k.ids(want))
	}
}

// insert puts each of xs as version 1 over 0, in turn.
func insert[T any, K ~string](t *tc, s healthrecord.Store, k kind[T, K], xs ...T) {
	t.Helper()
	for _, x := range xs {
		*k.version(x) = 1
		t.Must(k.put(s, t.Ctx, x, 0), "Put"+k.name)
	}
}

// versionsCase is the clause name, text, checking the compare-and-swap of k's put.
func versionsCase[T any, K ~string](name, text string, k kind[T, K]) storeCase {
	return storeCase{Name: name, Text: text, Run: func(t *tc, s healthrecord.Store) { checkVersions(t, s, k) }}
}

// checkVersions checks the compare-and-swap clauses on one record type
// (storetest.CheckVersions).
func checkVersions[T any, K ~string](t *tc, s healthrecord.Store, k kind[T, K]) {
	t.Helper()
	storetest.CheckVersions(t.T, k.fixture(1), k.fixture(2), k.version,
		func(ctx context.Context, x T, prev int64) error { return k.put(s, ctx, x, prev) },
		func(ctx context.Context, x T) (T, error) { return k.get(s, ctx, k.key(x)) })
}
