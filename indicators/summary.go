package indicators

import (
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// Summary is the year-end summary (工作总结) text of one service.
type Summary struct {
	Service Service
	Text    string
}

// Summarize writes, per service of an evaluated plan, the sentence work summaries are
// made of: the counts achieved and the rates against their targets, e.g.
//
//	截至10月底，共建立居民健康档案2593人，健康档案建档率91.0%（目标≥50%，达标），其中电子档案2360人，电子健康档案建档率82.8%（目标≥90%，未达标）。
//
// Each row contributes its indicator's Did phrase (the numerator in words) and, for a
// rate, the rate with target and status; a row whose indicator is PartOf another row of
// the same service is introduced by 其中 ("of them"). The date reads "截至10月底" when
// the evaluation date is the last day of a month, "截至10月15日" otherwise.
//
// Summaries are written in simplified Chinese (the default), traditional Chinese or
// English, as tag matches.
func Summarize(ev *Evaluation, tag language.Tag) []Summary {
	tag = gongwei.MatchLanguage(tag)
	pr := gongwei.NewPrinter(tag)
	var out []Summary
	for _, g := range ev.ByService() {
		present := map[Code]bool{}
		for _, r := range g.Results {
			present[r.Row.Code] = true
		}
		var clauses []string
		for i, r := range g.Results {
			clauses = append(clauses, clause(r, i == 0, present[r.Indicator.PartOf], tag))
		}
		text := pr.Sprintf(keySumSentence, asOfPhrase(ev.AsOf, tag), strings.Join(clauses, pr.Sprintf(keySumSep)))
		out = append(out, Summary{Service: g.Service, Text: text})
	}
	return out
}

// clause writes one row of a summary in tag (a language of the catalog).
func clause(r Result, first, partOfPresent bool, tag language.Tag) string {
	pr := gongwei.NewPrinter(tag)
	ind := r.Indicator
	did := ind.didPhrase(tag, r.Actual.Numerator)
	hasCount := r.HasData || r.Actual.Numerator != 0
	if did != "" && hasCount {
		switch {
		case partOfPresent:
			did = pr.Sprintf(keySumPartOf, did)
		case first:
			did = pr.Sprintf(keySumFirst, did)
		}
		if ind.IsCount() {
			return did + targetNote(r, tag)
		}
		label := ind.LabelOf(r.Row.Code, tag)
		if tag == language.English {
			label = lowerFirst(label) // the rate continues the sentence
		}
		return pr.Sprintf(keySumDidRate, did, rateClause(r, label, tag))
	}
	c := rateClause(r, ind.LabelOf(r.Row.Code, tag), tag)
	if partOfPresent {
		return pr.Sprintf(keySumPartOf, c)
	}
	return c
}

// rateClause writes the rate of r named label, with its target and status, or the status
// alone when r has no data.
func rateClause(r Result, label string, tag language.Tag) string {
	pr := gongwei.NewPrinter(tag)
	if !r.HasData {
		return pr.Sprintf(keySumValue, label, r.Status.Label(tag))
	}
	return pr.Sprintf(keySumValue, label, r.Actual.Format(r.Indicator.Places, tag)) + targetNote(r, tag)
}

func targetNote(r Result, tag language.Tag) string {
	if r.Row.Target.IsZero() {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf(keySumTarget, r.Row.Target.Format(r.Indicator.Scale, tag), r.Status.Label(tag))
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	// Keep acronyms and names with capitals of their own ("TB", "HIV", "HepB", "DTaP").
	for i := 1; i < len(s) && s[i] != ' '; i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return s
		}
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// asOfPhrase returns "截至10月底" / "By the end of October" when d is the last day of
// its month ("截至年底" in December), else "截至10月15日" / "As of 15 October".
func asOfPhrase(d gongwei.Date, tag language.Tag) string {
	pr := gongwei.NewPrinter(tag)
	_, m, day := d.Date()
	switch monthEnd := d.AddDays(1).Day() == 1; {
	case monthEnd && m == time.December:
		return pr.Sprintf(keySumYearEnd)
	case monthEnd:
		return pr.Sprintf(keySumMonthEnd, int(m), m.String())
	}
	return pr.Sprintf(keySumDay, int(m), day, m.String())
}
