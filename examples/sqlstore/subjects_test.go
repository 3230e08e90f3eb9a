package sqlstore_test

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/education"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/supervision"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

// The Store interfaces alone, hiding the SQL store's SubjectSource: Compute over them
// takes the per-resident Store path.
type (
	recordsOnly      struct{ healthrecord.Store }
	chronicOnly      struct{ chronic.Store }
	maternalOnly     struct{ maternal.Store }
	childOnly        struct{ child.Store }
	immunizationOnly struct{ immunization.Store }
)

// storePath returns s with its per-resident stores hidden behind their interfaces.
func storePath(s indicators.Sources) indicators.Sources {
	if s.Records != nil {
		s.Records = recordsOnly{s.Records}
	}
	if s.Chronic != nil {
		s.Chronic = chronicOnly{s.Chronic}
	}
	if s.Maternal != nil {
		s.Maternal = maternalOnly{s.Maternal}
	}
	if s.Child != nil {
		s.Child = childOnly{s.Child}
	}
	if s.Immunization != nil {
		s.Immunization = immunizationOnly{s.Immunization}
	}
	return s
}

// sources are the indicators' sources over s, with the chronic estimates of the plan.
func sources(c *synth.County, s synth.Stores) indicators.Sources {
	pop := map[indicators.Unit]int64{}
	for _, v := range c.Census() {
		pop[indicators.Unit(v.Village)] = v.Residents
	}
	plan := indicators.ExamplePlan(c.Config().Year, indicators.Unit(c.Config().County))
	return indicators.Sources{
		Records: s.Records, Chronic: s.Chronic, Maternal: s.Maternal, Child: s.Child,
		Immunization: s.Immunization, Supervision: s.Supervision, Education: s.Education,
		ChronicOptions: &indicators.ChronicOptions{Population: pop, Estimates: plan.Estimates},
	}
}

// firstOf returns the first record of seq, requiring that there is one and no error
// before it.
func firstOf[T any](t *testing.T, seq iter.Seq2[*T, error]) *T {
	t.Helper()
	var first *T
	for x, err := range seq {
		require.NoError(t, err)
		first = x
		break
	}
	require.NotNil(t, first)
	return first
}

// putEdges adds to s the records the one-scan read must get right beyond the
// county's: a chronic patient and a pregnancy of a resident the health record does not
// hold, two child records without a resident (sharing the empty key) with visits, a
// registration of an unknown resident and a vaccination of a resident without one, a
// checkup of a resident not held, a resident without an archive number, and a household
// naming as head a resident whose record points to another household.
func putEdges(t *testing.T, ctx context.Context, c *synth.County, s synth.Stores) {
	t.Helper()
	pt := firstOf(t, s.Chronic.Patients(ctx, chronic.PatientFilter{Condition: chronic.Hypertension}))
	orphan := *pt
	orphan.ID, orphan.Resident, orphan.Version = "zz-edge-patient", "zz-nobody", 1
	require.NoError(t, s.Chronic.PutPatient(ctx, &orphan, 0))
	i := 0
	for v, err := range s.Chronic.Visits(ctx, chronic.VisitFilter{Patient: pt.ID}) {
		require.NoError(t, err)
		cp := *v
		cp.ID, cp.Patient, cp.Resident, cp.Version = chronic.VisitID(fmt.Sprintf("zz-edge-visit-%d", i)), orphan.ID, orphan.Resident, 1
		require.NoError(t, s.Chronic.PutVisit(ctx, &cp, 0))
		i++
	}
	require.Positive(t, i)

	for p, err := range s.Maternal.Pregnancies(ctx, maternal.Filter{Period: c.Period()}) {
		require.NoError(t, err)
		cp := *p
		cp.ID, cp.Resident, cp.Version = "zz-edge-pregnancy", "zz-nobody", 1
		require.NoError(t, s.Maternal.PutPregnancy(ctx, &cp, 0))
		break
	}

	ch := firstOf(t, s.Child.Children(ctx, child.ChildFilter{}))
	for k, id := range []child.ChildID{"zz-edge-child-1", "zz-edge-child-2"} {
		cp := *ch
		cp.ID, cp.Resident, cp.Version = id, "", 1
		if k == 1 {
			// Counted in another village, so that a lost or doubled child shows.
			for _, v := range c.Villages() {
				if v != ch.Village {
					cp.Village = v
				}
			}
		}
		require.NoError(t, s.Child.PutChild(ctx, &cp, 0))
		n := 0
		for v, err := range s.Child.Visits(ctx, child.VisitFilter{Child: ch.ID}) {
			require.NoError(t, err)
			if n > k+2 {
				break
			}
			vc := *v
			vc.ID, vc.Child, vc.Version = child.VisitID(fmt.Sprintf("%s-visit-%d", id, n)), id, 1
			require.NoError(t, s.Child.PutVisit(ctx, &vc, 0))
			n++
		}
	}

	reg := firstOf(t, s.Immunization.Registrations(ctx, immunization.Filter{}))
	rc := *reg
	rc.Resident, rc.Version = "zz-nobody", 1
	require.NoError(t, s.Immunization.PutRegistration(ctx, &rc, 0))
	n := 0
	for v, err := range s.Immunization.Vaccinations(ctx, immunization.VaccinationFilter{Resident: reg.Resident}) {
		require.NoError(t, err)
		for _, who := range []healthrecord.ResidentID{"zz-nobody", "zz-unregistered"} {
			vc := *v
			vc.ID, vc.Resident, vc.Version = immunization.VaccinationID(fmt.Sprintf("zz-edge-vac-%s-%d", who, n)), who, 1
			require.NoError(t, s.Immunization.PutVaccination(ctx, &vc, 0))
		}
		n++
	}
	require.Positive(t, n)

	var head *healthrecord.Resident
	var checkup *healthrecord.Checkup
	for r, err := range s.Records.Residents(ctx, healthrecord.ResidentFilter{}) {
		require.NoError(t, err)
		if head == nil && r.Household != "" {
			h, err := s.Records.Household(ctx, r.Household)
			require.NoError(t, err)
			if h.Head == r.ID {
				head = r
			}
		}
		if checkup == nil {
			for ck, err := range s.Records.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID, Period: c.Period()}) {
				require.NoError(t, err)
				checkup = ck
				break
			}
		}
	}
	require.NotNil(t, head)
	require.NotNil(t, checkup)
	hh := &healthrecord.Household{ID: "zz-edge-household", Village: head.Archive.Village(), Head: head.ID, Version: 1,
		Members: []healthrecord.HouseholdMember{{Resident: head.ID, Relation: healthrecord.RelationHead}}}
	require.NoError(t, s.Records.PutHousehold(ctx, hh, 0))
	ck := *checkup
	ck.ID, ck.Resident, ck.Version = "zz-edge-checkup", "zz-absent", 1
	require.NoError(t, s.Records.PutCheckup(ctx, &ck, 0))
	noArchive := *head
	noArchive.ID, noArchive.Archive, noArchive.IDNumber, noArchive.Household, noArchive.Version = "zz-no-archive", healthrecord.ArchiveNumber{}, healthrecord.IDNumber{}, "", 1
	noArchive.Tags = nil
	require.NoError(t, s.Records.PutResident(ctx, &noArchive, 0))
}

