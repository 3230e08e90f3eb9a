package indicators

import (
	"fmt"
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
	li := langIndex(tag)
	en := li == 2
	lang := [...]language.Tag{language.SimplifiedChinese, language.TraditionalChinese, language.English}[li]
	var out []Summary
	for _, g := range ev.ByService() {
		present := map[Code]bool{}
		for _, r := range g.Results {
			present[r.Row.Code] = true
		}
		var clauses []string
		for i, r := range g.Results {
			clauses = append(clauses, clause(r, i == 0, present[r.Indicator.PartOf], li, lang))
		}
		var text string
		if en {
			text = asOfPhrase(ev.AsOf, true) + ", " + strings.Join(clauses, "; ") + "."
		} else {
			text = asOfPhrase(ev.AsOf, false) + "，" + strings.Join(clauses, "，") + "。"
		}
		out = append(out, Summary{Service: g.Service, Text: text})
	}
	return out
}

func clause(r Result, first, partOfPresent bool, li int, lang language.Tag) string {
	ind := r.Indicator
	en := li == 2
	did := ind.did(li)
	var b strings.Builder
	hasCount := r.HasData || r.Actual.Numerator != 0
	switch {
	case did != "" && hasCount:
		if !en {
			if partOfPresent {
				b.WriteString("其中")
			} else if first {
				b.WriteString("共")
			}
		}
		fmt.Fprintf(&b, did, r.Actual.Numerator)
		if ind.IsCount() {
			b.WriteString(targetNote(r, en, lang))
			return b.String()
		}
		if en {
			b.WriteString(", ")
		} else {
			b.WriteString("，")
		}
	case partOfPresent && !en:
		b.WriteString("其中")
	}
	label := ind.Label(lang)
	if en && b.Len() > 0 {
		label = lowerFirst(label)
	}
	b.WriteString(label)
	if en {
		b.WriteString(" ")
	}
	if r.HasData {
		b.WriteString(r.Actual.Format(ind.Places, lang))
	} else {
		b.WriteString(r.Status.Label(lang))
		return b.String()
	}
	b.WriteString(targetNote(r, en, lang))
	return b.String()
}

func targetNote(r Result, en bool, lang language.Tag) string {
	if r.Row.Target.IsZero() {
		return ""
	}
	t := r.Row.Target.Format(r.Indicator.Scale, lang)
	if en {
		return " (target " + t + ", " + r.Status.Label(lang) + ")"
	}
	return [...]string{"（目标", "（目標"}[langIndex(lang)] + t + "，" + r.Status.Label(lang) + "）"
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	// Keep acronyms ("TB", "HIV") as they are.
	if len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// asOfPhrase returns "截至10月底" / "By the end of October" when d is the last day of
// its month, else "截至10月15日" / "As of 15 October".
func asOfPhrase(d gongwei.Date, en bool) string {
	_, m, day := d.Date()
	monthEnd := d.AddDays(1).Day() == 1
	switch {
	case en && monthEnd:
		return "By the end of " + m.String()
	case en:
		return fmt.Sprintf("As of %d %s", day, m)
	case monthEnd && m == time.December:
		return "截至年底"
	case monthEnd:
		return fmt.Sprintf("截至%d月底", int(m))
	}
	return fmt.Sprintf("截至%d月%d日", int(m), day)
}
