package indicators

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"
	"golang.org/x/text/width"
)

// ReportRow is one localized line of a report: the strings a table shows, and the codes
// and exact values behind them.
type ReportRow struct {
	Service       Service         `json:"-"`                  // the service the indicator belongs to
	Code          Code            `json:"code"`               // the indicator's catalogue code
	Indicator     string          `json:"indicator"`          // the indicator's name in the report's language
	Unit          Unit            `json:"unit"`               // the division unit the row is for
	UnitName      string          `json:"unitName,omitempty"` // the unit's name, shown instead of its code (see NameUnits)
	Numerator     int64           `json:"numerator"`          // the rate's numerator
	Denominator   int64           `json:"denominator"`        // the rate's denominator
	Scale         string          `json:"scale"`              // the indicator's Scale name: "percent", "per_mille", "count", ...
	HasData       bool            `json:"hasData"`            // a cell exists, with a denominator unless a count
	Value         decimal.Decimal `json:"value"`              // rounded to the indicator's places; "0" without data
	Actual        string          `json:"actual"`             // Value formatted with its scale's suffix (Rate.Format)
	Target        string          `json:"target"`             // the plan row's target formatted with the indicator's suffix
	Goal          Target          `json:"-"`                  // the plan row's target, for charts (Target is its display)
	Status        Status          `json:"status"`             // 达标, 未达标 or 无数据
	StatusLabel   string          `json:"statusLabel"`        // Status in the report's language
	Due           decimal.Decimal `json:"due"`                // share due by the evaluation date, 0 to 1
	Achieved      decimal.Decimal `json:"achieved"`           // value ÷ target
	Progress      Progress        `json:"progress"`           // the standing against the milestone due
	ProgressLabel string          `json:"progressLabel"`      // Progress in the report's language
	Source        string          `json:"source"`             // the indicator's source in the specification (Indicator.Source)
}

// ReportGroup is the rows of one service.
type ReportGroup struct {
	Service Service     `json:"service"`
	Label   string      `json:"label"`
	Rows    []ReportRow `json:"rows"`
}

// Report is an evaluation laid out for people, in one language: rows grouped by service.
// Write it as text ([Report.WriteText]), CSV ([Report.WriteCSV], [Report.WriteCSVGB18030])
// or JSON ([Report.WriteJSON]).
type Report struct {
	Title    string        `json:"title"`
	AsOf     gongwei.Date  `json:"asOf"`
	Language string        `json:"language"`
	Groups   []ReportGroup `json:"groups"`
	lang     language.Tag
}

// NewReport lays ev out in language tag (zh-Hans, zh-Hant or en; others fall back through
// gongwei.MatchLanguage).
func NewReport(ev *Evaluation, tag language.Tag) *Report {
	tag = gongwei.MatchLanguage(tag)
	rep := &Report{Title: ev.Plan.Name, AsOf: ev.AsOf, Language: tag.String(), lang: tag}
	for _, g := range ev.ByService() {
		rg := ReportGroup{Service: g.Service, Label: g.Service.Label(tag)}
		for _, r := range g.Results {
			ind := r.Indicator
			rg.Rows = append(rg.Rows, ReportRow{
				Service: g.Service, Code: r.Row.Code, Indicator: ind.LabelOf(r.Row.Code, tag), Unit: r.Row.Unit,
				Numerator: r.Actual.Numerator, Denominator: r.Actual.Denominator, Scale: ind.Scale.String(),
				HasData: r.HasData, Value: r.Value, Actual: r.Actual.Format(ind.Places, tag),
				Target: r.Row.Target.Format(ind.Scale, tag), Goal: r.Row.Target, Status: r.Status, StatusLabel: r.Status.Label(tag),
				Due: r.Due, Achieved: r.Achieved, Progress: r.Progress, ProgressLabel: r.Progress.Label(tag),
				Source: ind.Source,
			})
		}
		rep.Groups = append(rep.Groups, rg)
	}
	return rep
}

// NameUnits sets each row's UnitName to name(unit) (a township's or village's name in
// the report's language), so that tables show names instead of division codes; an empty
// name keeps the code.
func (rep *Report) NameUnits(name func(Unit) string) {
	for i := range rep.Groups {
		for j := range rep.Groups[i].Rows {
			rep.Groups[i].Rows[j].UnitName = name(rep.Groups[i].Rows[j].Unit)
		}
	}
}

