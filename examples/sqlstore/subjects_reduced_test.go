package sqlstore_test

import (
	"cmp"
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/countedfix"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// oddKinds are event kinds of a host whose codes look like the packing of the counted
// service events (a length, a colon, a date, a separator) or hold bytes of more than
// one character.
var oddKinds = []healthrecord.EventKind{"12:x", "2025-06-01", ",;|", "居家康复"}

func init() {
	for _, k := range oddKinds {
		if err := healthrecord.RegisterEventKinds(healthrecord.EventKindLabel{Kind: k, ZhHans: "测试", ZhHant: "測試", En: "test"}); err != nil {
			panic(err)
		}
	}
}

// reduced returns s with its records reduced to what DB.CountedSubjects hands over
// (indicators.CountedSubjectSource): the resident in its counted columns (its closure
// without cause and destination) unless its outcome is of another edition, the
// checkups' dates and outcomes unless derived by another edition or for another birth
// date, the contracts' periods, the service events' kinds and dates sorted, and the
// vaccinations' doses.
func reduced(s *indicators.Subject) *indicators.Subject {
	c, residentReduced := countedfix.Reduce(s, new(int))
	if residentReduced {
		c.Resident.Closure = healthrecord.Closure{Reason: c.Resident.Closure.Reason, Date: c.Resident.Closure.Date}
	}
	sortEvents(c.Events)
	return c
}

// sortEvents puts events in (date, kind) order: the counted events come in no order.
func sortEvents(es []healthrecord.ServiceEvent) {
	slices.SortFunc(es, func(a, b healthrecord.ServiceEvent) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Kind, b.Kind))
	})
}

// TestCountedSubjectsReduceSubjects: on both engines, each subject of DB.CountedSubjects
// is the subject of DB.Subjects reduced to what the counted one hands over, record by
// record, for the whole database and a township, including events of kinds whose codes
// look like the packing of the counted events.
func TestCountedSubjectsReduceSubjects(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		cfg := synth.Config{Seed: 7, County: "410523", Townships: 2, VillagesPerTownship: 3, Residents: 500, Year: 2025}
		county, err := synth.New(cfg)
		require.NoError(t, err)
		db, err := sqlstore.Open(ctx, dsns())
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		stores := countyStores(db)
		require.NoError(t, county.LoadAll(ctx, stores))
		putEdges(t, ctx, county, stores)
		p := county.Period()
		odd := 0
		for r, err := range db.HealthRecord().Residents(ctx, healthrecord.ResidentFilter{}) {
			require.NoError(t, err)
			if r.Archive.IsZero() || odd == 3*len(oddKinds) {
				continue
			}
			k := oddKinds[odd%len(oddKinds)]
			require.NoError(t, db.HealthRecord().AppendEvent(ctx, healthrecord.ServiceEvent{
				Resident: r.ID, Kind: k, Date: p.Start.AddDays(odd), Ref: string(k),
			}))
			odd++
		}
		// An outcome derived for another birth date (one corrected since): the counted
		// checkup is read whole, as the rules derive the outcome again.
		q := indicators.SubjectQuery{Period: p, Records: stores.Records}
		whole, ok := db.Subjects(ctx, q)
		require.True(t, ok)
		var stale *healthrecord.Checkup
		for s, err := range whole {
			require.NoError(t, err)
			if stale == nil && s.Resident != nil && len(s.Checkups) > 0 && s.Checkups[0].Derived.Edition == healthrecord.RulesEdition {
				c := *s.Checkups[0]
				stale = &c
			}
		}
		require.NotNil(t, stale)
		stale.ID, stale.Version = stale.ID+"-again", 1
		stale.Derived.Birth = stale.Derived.Birth.AddDays(-1)
		require.NoError(t, db.HealthRecord().PutCheckup(ctx, stale, 0))
		wholeCheckups := 0
		for _, prefix := range []string{"", county.Township(1)} {
			q := indicators.SubjectQuery{
				Prefix: prefix, Period: p, Records: stores.Records, Chronic: stores.Chronic,
				Maternal: stores.Maternal, Child: stores.Child, Immunization: stores.Immunization,
			}
			whole, ok := db.Subjects(ctx, q)
			require.True(t, ok)
			var want []*indicators.Subject
			for s, err := range whole {
				require.NoError(t, err)
				want = append(want, reduced(s))
			}
			counted, ok := db.CountedSubjects(ctx, q)
			require.True(t, ok)
			var got []*indicators.Subject
			events := 0
			for s, err := range counted {
				require.NoError(t, err)
				sortEvents(s.Events)
				events += len(s.Events)
				for _, c := range s.Checkups {
					if c.Physician != "" {
						wholeCheckups++
					}
				}
				got = append(got, s)
			}
			require.Greater(t, events, 100, "prefix %q: events", prefix)
			require.Equal(t, len(want), len(got), "prefix %q: subjects", prefix)
			for i := range want {
				require.Equal(t, want[i], got[i], "prefix %q: subject %d", prefix, i)
			}
		}
		require.Positive(t, wholeCheckups, "the checkups of the corrected birth date, read whole")
	})
}
