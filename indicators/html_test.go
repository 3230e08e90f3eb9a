package indicators

import (
	"bytes"
	"errors"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// domRow is a report row read back from an HTML page: its data attributes and the text
// of its figure cells (td.fig), by column class.
type domRow struct {
	attrs map[string]string
	cells map[string]string
	order []string // the figure cells' texts in document order
	bar   string   // the markup of the row's chart cell
}

var (
	reRow   = regexp.MustCompile(`(?s)<tr (class="indicator-row[^"]*"[^>]*)>(.*?)</tr>`)
	reAttr  = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)
	reCell  = regexp.MustCompile(`(?s)<td class="fig (c-[a-z]+)[^"]*">(.*?)</td>`)
	reChart = regexp.MustCompile(`(?s)<td class="c-chart">(.*?)</td>`)
	reTag   = regexp.MustCompile(`<[^>]*>`)
)

// readRows reads the indicator rows of a page as written by WriteHTMLPage or as a
// browser serializes its DOM (both quote attributes with " and keep their order).
func readRows(page string) []domRow {
	var rows []domRow
	for _, m := range reRow.FindAllStringSubmatch(page, -1) {
		r := domRow{attrs: map[string]string{}, cells: map[string]string{}}
		for _, a := range reAttr.FindAllStringSubmatch(m[1], -1) {
			r.attrs[a[1]] = html.UnescapeString(a[2])
		}
		for _, c := range reCell.FindAllStringSubmatch(m[2], -1) {
			text := html.UnescapeString(reTag.ReplaceAllString(c[2], ""))
			r.cells[c[1]] = text
			r.order = append(r.order, text)
		}
		if c := reChart.FindStringSubmatch(m[2]); c != nil {
			r.bar = c[1]
		}
		rows = append(rows, r)
	}
	return rows
}

// textFigures returns the lines of a WriteText table with runs of spaces collapsed: the
// figures of each row, in column order.
func textFigures(text string) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		out[strings.Join(strings.Fields(l), " ")] = true
	}
	return out
}

// assertSameFigures checks that every row of the page holds, cell for cell, a line of
// the text report, and that the page has as many rows as the report.
func assertSameFigures(t *testing.T, rep *Report, page string) {
	t.Helper()
	var text bytes.Buffer
	require.NoError(t, rep.WriteText(&text))
	lines := textFigures(text.String())
	rows := readRows(page)
	n := 0
	for _, g := range rep.Groups {
		n += len(g.Rows)
	}
	require.Len(t, rows, n)
	for _, r := range rows {
		require.Len(t, r.order, len(htmlColumns), r.attrs["data-code"])
		joined := strings.Join(strings.Fields(strings.Join(r.order, " ")), " ")
		assert.True(t, lines[joined], "row %s %q is not a line of the text report:\n%s", r.attrs["data-code"], joined, text.String())
	}
	assert.Contains(t, page, html.EscapeString(rep.Title))
	assert.Contains(t, page, `data-date="`+rep.AsOf.String()+`"`)
}

