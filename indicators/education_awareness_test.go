package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

// TestAwarenessAndMaterials: three respondents in 2025 against the round's cut-off of
// 60%: hypertension 4/6 (aware), 3/6 (not), 6/6 (aware): 2 of 3; AIDS asked of the
// first only, 5/7 (aware): 1 of 1; the other topics not asked: no cell. The centre
// handed out 200 + 150 copies of leaflets and played a video 12 times for 240 minutes
// and once without a recorded time: 350 copies, 13 plays, 240 minutes.
func TestAwarenessAndMaterials(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2025)
	s := memstore.New()
	day := gongwei.MustDate(2025, 6, 3)
	scores := [][]education.TopicScore{
		{{Topic: education.TopicHypertension, Got: 4, Full: 6}, {Topic: education.TopicAIDS, Got: 5, Full: 7}},
		{{Topic: education.TopicHypertension, Got: 3, Full: 6}},
		{{Topic: education.TopicHypertension, Got: 6, Full: 6}},
	}
	for i, sc := range scores {
		r := educationtest.Response(education.ID(rune('A'+i)), educationtest.Village, day)
		r.Awareness, r.AwarePercent, r.Version = sc, 60, 1
		require.NoError(t, r.Validate())
		require.NoError(t, s.PutSurveyResponse(ctx, r, 0))
	}
	centre := "110101001"
	acts := []*education.Activity{
		{ID: "P1", Kind: education.KindPrint, Title: "高血压折页", Materials: 200},
		{ID: "P2", Kind: education.KindPrint, Title: "高血压折页", Materials: 150},
		{ID: "V1", Kind: education.KindAV, Title: "控烟视频", Materials: 12, Minutes: 240},
		{ID: "V2", Kind: education.KindAV, Title: "控烟视频", Materials: 1},
	}
	for _, a := range acts {
		a.Division, a.Institution, a.Date, a.Topic, a.Version = centre, education.Centre, day, "慢性病", 1
		require.NoError(t, a.Validate())
		require.NoError(t, s.PutActivity(ctx, a, 0))
	}
	tally := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Education: s, Survey: s}, "", p, tally))
	wantCells(t, tally, map[Key]Counts{
		{codeAwareness.With(string(education.TopicHypertension)), Unit(educationtest.Village), p}: {2, 3},
		{codeAwareness.With(string(education.TopicAIDS)), Unit(educationtest.Village), p}:         {1, 1},
		{codePrintCopies, Unit(centre), p}:                                                        {350, 0},
		{codeAVPlays, Unit(centre), p}:                                                            {13, 0},
		{codeAVMinutes, Unit(centre), p}:                                                          {240, 0},
	})
	_, ok := tally.Get(Key{codeAwareness.With(string(education.TopicBasicKnowledge)), Unit(educationtest.Village), p})
	assert.False(t, ok, "a topic not asked has no cell")
	c := codeAwareness.With(string(education.TopicHypertension))
	ind, ok := Lookup(c)
	require.True(t, ok)
	assert.Equal(t, "高血压防治知识知晓率", ind.LabelOf(c, language.SimplifiedChinese))
	assert.Equal(t, "高血壓防治知識知曉率", ind.LabelOf(c, language.TraditionalChinese))
	assert.Equal(t, "Awareness of hypertension prevention", ind.LabelOf(c, language.English))
}
