package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
)

// The indicator codes filled by [LiteracyIndicators].
const codeLiteracy Code = "edu.literacy"

// LiteracyCodes lists the indicators [LiteracyIndicators] fills.
var LiteracyCodes = []Code{codeLiteracy, codeAwareness}

// LiteracyIndicators streams the health-literacy survey responses of the jurisdiction
// prefix dated in p once and adds edu.literacy (健康素养水平): denominator the
// respondents, numerator those with basic health literacy (education.SurveyResponse.
// Literate: the round's overall cut-off). Published levels are weighted (base,
// non-response and post-stratification weights, plan-services.md §3); this is the
// sample's unweighted share, counted under each village. It adds, per topic the
// response scores, edu.awareness/<topic> (知晓率): denominator 1, numerator 1 if aware
// (education.SurveyResponse.Aware, the round's cut-off). [BasisService]
func LiteracyIndicators(ctx context.Context, s education.SurveyStore, prefix string, p gongwei.Period, sink Sink) error {
	if !p.IsValid() {
		return errPeriod
	}
	b := newBatch(sink)
	defer b.flush()
	for r, err := range s.SurveyResponses(ctx, education.Filter{Prefix: prefix, Period: p}) {
		if err != nil {
			return err
		}
		b.Add(codeLiteracy, Unit(r.Division), p, b2i(r.Literate()), 1)
		addAwareness(r, Unit(r.Division), p, b)
	}
	return ctx.Err()
}