// TestSubjectsEqualStorePath proves that indicators.Compute over the SQL store, which
// reads the per-resident domains in one scan per table (DB.Subjects), gives exactly the
// cells of the per-resident Store path over the same database and of the in-memory
// stores holding the same records: for the whole database, the county, a township, a
// village, prefixes matching nothing, and with domain stores left out.
func TestSubjectsEqualStorePath(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		cfg := synth.Config{Seed: 7, County: "410523", Townships: 2, VillagesPerTownship: 3, Residents: 500, Year: 2025}
		county, err := synth.New(cfg)
		require.NoError(t, err)
		dsn := dsns()
		db, err := sqlstore.Open(ctx, dsn)
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		sqlStores := countyStores(db)
		mem := memStores()
		for _, s := range []synth.Stores{sqlStores, mem} {
			require.NoError(t, county.LoadAll(ctx, s))
			putEdges(t, ctx, county, s)
		}
		p := county.Period()
		all := sources(county, sqlStores)
		memAll := sources(county, mem)
		q := indicators.SubjectQuery{Period: p, Records: all.Records, Chronic: all.Chronic}
		_, ok := db.HealthRecord().Subjects(ctx, q)
		require.True(t, ok, "the SQL store serves its own stores")
		q.Chronic = mem.Chronic
		_, ok = db.HealthRecord().Subjects(ctx, q)
		require.False(t, ok, "the SQL store does not serve another store's records")

		// only keeps the sources named (in lower case: "chronic" is the field Chronic).
		only := func(s indicators.Sources, keep ...string) indicators.Sources {
			out := indicators.Sources{ChronicOptions: s.ChronicOptions}
			from, to := reflect.ValueOf(s), reflect.ValueOf(&out).Elem()
			for _, k := range keep {
				f := strings.ToUpper(k[:1]) + k[1:]
				to.FieldByName(f).Set(from.FieldByName(f))
			}
			return out
		}
		sets := [][]string{
			{"records", "chronic", "maternal", "child", "immunization", "supervision", "education"},
			{"records"},
			{"chronic", "child"},
			{"maternal", "immunization"},
		}
		village := string(county.Villages()[len(county.Villages())-1])
		prefixes := []string{"", cfg.County, county.Township(1), village, "4105239", "41052x"}
		for _, set := range sets {
			for _, prefix := range prefixes {
				fast := indicators.NewTally(0)
				require.NoError(t, indicators.Compute(ctx, only(all, set...), prefix, p, fast))
				slow := indicators.NewTally(0)
				require.NoError(t, indicators.Compute(ctx, storePath(only(all, set...)), prefix, p, slow))
				inMem := indicators.NewTally(0)
				require.NoError(t, indicators.Compute(ctx, only(memAll, set...), prefix, p, inMem))
				name := fmt.Sprintf("%v prefix %q", set, prefix)
				compareTallies(t, name+": one scan vs Store path", fast, slow)
				compareTallies(t, name+": one scan vs memory", fast, inMem)
				if prefix == "" || prefix == cfg.County {
					require.Greater(t, fast.Len(), 10, name)
				}
			}
		}
		// The edges count: the orphan patient's village has its hypertension cells, the
		// children without a resident are counted.
		tally := indicators.NewTally(0)
		require.NoError(t, indicators.Compute(ctx, only(all, "child"), "", p, tally))
		want := indicators.NewTally(0)
		require.NoError(t, indicators.ChildIndicators(ctx, childOnly{all.Child}, "", p, want))
		compareTallies(t, "children", tally, want)
	})
}

