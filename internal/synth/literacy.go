package synth

import (
	"github.com/gongwei-lib/gongwei/education"
)

// drawLiteracy is the purpose of the health-literacy survey's stream, apart from every
// other.
const drawLiteracy uint64 = 315

// Demonstration figures of the survey: the evaluation survey of 1% of the population a
// year (a plan's figure, plan-targets.md "evaluation survey"), the example questionnaire's
// full marks and the example round's overall cut-off (the host's value; the dimension
// rule is 80%, plan-services.md §3).
const (
	surveyed            = 10 // per mille of residents aged 15-69
	surveyCutPercent    = 80
	surveyQuestionnaire = "示例问卷"
)

var surveyFull = [3]int{50, 30, 20}

// SurveyResponse returns person p's health-literacy survey response of the year, or
// nil: about one resident aged 15-69 in a hundred, interviewed at home, on a stream of
// its own.
func (c *County) SurveyResponse(p *Person) *education.SurveyResponse {
	res := p.Resident
	r := c.rng(p.Index, drawLiteracy)
	if !chance(r, surveyed) {
		return nil
	}
	d := c.period.Start.AddDays(between(r, 120, 300))
	age := res.BirthDate.AgeYears(d)
	if age < education.LiteracyMinAge || age > education.LiteracyMaxAge || d.Before(res.Created) ||
		(!res.Closure.Date.IsZero() && !d.Before(res.Closure.Date)) {
		return nil
	}
	resp := &education.SurveyResponse{ID: education.ID(string(res.ID) + "-SL"), Round: c.period.Start.String()[:4] + "年健康素养监测",
		Questionnaire: surveyQuestionnaire, Division: string(res.Archive.Village()), Date: d, Age: age, OverallPercent: surveyCutPercent}
	for i, full := range surveyFull {
		resp.Scores[i] = education.PartScore{Got: between(r, full/2, full), Full: full}
	}
	return resp
}
