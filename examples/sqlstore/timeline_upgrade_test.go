package sqlstore_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// timelineIndexes returns the names of the service timeline's indexes.
func timelineIndexes(t *testing.T, db *sqlstore.DB) []string {
	t.Helper()
	q := "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'service_events' AND sql IS NOT NULL ORDER BY name"
	if db.Dialect() == "postgres" {
		q = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'service_events' AND indexname <> 'service_events_pkey' ORDER BY indexname"
	}
	rows, err := db.SQL().QueryContext(context.Background(), q)
	require.NoError(t, err)
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		require.NoError(t, rows.Scan(&name))
		names = append(names, name)
	}
	require.NoError(t, rows.Err())
	return names
}

// allEvents returns the timeline as Events streams it, for every resident.
func allEvents(t *testing.T, s healthrecord.TimelineStore, f healthrecord.EventFilter) []healthrecord.ServiceEvent {
	t.Helper()
	var out []healthrecord.ServiceEvent
	for e, err := range s.Events(context.Background(), f) {
		require.NoError(t, err)
		out = append(out, e)
	}
	return out
}

// TestUpgradeTimeline: a database whose timeline has the previous schema's two indexes
// (the partial unique index of (resident, kind, ref) and the (resident, date, seq)
// order) and a county's events in it is upgraded by Open to the one index: the
// indexes are replaced, every event reads back the same in the same order, a repeated
// (resident, kind, ref) of an event stored before the upgrade still fails with
// gongwei.ErrDuplicate, and events without a reference still repeat freely.
func TestUpgradeTimeline(t *testing.T) {
	engines(t, func(t *testing.T, dsns func() string) {
		ctx := context.Background()
		dsn := dsns()
		db := mustOpen(t, dsn)
		require.Equal(t, []string{"service_events_resident"}, timelineIndexes(t, db))
		// Back to the previous schema of the timeline.
		for _, stmt := range []string{
			"DELETE FROM schema_version WHERE domain = 'healthrecord' AND version > 2",
			"DROP INDEX service_events_resident",
			"CREATE UNIQUE INDEX service_events_ref ON service_events (resident, kind, ref) WHERE ref <> ''",
			"CREATE INDEX service_events_order ON service_events (resident, date, seq)",
		} {
			_, err := db.SQL().ExecContext(ctx, stmt)
			require.NoError(t, err, stmt)
		}
		county, err := synth.New(synth.Config{Seed: 5, County: "410523", Townships: 1, VillagesPerTownship: 2, Residents: 150, Year: 2025})
		require.NoError(t, err)
		require.NoError(t, county.LoadAll(ctx, countyStores(db)))
		records := db.HealthRecord()
		// Two events of one resident on one day, the second without a reference: the
		// appending order decides between them.
		var first healthrecord.ServiceEvent
		for e, err := range records.Events(ctx, healthrecord.EventFilter{}) {
			require.NoError(t, err)
			if e.Ref != "" {
				first = e
				break
			}
		}
		require.NotEmpty(t, first.Ref)
		plain := healthrecord.ServiceEvent{Resident: first.Resident, Kind: first.Kind, Date: first.Date}
		require.NoError(t, records.AppendEvent(ctx, plain))
		before := allEvents(t, records, healthrecord.EventFilter{})
		mine := allEvents(t, records, healthrecord.EventFilter{Resident: first.Resident})
		require.Greater(t, len(before), 400, "a county's timeline")
		require.Equal(t, []string{"service_events_order", "service_events_ref"}, timelineIndexes(t, db))
		require.NoError(t, db.Close())

		db = mustOpen(t, dsn)
		v, err := db.SchemaVersion(ctx, "healthrecord")
		require.NoError(t, err)
		assert.Equal(t, migrations(t, "healthrecord"), v)
		assert.Equal(t, []string{"service_events_resident"}, timelineIndexes(t, db), "one index left")
		records = db.HealthRecord()
		assert.Equal(t, before, allEvents(t, records, healthrecord.EventFilter{}), "every event, in the same order")
		assert.Equal(t, mine, allEvents(t, records, healthrecord.EventFilter{Resident: first.Resident}), "one resident's, in the same order")
		assert.Equal(t, plain, mine[len(mine)-1-countAfter(mine, plain.Date)], "the event without a reference after the one appended before it on the same day")

		assert.ErrorIs(t, records.AppendEvent(ctx, first), gongwei.ErrDuplicate, "a repeat of an event stored before the upgrade")
		require.NoError(t, records.AppendEvent(ctx, plain), "events without a reference repeat")
		again := allEvents(t, records, healthrecord.EventFilter{Resident: first.Resident})
		assert.Len(t, again, len(mine)+1)
		assert.Equal(t, plain, again[len(again)-1-countAfter(again, plain.Date)], "appended last of its day")
	})
}

// countAfter returns the number of events of es dated after d.
func countAfter(es []healthrecord.ServiceEvent, d gongwei.Date) int {
	n := 0
	for _, e := range es {
		if d.Before(e.Date) {
			n++
		}
	}
	return n
}
