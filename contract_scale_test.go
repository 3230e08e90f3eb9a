package gongwei_test

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	recordmem "github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

// TestContractSurfaceReliability calls the reliability contract's names as the external
// checks do: date arithmetic that saturates at the ends of the calendar instead of
// panicking, decoders and parsers that refuse what they cannot represent, and a diabetes
// follow-up whose NaN glucose is refused.
func TestContractSurfaceReliability(t *testing.T) {
	last := gongwei.MustDate(9999, 12, 1)
	assert.Equal(t, "9999-12-31", last.AddMonths(1).String(), "AddMonths saturates at 9999-12-31")
	assert.Equal(t, "9999-12-31", last.AddDays(100).String(), "AddDays saturates at 9999-12-31")
	assert.Equal(t, "0001-01-01", gongwei.MustDate(1, 1, 5).AddDays(-10).String())
	for _, d := range []gongwei.Date{last.AddDays(1 << 30), gongwei.MustDate(1, 1, 1).AddMonths(-5)} {
		back, err := gongwei.ParseDate(d.String())
		require.NoError(t, err)
		assert.Equal(t, d, back, "String parses back")
	}
	var d gongwei.Date
	err := d.Scan(time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC))
	assert.True(t, errors.Is(err, gongwei.ErrInvalid), "Scan of year 0: %v", err)
	assert.True(t, d.IsZero(), "a refused Scan leaves the date unchanged")
	for _, s := range []string{"2-0-2-5-0-3-0-1", "20 25 03 01"} {
		_, err := gongwei.ParseDate(s)
		assert.True(t, errors.Is(err, gongwei.ErrInvalid), "%q: %v", s, err)
	}
	f := chronic.DiabetesFollowUp{Date: gongwei.MustDate(2025, 3, 1), Mode: chronic.Clinic,
		FastingGlucose: math.NaN(), Systolic: 130, Diastolic: 80, HeartRate: 72, Temperature: 36.5}
	var ve *gongwei.ValidationError
	require.ErrorAs(t, f.Validate(), &ve)
	assert.True(t, ve.Has("FastingGlucose", gongwei.CodeOutOfRange), "%v", ve)
	f.FastingGlucose = 6.1
	assert.NoError(t, f.Validate())
}

// TestContractSurfaceCountyScale calls the county-scale contract's names as the external
// checks do: a synthetic county loaded with LoadAll into the SQL store on SQLite and into
// the memstores, and computed with indicators.Compute from both: the same cells.
func TestContractSurfaceCountyScale(t *testing.T) {
	ctx := context.Background()
	county, err := synth.New(synth.DefaultConfig(600))
	require.NoError(t, err)

	db, err := sqlstore.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "county.db"))
	require.NoError(t, err)
	defer db.Close()
	onSQL := synth.Stores{Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(),
		Child: db.Child(), Immunization: db.Immunization(), Supervision: db.Supervision(), Education: db.Education()}
	inMemory := synth.Stores{Records: recordmem.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
		Child: childmem.New(), Immunization: immunizationmem.New(), Supervision: supervisionmem.New(), Education: educationmem.New()}

	var tallies []*indicators.Tally
	for _, s := range []synth.Stores{onSQL, inMemory} {
		require.NoError(t, county.LoadAll(ctx, s))
		tally := indicators.NewTally(0)
		require.NoError(t, indicators.Compute(ctx, indicators.Sources{Records: s.Records, Chronic: s.Chronic,
			Maternal: s.Maternal, Child: s.Child, Immunization: s.Immunization, Supervision: s.Supervision,
			Education: s.Education}, county.Config().County, county.Period(), tally))
		tallies = append(tallies, tally)
	}
	assert.Greater(t, tallies[0].Len(), 100, "cells of the county's year")
	assert.True(t, tallies[0].Equal(tallies[1]), "SQLite and memory give the same cells")
}
