package indicators

import (
	"context"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
)

// The indicator codes filled by [LiteracyIndicators].
const codeLiteracy Code = "edu.literacy"

// LiteracyCodes lists the indicators [LiteracyIndicators] fills.
var LiteracyCodes = []Code{codeLiteracy}

// LiteracyIndicators streams the health-literacy survey responses of the jurisdiction
// prefix dated in p once and adds edu.literacy (健康素养水平): denominator the
// respondents, numerator those with basic health literacy (education.SurveyResponse.
// Literate: the round's overall cut-off). Published levels are weighted (base,
// non-response and post-stratification weights, plan-services.md §3); this is the
// sample's unweighted share, counted under each village. [BasisService]
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
	}
	return ctx.Err()
}

// literacyCatalogue is the catalogue entry of health literacy.
var literacyCatalogue = []Indicator{{
	Code: codeLiteracy, Implemented: true, Service: ServiceEducation,
	Name:            Names{"居民健康素养水平", "居民健康素養水平", "Health literacy level"},
	Numerator:       Text{"具备基本健康素养的调查对象人数", "respondents with basic health literacy"},
	Denominator:     Text{"15～69岁调查对象人数", "respondents aged 15-69"},
	DenominatorKind: Counted, Scale: Percent, Direction: HigherIsBetter, Places: 1, Basis: BasisService,
	Source: "plan-services.md §3 (national monitoring: 15-69, three dimensions, 80% of a part's full mark)",
	Note:   "unweighted sample share; the overall cut-off is the round's (UNCONFIRMED nationally)",
	Issue:  issueSupervision, Did: Text{"健康素养调查%v人具备基本健康素养", "%v respondents health-literate"},
}}
