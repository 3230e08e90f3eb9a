package integrity

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Report is the integrity report of a division: how many findings each rule gave, and
// per village and per staff account the findings by rule and the records to review.
type Report struct {
	// Within is the division checked.
	Within gongwei.Division
	// Rules counts the findings of each rule, in Rules order.
	Rules []RuleCount
	// Villages and Staff are the villages and accounts with findings, most findings
	// first, then by code.
	Villages []Row
	Staff    []Row
}

// RuleCount is the number of findings of one rule.
type RuleCount struct {
	Rule     RuleCode
	Findings int
}

// Row is one village's or account's findings.
type Row struct {
	// ID is the village's code or the staff ID.
	ID string
	// Findings counts the findings by rule, in Rules order.
	Findings []int
	// Total is the sum of Findings.
	Total int
	// Review lists the records to review ("kind:ID"), at most Thresholds.Listed of each
	// finding, at most reviewListed in all.
	Review []string
}

// reviewListed bounds the records a row lists.
const reviewListed = 50

// Summarize builds the report of the findings of division within.
func Summarize(within gongwei.Division, fs []Finding) *Report {
	r := &Report{Within: within}
	for _, rule := range Rules {
		r.Rules = append(r.Rules, RuleCount{Rule: rule.Code})
	}
	villages, staff := map[string]*Row{}, map[string]*Row{}
	row := func(m map[string]*Row, id string) *Row {
		x := m[id]
		if x == nil {
			x = &Row{ID: id, Findings: make([]int, len(Rules))}
			m[id] = x
		}
		return x
	}
	for _, f := range fs {
		i := ruleIndex(f.Rule)
		if i < 0 {
			continue
		}
		r.Rules[i].Findings++
		var rows []*Row
		if f.Village != "" {
			rows = append(rows, row(villages, string(f.Village)))
		}
		if f.Staff != "" {
			rows = append(rows, row(staff, f.Staff))
		}
		for _, x := range rows {
			x.Findings[i]++
			x.Total++
			for _, rec := range f.Records {
				if len(x.Review) < reviewListed && !slices.Contains(x.Review, rec) {
					x.Review = append(x.Review, rec)
				}
			}
		}
	}
	sorted := func(m map[string]*Row) []Row {
		var out []Row
		for _, x := range m {
			out = append(out, *x)
		}
		slices.SortFunc(out, func(a, b Row) int { return cmp.Or(cmp.Compare(b.Total, a.Total), strings.Compare(a.ID, b.ID)) })
		return out
	}
	r.Villages, r.Staff = sorted(villages), sorted(staff)
	return r
}

// Total returns the number of findings.
func (r *Report) Total() int {
	n := 0
	for _, c := range r.Rules {
		n += c.Findings
	}
	return n
}

// Catalog keys of the report's labels.
const (
	keyTitle    = "integrity.report.title"
	keyTotal    = "integrity.report.total"
	keyClean    = "integrity.report.clean"
	keyVillages = "integrity.report.villages"
	keyStaff    = "integrity.report.staff"
	keyRule     = "integrity.report.rule"
	keyCount    = "integrity.report.count"
	keyReview   = "integrity.report.review"
	keyCode     = "integrity.report.code"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: keyTitle, ZhHans: "数据真实性核查（%v）", ZhHant: "數據真實性核查（%v）", En: "Integrity check (%v)"},
		gongwei.Message{Key: keyTotal, ZhHans: "共 %d 条待核查线索：%d 个村、%d 个账号", ZhHant: "共 %d 條待核查線索：%d 個村、%d 個帳號", En: "%d findings to review: %d villages, %d staff accounts"},
		gongwei.Message{Key: keyClean, ZhHans: "未发现异常", ZhHant: "未發現異常", En: "nothing found"},
		gongwei.Message{Key: keyVillages, ZhHans: "按村", ZhHant: "按村", En: "By village"},
		gongwei.Message{Key: keyStaff, ZhHans: "按人员账号", ZhHant: "按人員帳號", En: "By staff account"},
		gongwei.Message{Key: keyRule, ZhHans: "规则", ZhHant: "規則", En: "Rule"},
		gongwei.Message{Key: keyCount, ZhHans: "线索数", ZhHant: "線索數", En: "Findings"},
		gongwei.Message{Key: keyReview, ZhHans: "待核查记录", ZhHant: "待核查記錄", En: "Records to review"},
		gongwei.Message{Key: keyCode, ZhHans: "编码", ZhHant: "編碼", En: "Code"},
	)
}

// grouping is one grouping of a report's rows shown under a heading (its catalog key).
type grouping struct {
	key  string
	rows []Row
}

