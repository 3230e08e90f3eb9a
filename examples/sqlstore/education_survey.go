package sqlstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/education"
)

var _ education.SurveyStore = (*EducationStore)(nil)

var eduSurveyTable = newTable("education_survey_responses", "survey response", "division", "date")

// SurveyResponse implements education.SurveyStore.
func (s *EducationStore) SurveyResponse(ctx context.Context, id education.ID) (*education.SurveyResponse, error) {
	return getRow[education.SurveyResponse](ctx, s.db, eduSurveyTable, string(id))
}

// PutSurveyResponse implements education.SurveyStore.
func (s *EducationStore) PutSurveyResponse(ctx context.Context, r *education.SurveyResponse, prev int64) error {
	return s.db.write(ctx, "put survey response", func(tx *txn) error {
		return putRow(ctx, s.db, tx, eduSurveyTable, string(r.ID), r.Version, prev, r, r.Division, dateText(r.Date))
	})
}

// SurveyResponses implements education.SurveyStore: selected by the prefix of the
// village code and the date, ordered by date, then ID.
func (s *EducationStore) SurveyResponses(ctx context.Context, f education.Filter) iter.Seq2[*education.SurveyResponse, error] {
	q := query{base: "SELECT body FROM education_survey_responses"}
	hasPrefixCond(&q, "division", f.Prefix)
	q.period("date", f.Period)
	return stream[education.SurveyResponse](ctx, s.db, "stream survey responses", q.sql("date, id"), q.args...)
}
