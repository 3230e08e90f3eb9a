package education_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/internal/badinput"
)

// TestAwareness: against the round's cut-off of 70%, 5 of 7 items (71.4%) is aware and
// 4 of 6 (66.7%) is not; a topic not asked has no answer; every problem at once.
func TestAwareness(t *testing.T) {
	r := educationtest.Response("Q1", educationtest.Village, gongwei.MustDate(2025, 6, 3))
	r.AwarePercent = 70
	r.Awareness = []education.TopicScore{
		{Topic: education.TopicAIDS, Got: 5, Full: 7},
		{Topic: education.TopicHypertension, Got: 4, Full: 6},
	}
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		topic        education.Topic
		aware, asked bool
	}{
		{education.TopicAIDS, true, true},
		{education.TopicHypertension, false, true},
		{education.TopicBasicKnowledge, false, false},
	} {
		aware, ok := r.Aware(tc.topic)
		if aware != tc.aware || ok != tc.asked {
			t.Errorf("%s: got %v %v, want %v %v", tc.topic, aware, ok, tc.aware, tc.asked)
		}
	}
	c := r.Clone()
	c.Awareness[0].Got = 0
	if r.Awareness[0].Got != 5 {
		t.Error("Clone shares Awareness")
	}
	r.AwarePercent = 0
	r.Awareness = append(r.Awareness, education.TopicScore{Topic: education.TopicAIDS, Got: 3, Full: 2}, education.TopicScore{Topic: "x"})
	badinput.Check(t, r.Validate(), []badinput.Problem{
		{Field: "AwarePercent", Code: gongwei.CodeOutOfRange},
		{Field: "Awareness[2].Topic", Code: gongwei.CodeDuplicate},
		{Field: "Awareness[2].Got", Code: gongwei.CodeOutOfRange},
		{Field: "Awareness[3].Topic", Code: gongwei.CodeUnknownCode},
		{Field: "Awareness[3].Full", Code: gongwei.CodeRequired},
	}, "")
}

// TestActivityMinutes: playing time belongs to audio-visual activities only.
func TestActivityMinutes(t *testing.T) {
	a := &education.Activity{ID: "A1", Division: "110101001", Institution: education.Centre, Kind: education.KindPrint,
		Date: gongwei.MustDate(2025, 3, 1), Topic: "高血压", Title: "折页", Materials: 200, Minutes: 30}
	badinput.Check(t, a.Validate(), []badinput.Problem{{Field: "Minutes", Code: gongwei.CodeNotAllowed}}, "")
	a.Kind = education.KindAV
	if err := a.Validate(); err != nil {
		t.Error(err)
	}
}
