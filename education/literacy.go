package education

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Dimension is one of the three dimensions of the national health-literacy
// questionnaire (plan-services.md §3): 基本知识和理念, 健康生活方式与行为, 基本技能.
type Dimension int

// The dimensions, in the questionnaire's order.
const (
	Knowledge Dimension = iota // 基本知识和理念
	Lifestyle                  // 健康生活方式与行为
	Skills                     // 基本技能
)

// LiteracyPercent is the share of a part's full mark from which a respondent has
// literacy in that part (a dimension or a category): 80% (the 2013 national monitoring
// report, plan-services.md §3). It is confirmed for dimensions and categories only; the
// overall cut-off is the round's (SurveyResponse.OverallPercent).
const LiteracyPercent = 80

// LiteracyMinAge and LiteracyMaxAge bound the monitored population: residents aged 15-69
// (plan-services.md §3).
const (
	LiteracyMinAge = 15
	LiteracyMaxAge = 69
)

// PartScore is a respondent's score in one part and the part's full mark.
type PartScore struct{ Got, Full int }

// SurveyResponse is one respondent's scored questionnaire in a health-literacy survey
// round (健康素养监测). The item scores are added by the host's questionnaire (the
// national per-item scores were not found, plan-services.md §3): the record holds the
// sums per dimension.
type SurveyResponse struct {
	// ID identifies the response in its store.
	ID ID
	// Round names the survey round (e.g. "2025年健康素养监测").
	Round string
	// Questionnaire is the questionnaire's version.
	Questionnaire string
	// Division is the 12-digit village code of the respondent's residence.
	Division string
	// Date is the day of the interview.
	Date gongwei.Date
	// Age is the respondent's age in completed years (15-69).
	Age int
	// Scores are the sums per dimension.
	Scores [3]PartScore
	// OverallPercent is the round's overall cut-off, in percent of the full score: the
	// host's, since the national overall rule is UNCONFIRMED (plan-services.md §3: the
	// dimension rule is 80%).
	OverallPercent int
	// Awareness are the scores on the plans' awareness topics asked in the round
	// (知晓率, see [SurveyResponse.Aware]); empty when the round asked none.
	Awareness []TopicScore
	// AwarePercent is the round's awareness cut-off, in percent of a topic's full
	// mark: the host's (no national rule found); required with Awareness.
	AwarePercent int
	// Version is the stored version (0 for a response never stored).
	Version int64
}

// Clone returns a copy of r.
func (r *SurveyResponse) Clone() *SurveyResponse {
	c := *r
	c.Awareness = slices.Clone(r.Awareness)
	return &c
}

// LiterateIn reports literacy in dimension d: the score is at least LiteracyPercent of
// its full mark.
func (r *SurveyResponse) LiterateIn(d Dimension) bool {
	s := r.Scores[d]
	return s.Full > 0 && s.Got*100 >= LiteracyPercent*s.Full
}

// Literate reports basic health literacy: the total score is at least OverallPercent
// of the total full mark.
func (r *SurveyResponse) Literate() bool {
	got, full := 0, 0
	for _, s := range r.Scores {
		got, full = got+s.Got, full+s.Full
	}
	return full > 0 && r.OverallPercent > 0 && got*100 >= r.OverallPercent*full
}

// Validate reports every problem of r at once as a *gongwei.ValidationError.
func (r *SurveyResponse) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "education.SurveyResponse"
	ve.Check(strings.TrimSpace(string(r.ID)) != "", "ID", gongwei.CodeRequired)
	ve.Check(strings.TrimSpace(r.Round) != "", "Round", gongwei.CodeRequired)
	ve.Check(strings.TrimSpace(r.Questionnaire) != "", "Questionnaire", gongwei.CodeRequired)
	v, err := healthrecord.ParseVillage(r.Division)
	ve.Check(err == nil && string(v) == r.Division, "Division", gongwei.CodeFormat)
	ve.Check(!r.Date.IsZero(), "Date", gongwei.CodeRequired)
	ve.Check(r.Age >= LiteracyMinAge && r.Age <= LiteracyMaxAge, "Age", gongwei.CodeOutOfRange, LiteracyMinAge, LiteracyMaxAge)
	for i, s := range r.Scores {
		f := fmt.Sprintf("Scores[%d]", i)
		ve.Check(s.Full > 0, f+".Full", gongwei.CodeRequired)
		ve.Check(s.Got >= 0 && s.Got <= s.Full, f+".Got", gongwei.CodeOutOfRange, 0, s.Full)
	}
	ve.Check(r.OverallPercent >= 1 && r.OverallPercent <= 100, "OverallPercent", gongwei.CodeOutOfRange, 1, 100)
	r.validateAwareness(&ve)
	return ve.Err()
}

// SurveyStore is what health-literacy surveys need from a host's storage, under the
// store contract of Store. A store may implement it beside Store.
type SurveyStore interface {
	SurveyResponse(ctx context.Context, id ID) (*SurveyResponse, error)
	PutSurveyResponse(ctx context.Context, r *SurveyResponse, prev int64) error
	// SurveyResponses streams the responses matching f (Prefix and Period; Kind is
	// ignored), ordered by date, then ID.
	SurveyResponses(ctx context.Context, f Filter) iter.Seq2[*SurveyResponse, error]
}

// MatchResponse reports whether r is selected by f's Prefix and Period.
func (f Filter) MatchResponse(r *SurveyResponse) bool {
	return strings.HasPrefix(r.Division, f.Prefix) &&
		(f.Period.Start.IsZero() || !r.Date.Before(f.Period.Start)) && (f.Period.End.IsZero() || r.Date.Before(f.Period.End))
}

// Survey validates survey responses and stores them over a host's [SurveyStore],
// through the write path of every service (healthrecord.Trail).
type Survey struct {
	s     SurveyStore
	trail *healthrecord.Trail
}

// NewSurvey returns a Survey over s configured by o (its Audit and Unattributed).
func NewSurvey(s SurveyStore, o Options) *Survey {
	return &Survey{s: s, trail: healthrecord.NewTrail(o.Audit, o.Unattributed, nil)}
}

// Store returns the underlying store.
func (g *Survey) Store() SurveyStore { return g.s }

// Save normalises, validates and stores r, bumping its version.
func (g *Survey) Save(ctx context.Context, r *SurveyResponse) error {
	x := r.Clone()
	x.Division = gongwei.NormalizeCode(x.Division)
	if err := x.Validate(); err != nil {
		return fmt.Errorf("education: save survey response: %w", err)
	}
	ch := healthrecord.Change{Kind: "education.SurveyResponse", ID: string(x.ID), Division: gongwei.Division(x.Division), Date: x.Date,
		Stored: func(ctx context.Context) (any, error) { return g.s.SurveyResponse(ctx, x.ID) }}
	if err := healthrecord.WriteNext(ctx, g.trail, ch, x, &x.Version, g.s.PutSurveyResponse); err != nil {
		return fmt.Errorf("education: save survey response: %w", err)
	}
	r.Version = x.Version
	return nil
}
