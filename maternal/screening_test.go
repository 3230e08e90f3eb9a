package maternal_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
)

// TestRecordScreening: the Registry records a serological prenatal screening at 16
// weeks; a screening dated after the delivery (2024-10-07) or without a date is refused,
// and the stored pregnancy keeps the valid one.
func TestRecordScreening(t *testing.T) {
	ctx := context.Background()
	g, hr, _ := newRegistry(t)
	w := saveWoman(t, hr, 1)
	p := maternaltest.Booked(w, day("2024-01-01"))
	require.NoError(t, g.Save(ctx, p))
	assert.False(t, p.Screened())

	got, err := g.RecordScreening(ctx, p.ID, maternal.PrenatalScreening{Date: day("2024-04-22")})
	require.NoError(t, err)
	assert.True(t, got.Screened())

	full := maternaltest.Pregnancy(w, day("2024-01-01"))
	full.Screening = &maternal.PrenatalScreening{Date: day("2024-10-08")}
	assert.Equal(t, maternal.CodeAfterEnd, fields(t, full.Validate())["Screening.Date"])
	full.Screening = &maternal.PrenatalScreening{}
	assert.Equal(t, gongwei.CodeRequired, fields(t, full.Validate())["Screening.Date"])

	c := got.Clone()
	c.Screening.Positive = true
	assert.False(t, got.Screening.Positive, "Clone copies the screening")
}