func (rep *Report) header() []string {
	p := gongwei.NewPrinter(rep.lang)
	return []string{
		p.Sprintf(keyColIndicator), p.Sprintf(keyColUnit), p.Sprintf(keyColNumerator), p.Sprintf(keyColDenominator),
		p.Sprintf(keyColActual), p.Sprintf(keyColTarget), p.Sprintf(keyColStatus), p.Sprintf(keyColDue), p.Sprintf(keyColProgress),
	}
}

// percent formats a fraction (0.8) as a percentage with places decimals ("80%", "92.0%").
func percent(f decimal.Decimal, places int32) string {
	return f.Shift(2).StringFixed(places) + "%"
}

func (row ReportRow) cells() []string {
	num, den := strconv.FormatInt(row.Numerator, 10), strconv.FormatInt(row.Denominator, 10)
	if row.Scale == Count.String() {
		den = ""
	}
	if !row.HasData && row.Numerator == 0 && row.Denominator == 0 {
		num, den = "", ""
	}
	due, prog := "", row.ProgressLabel
	if row.Progress == ProgressOnTrack || row.Progress == ProgressBehind {
		due = percent(row.Due, 0)
		if row.HasData {
			prog = percent(row.Achieved, 1) + " " + prog
		}
	}
	unit := string(row.Unit)
	if row.UnitName != "" {
		unit = row.UnitName
	}
	return []string{row.Indicator, unit, num, den, row.Actual, row.Target, row.StatusLabel, due, prog}
}

// rightAligned are the numeric columns of the text layout.
var rightAligned = []bool{false, false, true, true, true, false, false, true, false}

// DisplayWidth returns the number of terminal columns s takes: 2 for East Asian wide and
// full-width characters (汉字, full-width punctuation), 1 for the others
// (golang.org/x/text/width; ambiguous-width characters such as ‰ count 1).
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func pad(s string, w int, right bool) string {
	fill := strings.Repeat(" ", max(0, w-DisplayWidth(s)))
	if right {
		return fill + s
	}
	return s + fill
}

// WriteText writes the report as a plain-text table aligned for CJK width: a title line,
// then per service a heading and the rows, columns separated by two spaces.
func (rep *Report) WriteText(w io.Writer) error {
	head := rep.header()
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = DisplayWidth(h)
	}
	for _, g := range rep.Groups {
		for _, r := range g.Rows {
			for i, c := range r.cells() {
				widths[i] = max(widths[i], DisplayWidth(c))
			}
		}
	}
	line := func(cells []string) string {
		parts := make([]string, len(cells))
		for i, c := range cells {
			parts[i] = pad(c, widths[i], rightAligned[i])
		}
		return strings.TrimRight(strings.Join(parts, "  "), " ") + "\n"
	}
	var b strings.Builder
	b.WriteString(rep.Title + " (" + rep.AsOf.String() + ")\n")
	b.WriteString(line(head))
	for _, g := range rep.Groups {
		b.WriteString("【" + g.Label + "】\n")
		for _, r := range g.Rows {
			b.WriteString(line(r.cells()))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCSV writes the report as UTF-8 CSV (RFC 4180, no byte-order mark), one header
// line and one line per row, the service in the first column and the indicator code in
// the last.
func (rep *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	p := gongwei.NewPrinter(rep.lang)
	head := append([]string{p.Sprintf(keyColService)}, rep.header()...)
	if err := cw.Write(append(head, "code")); err != nil {
		return err
	}
	for _, g := range rep.Groups {
		for _, r := range g.Rows {
			if err := cw.Write(append(append([]string{g.Label}, r.cells()...), string(r.Code))); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVGB18030 writes the CSV of WriteCSV encoded in GB18030, for legacy spreadsheet
// programs that open CSV files in the system code page (data-standards §6.1). Private-use
// code points (U+E000-U+F8FF) in a host's unit names are not written faithfully: the
// encoder of golang.org/x/text gives some of them four-byte codes that read back as other
// code points.
func (rep *Report) WriteCSVGB18030(w io.Writer) error {
	enc := simplifiedchinese.GB18030.NewEncoder().Writer(w)
	return rep.WriteCSV(enc)
}

// WriteJSON writes the report as indented JSON: codes and exact values (decimals as
// strings) next to the localized labels.
func (rep *Report) WriteJSON(w io.Writer) error {
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	e.SetEscapeHTML(false)
	return e.Encode(rep)
}
