package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/education"
)

var _ education.SurveyStore = (*EducationStore)(nil)

var eduSurvey = newRecords("education_survey_responses", "survey response", "survey responses", []string{"division", "date"},
	func(r *education.SurveyResponse) (string, int64, []any) {
		return string(r.ID), r.Version, []any{r.Division, dateText(r.Date)}
	})

// SurveyResponse implements education.SurveyStore.
func (s *EducationStore) SurveyResponse(ctx context.Context, id education.ID) (*education.SurveyResponse, error) {
	return eduSurvey.get(ctx, s.db, string(id))
}

// PutSurveyResponse implements education.SurveyStore.
func (s *EducationStore) PutSurveyResponse(ctx context.Context, r *education.SurveyResponse, prev int64) error {
	return eduSurvey.put(ctx, s.db, r, prev)
}

// SurveyResponses implements education.SurveyStore: selected by the prefix of the
// village code and the date, ordered by date, then ID.
func (s *EducationStore) SurveyResponses(ctx context.Context, f education.Filter) iter.Seq2[*education.SurveyResponse, error] {
	return eduSurvey.stream(ctx, s.db, eduSurvey.query().within("division", f.Prefix, "date", f.Period), "date, id")
}
