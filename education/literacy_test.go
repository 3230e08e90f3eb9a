package education_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/education/memstore"
)

// TestLiteracyRules: a part is passed at 80% of its full mark (plan-services.md §3);
// the overall cut-off is the round's. The fixture: knowledge 40/50 (80%: yes), lifestyle
// 20/30 (66.7%: no), skills 16/20 (80%: yes); total 76/100, against 80%: not literate,
// against 75%: literate.
func TestLiteracyRules(t *testing.T) {
	r := educationtest.Response("Q1", educationtest.Village, gongwei.MustDate(2025, 6, 3))
	if !r.LiterateIn(education.Knowledge) || r.LiterateIn(education.Lifestyle) || !r.LiterateIn(education.Skills) {
		t.Error("dimensions: want yes, no, yes")
	}
	if r.Literate() {
		t.Error("76 of 100 against 80%")
	}
	r.OverallPercent = 75
	if !r.Literate() {
		t.Error("76 of 100 against 75%")
	}
	r.Scores[0].Got = 39
	if r.LiterateIn(education.Knowledge) {
		t.Error("39 of 50 is 78%")
	}
	bad := &education.SurveyResponse{Division: "1101", Age: 70, Scores: [3]education.PartScore{{Got: 5, Full: 4}}}
	err := bad.Validate()
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v", err)
	}
	for _, f := range []string{"ID", "Round", "Questionnaire", "Division", "Date", "Age", "Scores[0].Got", "Scores[1].Full", "Scores[2].Full", "OverallPercent"} {
		found := false
		for _, fe := range ve.Fields {
			found = found || fe.Field == f
		}
		if !found {
			t.Errorf("no problem reported for %s: %v", f, err)
		}
	}
	ctx := gongwei.WithActor(context.Background(), gongwei.Actor{Staff: "S01", Institution: "110101001", Within: "110101001"})
	g := education.NewSurvey(memstore.New(), education.Options{})
	ok := educationtest.Response("Q1", educationtest.Village, gongwei.MustDate(2025, 6, 3))
	if err := g.Save(ctx, ok); err != nil || ok.Version != 1 {
		t.Errorf("save: %v", err)
	}
	if err := g.Save(context.Background(), educationtest.Response("Q2", educationtest.Village, gongwei.MustDate(2025, 6, 3))); !errors.Is(err, gongwei.ErrNoActor) {
		t.Errorf("without an actor: %v", err)
	}
}
