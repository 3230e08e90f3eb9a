package educationtest

import (
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/internal/storetest"
)

// Response returns a valid survey response of a respondent of the village division
// interviewed on d: 40 of 50 in knowledge, 20 of 30 in lifestyle, 16 of 20 in skills,
// against the fixture's overall cut-off of 80% (the host's value, not a rule).
func Response(id education.ID, division string, d gongwei.Date) *education.SurveyResponse {
	return &education.SurveyResponse{ID: id, Round: "2025年健康素养监测", Questionnaire: "2024版", Division: division, Date: d, Age: 42,
		Scores: [3]education.PartScore{{Got: 40, Full: 50}, {Got: 20, Full: 30}, {Got: 16, Full: 20}}, OverallPercent: 80}
}

// TestSurveyStore checks that an implementation of education.SurveyStore meets every
// clause of the store contract, each case a subtest on a fresh store from newStore.
func TestSurveyStore(t *testing.T, newStore func(t *testing.T) education.SurveyStore) {
	t.Helper()
	storetest.RunDated(t, storetest.Dated[education.SurveyStore, education.ID, education.Filter, *education.SurveyResponse]{
		Make:    Response,
		ID:      func(r *education.SurveyResponse) education.ID { return r.ID },
		Version: func(r *education.SurveyResponse) *int64 { return &r.Version },
		Change:  func(r *education.SurveyResponse, n int) { r.Scores[1].Got = n % 30 },
		Get:     education.SurveyStore.SurveyResponse,
		Put:     education.SurveyStore.PutSurveyResponse,
		Stream:  education.SurveyStore.SurveyResponses,
		Filter:  filter,
		Codes:   [3]string{Village, Township + "002", OtherTownship + "001"}, Prefix: Township, Day: gongwei.MustDate(2025, time.June, 3),
	}, newStore)
}

// filter is the filter of the streams of survey responses by code prefix and period.
func filter(prefix string, p gongwei.Period) education.Filter {
	return education.Filter{Prefix: prefix, Period: p}
}
