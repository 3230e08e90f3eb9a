package memstore

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei/education"
)

var _ education.SurveyStore = (*Store)(nil)

// SurveyResponse implements education.SurveyStore.
func (s *Store) SurveyResponse(ctx context.Context, id education.ID) (*education.SurveyResponse, error) {
	return s.responses.Get(ctx, id)
}

// PutSurveyResponse implements education.SurveyStore.
func (s *Store) PutSurveyResponse(ctx context.Context, r *education.SurveyResponse, prev int64) error {
	return s.responses.Put(ctx, r, prev)
}

// SurveyResponses implements education.SurveyStore.
func (s *Store) SurveyResponses(ctx context.Context, f education.Filter) iter.Seq2[*education.SurveyResponse, error] {
	return s.responses.All(ctx, f.MatchResponse)
}
