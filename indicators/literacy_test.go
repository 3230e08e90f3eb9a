package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	edumem "github.com/gongwei-lib/gongwei/education/memstore"
)

// TestLiteracy: 健康素养水平 over three 2025 respondents of one village: the fixture (76
// of 100 against 80%: no), one at 85 of 100 (yes) and one at 76 in a round cut at 75%
// (yes); a 2024 respondent is not counted: 2 of 3.
func TestLiteracy(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := edumem.New()
	d := gongwei.MustDate(2025, 6, 3)
	a := educationtest.Response("A", educationtest.Village, d)
	b := educationtest.Response("B", educationtest.Village, d)
	b.Scores[1].Got = 29
	c := educationtest.Response("C", educationtest.Village, d)
	c.OverallPercent = 75
	old := educationtest.Response("D", educationtest.Village, gongwei.MustDate(2024, 6, 3))
	old.Scores[1].Got = 30
	for _, r := range []*education.SurveyResponse{a, b, c, old} {
		r.Version = 1
		require.NoError(t, s.PutSurveyResponse(ctx, r, 0))
	}
	tally := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Survey: s}, "", p, tally))
	got, ok := tally.Get(Key{codeLiteracy, Unit(educationtest.Village), p})
	require.True(t, ok)
	assert.Equal(t, Counts{2, 3}, got)
	assert.Equal(t, 1, tally.Len())
}