// TestSubjectsCancelled: a cancelled context stops the one-scan pass with the
// context's error.
func TestSubjectsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	bc := loadCounty(t, sideBySideResidents, false)
	src := indicators.Sources{Records: bc.db.HealthRecord(), Chronic: bc.db.Chronic()}
	cancel()
	err := indicators.Compute(ctx, src, "", bc.county.Period(), indicators.NewTally(0))
	require.ErrorIs(t, err, context.Canceled)
}

var (
	_ supervision.Store = supervisionmem.New()
	_ education.Store   = educationmem.New()
)

// TestUpgrade: a database written under the first schema (text bodies, none of the
// scans' indexes) is upgraded by Open to the current one — jsonb bodies on PostgreSQL,
// the indexes — with its records kept, and computes the same figures through the
// one-scan read as through the Store path.
func TestUpgrade(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		dsn := dsns()
		db, err := sqlstore.Open(ctx, dsn)
		require.NoError(t, err)
		// Back to the first schema.
		for _, stmt := range []string{
			"DELETE FROM schema_version WHERE version > 1",
			"DROP INDEX households_head", "DROP INDEX child_records_by_resident", "DROP INDEX residents_id_archive",
		} {
			_, err := db.SQL().ExecContext(ctx, stmt)
			require.NoError(t, err, stmt)
		}
		if db.Dialect() == "postgres" {
			rows, err := db.SQL().QueryContext(ctx, "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'body' AND data_type = 'jsonb'")
			require.NoError(t, err)
			var tables []string
			for rows.Next() {
				var name string
				require.NoError(t, rows.Scan(&name))
				tables = append(tables, name)
			}
			require.NoError(t, rows.Err())
			require.Len(t, tables, 23+6, "every record table's body is jsonb (19, the clinic's four: AEFI, temperature logs, movements, campaigns; and the plans' six: referrals, village visits and trainings, women's screenings and reports, survey responses)")
			for _, table := range tables {
				_, err := db.SQL().ExecContext(ctx, "ALTER TABLE "+table+" ALTER COLUMN body TYPE text")
				require.NoError(t, err)
			}
		}
		county, err := synth.New(synth.Config{Seed: 3, County: "410523", Townships: 1, VillagesPerTownship: 2, Residents: 200, Year: 2025})
		require.NoError(t, err)
		require.NoError(t, county.LoadAll(ctx, countyStores(db)))
		before := indicators.NewTally(0)
		require.NoError(t, indicators.Compute(ctx, storePath(allSources(countyStores(db))), "", county.Period(), before))
		require.NoError(t, db.Close())

		db, err = sqlstore.Open(ctx, dsn)
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		for _, domain := range []string{"healthrecord", "chronic", "maternal", "child", "immunization", "supervision", "education", "referral", "villageclinic", "womenshealth"} {
			v, err := db.SchemaVersion(ctx, domain)
			require.NoError(t, err)
			require.Equal(t, migrations(t, domain), v, domain)
		}
		if db.Dialect() == "postgres" {
			var n int
			require.NoError(t, db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'body' AND data_type = 'jsonb'").Scan(&n))
			require.Equal(t, 23+6, n, "every record table's body is jsonb again")
		}
		after := indicators.NewTally(0)
		require.NoError(t, indicators.Compute(ctx, allSources(countyStores(db)), "", county.Period(), after))
		require.Greater(t, after.Len(), 10)
		compareTallies(t, "upgraded, one scan vs before, Store path", after, before)
	})
}