// groupings are the report's groupings that have rows, in the order both writers show
// them: by village, then by staff account.
func (r *Report) groupings() []grouping {
	var gs []grouping
	for _, g := range []grouping{{keyVillages, r.Villages}, {keyStaff, r.Staff}} {
		if len(g.rows) > 0 {
			gs = append(gs, g)
		}
	}
	return gs
}

// label returns a row's findings as "rule name n; ..." in the printer's language.
func label(p *message.Printer, x Row) string {
	var parts []string
	for i, n := range x.Findings {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", p.Sprintf(string(Rules[i].Code)), n))
		}
	}
	return strings.Join(parts, "; ")
}

// WriteText writes the report as text in language tag: the count of each rule with
// findings, then each village and account with its findings and records to review.
func (r *Report) WriteText(w io.Writer, tag language.Tag) error {
	p := gongwei.NewPrinter(tag)
	var b strings.Builder
	b.WriteString(p.Sprintf(keyTitle, r.Within) + "\n")
	if r.Total() == 0 {
		b.WriteString("  " + p.Sprintf(keyClean) + "\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("  " + p.Sprintf(keyTotal, r.Total(), len(r.Villages), len(r.Staff)) + "\n")
	for _, c := range r.Rules {
		if c.Findings > 0 {
			fmt.Fprintf(&b, "    %s: %d\n", p.Sprintf(string(c.Rule)), c.Findings)
		}
	}
	for _, sec := range r.groupings() {
		b.WriteString("  " + p.Sprintf(sec.key) + "\n")
		for _, x := range sec.rows {
			fmt.Fprintf(&b, "    %s  %s\n", x.ID, label(p, x))
			if len(x.Review) > 0 {
				fmt.Fprintf(&b, "      %s: %s\n", p.Sprintf(keyReview), strings.Join(x.Review, ", "))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var reportHTML = template.Must(template.New("integrity").Parse(`<section class="integrity" lang="{{.Lang}}">
<h2>{{.Title}}</h2>
{{if not .Rules}}<p>{{.Clean}}</p>{{else}}<p>{{.Total}}</p>
<table><thead><tr><th>{{.RuleLabel}}</th><th>{{.CountLabel}}</th></tr></thead><tbody>
{{range .Rules}}<tr><td title="{{.Reason}}">{{.Name}}</td><td>{{.N}}</td></tr>
{{end}}</tbody></table>
{{range .Sections}}<h3>{{.Heading}}</h3>
<table><thead><tr><th>{{$.CodeLabel}}</th><th>{{$.CountLabel}}</th><th>{{$.ReviewLabel}}</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.ID}}</td><td>{{.Label}}</td><td>{{range $i, $r := .Review}}{{if $i}}, {{end}}<code>{{$r}}</code>{{end}}</td></tr>
{{end}}</tbody></table>
{{end}}{{end}}</section>
`))

// WriteHTML writes the report as an HTML section (a fragment a page can include) in
// language tag: the same content as WriteText, each rule's reason as its title.
func (r *Report) WriteHTML(w io.Writer, tag language.Tag) error {
	p := gongwei.NewPrinter(tag)
	type ruleRow struct {
		Name, Reason string
		N            int
	}
	type row struct {
		ID, Label string
		Review    []string
	}
	type section struct {
		Heading string
		Rows    []row
	}
	data := struct {
		Lang, Title, Total, Clean, RuleLabel, CountLabel, ReviewLabel, CodeLabel string
		Rules                                                                    []ruleRow
		Sections                                                                 []section
	}{
		Lang: gongwei.MatchLanguage(tag).String(), Title: p.Sprintf(keyTitle, r.Within),
		Total: p.Sprintf(keyTotal, r.Total(), len(r.Villages), len(r.Staff)), Clean: p.Sprintf(keyClean),
		RuleLabel: p.Sprintf(keyRule), CountLabel: p.Sprintf(keyCount), ReviewLabel: p.Sprintf(keyReview), CodeLabel: p.Sprintf(keyCode),
	}
	for i, c := range r.Rules {
		if c.Findings > 0 {
			data.Rules = append(data.Rules, ruleRow{Name: p.Sprintf(string(c.Rule)), Reason: Rules[i].Reason, N: c.Findings})
		}
	}
	for _, sec := range r.groupings() {
		s := section{Heading: p.Sprintf(sec.key)}
		for _, x := range sec.rows {
			s.Rows = append(s.Rows, row{ID: x.ID, Label: label(p, x), Review: x.Review})
		}
		data.Sections = append(data.Sections, s)
	}
	return reportHTML.Execute(w, data)
}