func TestReportHTML(t *testing.T) {
	rep := sampleReport(t, language.SimplifiedChinese)
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b))
	page := b.String()
	golden(t, "report.zh-Hans.html", b.Bytes())
	assertSameFigures(t, rep, page)

	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=\"zh-Hans\">"))
	assert.Contains(t, page, `<h1 id="report-title">某乡镇卫生院2024年基本公共卫生服务工作计划</h1>`)
	assert.Contains(t, page, `统计截至 2024-10-31`)
	assert.Contains(t, page, `<section class="service" id="service-records" data-service="records">`)
	assert.Contains(t, page, `<th class="c-numerator num">分子</th>`)

	byCode := map[string]domRow{}
	for _, r := range readRows(page) {
		byCode[r.attrs["data-code"]] = r
	}
	// The figures of TestEvaluate: 2593 of 2850 = 91.0% ≥50% met; 2360 of 2850 = 82.8%
	// < 90% not met; no five-vaccine data; 1 of 5000 = 20.0/10万, not <14.
	tests := []struct {
		code, value, status, progress, num, den, actual, statusLabel, targetOp, targetValue string
		fill, marker                                                                        string
	}{
		// 91.0 on a 0–100 track of 160 px: 145.6; the target 50: 80.
		{"record.coverage", "91", "met", "on_track", "2593", "2850", "91.0%", "达标", "≥", "50", "145.6", "80"},
		{"record.electronic", "82.8", "not_met", "on_track", "2360", "2850", "82.8%", "未达标", "≥", "90", "132.5", "144"},
		// A count: 10 lectures against ≥12; the track is 12 × 1.25 = 15 long.
		{"edu.lectures", "10", "not_met", "on_track", "10", "0", "10", "未达标", "≥", "12", "106.7", "128"},
		{"imm.five_vaccines", "", "no_data", "behind", "0", "0", "—", "无数据", "≥", "95", "", "152"},
		// 20.0/10万 against <14: the track is 20 × 1.25 = 25 long.
		{"maternal.mortality", "20", "not_met", "na", "1", "5000", "20.0/10万", "未达标", "<", "14", "128", "89.6"},
	}
	for _, tc := range tests {
		r, ok := byCode[tc.code]
		require.True(t, ok, tc.code)
		assert.Equal(t, tc.value, r.attrs["data-value"], tc.code)
		assert.Equal(t, tc.status, r.attrs["data-status"], tc.code)
		assert.Equal(t, tc.progress, r.attrs["data-progress"], tc.code)
		assert.Equal(t, tc.num, r.attrs["data-numerator"], tc.code)
		assert.Equal(t, tc.den, r.attrs["data-denominator"], tc.code)
		assert.Equal(t, tc.targetOp, r.attrs["data-target-op"], tc.code)
		assert.Equal(t, tc.targetValue, r.attrs["data-target-value"], tc.code)
		assert.Equal(t, tc.actual, r.cells["c-actual"], tc.code)
		assert.Equal(t, tc.statusLabel, r.cells["c-status"], tc.code)
		assert.Contains(t, r.attrs["class"], "status-"+tc.status, tc.code)
		if tc.fill == "" {
			assert.NotContains(t, r.bar, `class="bar-`, tc.code)
		} else {
			assert.Contains(t, r.bar, `<rect class="bar-`+tc.status+`" x="0" y="2" width="`+tc.fill+`"`, tc.code)
		}
		assert.Contains(t, r.bar, `<line class="target" x1="`+tc.marker+`"`, tc.code)
	}
	// Status colours: green for met, red for not met, grey for no data.
	assert.Contains(t, page, "--met: #1a7f37")
	assert.Contains(t, page, "--notmet: #cf222e")
	assert.Contains(t, page, "--nodata: #6e7781")
}

// The page is self-contained: no script, no link, no external resource.
func TestReportHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	svg := template.HTML(`<svg class="growth-chart" viewBox="0 0 10 10"><circle cx="5" cy="5" r="2"></circle></svg>`)
	require.NoError(t, sampleReport(t, language.English).WriteHTMLPage(&b, HTMLSection{Heading: "Growth", Body: svg}))
	page := b.String()
	for _, s := range []string{"<script", "<link", "src=", "href=", "@import", "url(", "http://", "https://"} {
		assert.NotContains(t, page, s)
	}
	assert.Contains(t, page, `<html lang="en">`)
	assert.Contains(t, page, `<th class="c-actual num">Actual</th>`)
	assert.Contains(t, page, `As of 2024-10-31`)
	assert.Contains(t, page, `<section class="extra" id="section-1">`+"\n<h2>Growth</h2>\n"+string(svg))
}

// Text is escaped (html/template); a section's Body is inserted as given.
func TestReportHTMLEscapes(t *testing.T) {
	rep := sampleReport(t, language.TraditionalChinese)
	rep.Title = `<script>alert("x")</script>`
	rep.Groups[0].Rows[0].Indicator = `a<b & "c"`
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTMLPage(&b, HTMLSection{ID: "summary", Paragraphs: []string{"<i>1 & 2</i>"}}))
	page := b.String()
	assert.NotContains(t, page, "<script>")
	assert.Contains(t, page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;")
	assert.Contains(t, page, `a&lt;b &amp; &#34;c&#34;`)
	assert.Contains(t, page, `<section class="extra" id="summary">`+"\n<p>&lt;i&gt;1 &amp; 2&lt;/i&gt;</p>")
	assert.Contains(t, page, `<html lang="zh-Hant">`)
	assert.Contains(t, page, "達標")
	rows := readRows(page)
	assert.Equal(t, `a<b & "c"`, rows[0].cells["c-indicator"], "the reader unescapes")
}

// A report decoded from JSON (no language tag kept) uses its Language field; an empty
// report says so.
func TestReportHTMLEmptyAndDecoded(t *testing.T) {
	rep := &Report{Title: "T", AsOf: gongwei.MustParseDate("2024-12-31"), Language: "en"}
	var b bytes.Buffer
	require.NoError(t, rep.WriteHTML(&b))
	assert.Contains(t, b.String(), `<p class="empty">This report has no indicators.</p>`)
	assert.Contains(t, b.String(), `<html lang="en">`)
	assert.Empty(t, readRows(b.String()))
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestReportHTMLWriteError(t *testing.T) {
	assert.EqualError(t, sampleReport(t, language.English).WriteHTML(failWriter{}), "disk full")
}
