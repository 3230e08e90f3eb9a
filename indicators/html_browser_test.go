package indicators

import (
	"bytes"
	"html/template"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/internal/browsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// TestHTMLInBrowser loads the HTML report, with a child growth chart, in a real headless
// browser: the page loads, the tables the browser builds hold the figures WriteText
// prints for the same report, and a screenshot is produced and shows the status colours.
//
// It runs when GONGWEI_CHROMIUM names a Chromium binary (.ci/run installs Debian's
// chromium and sets it to /usr/bin/chromium) and fails, rather than skips, when that
// browser cannot run. Set GONGWEI_HTML_KEEP to a directory to keep the page, the DOM and
// the screenshot there.
func TestHTMLInBrowser(t *testing.T) {
	bin := browsertest.Browser(t)
	dir := t.TempDir()
	if keep := os.Getenv("GONGWEI_HTML_KEEP"); keep != "" {
		require.NoError(t, os.MkdirAll(keep, 0o755))
		dir = keep
	}

	rep := sampleReport(t, language.SimplifiedChinese)
	var svg bytes.Buffer
	// A girl's weights at birth, 2, 6, 12 and 24 months (kg).
	points := []child.ChartPoint{{AgeDays: 0, Measure: 3.1}, {AgeDays: 61, Measure: 5.2}, {AgeDays: 183, Measure: 7.0}, {AgeDays: 365, Measure: 8.6}, {AgeDays: 730, Measure: 10.9}}
	require.NoError(t, child.GrowthChartSVG(&svg, child.WeightForAge, gongwei.Female, points))
	ev, err := Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-10-31"))
	require.NoError(t, err)
	summary := SummarySection(Summarize(ev, language.SimplifiedChinese), language.SimplifiedChinese)
	var page bytes.Buffer
	require.NoError(t, rep.WriteHTMLPage(&page, summary,
		HTMLSection{ID: "growth", Heading: "儿童生长曲线", Body: template.HTML(svg.String())}, // our own SVG
	))
	file := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(file, page.Bytes(), 0o644))
	url := "file://" + file

	run := func(args ...string) []byte { t.Helper(); return browsertest.Run(t, bin, dir, args...) }

	// The DOM the browser built from the page.
	dom := string(run("--dump-dom", url))
	require.NotEmpty(t, dom, "chromium printed no DOM")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dom.html"), []byte(dom), 0o644))
	assert.Contains(t, dom, `<h1 id="report-title">某乡镇卫生院2024年基本公共卫生服务工作计划</h1>`)
	assertSameFigures(t, rep, dom)
	rows := readRows(dom)
	byCode := map[string]domRow{}
	for _, r := range rows {
		byCode[r.attrs["data-code"]] = r
	}
	// The figures of TestEvaluate, as the browser holds them.
	assert.Equal(t, "91.0%", byCode["record.coverage"].cells["c-actual"])
	assert.Equal(t, "达标", byCode["record.coverage"].cells["c-status"])
	assert.Equal(t, "82.8%", byCode["record.electronic"].cells["c-actual"])
	assert.Equal(t, "not_met", byCode["record.electronic"].attrs["data-status"])
	assert.Equal(t, "20.0/10万", byCode["maternal.mortality"].cells["c-actual"])
	assert.Equal(t, "无数据", byCode["imm.five_vaccines"].cells["c-status"])
	assert.Contains(t, dom, "<h2>工作总结</h2>\n<p>"+summary.Paragraphs[0]+"</p>", "the summary section")
	// The chart came through as SVG in the DOM: five SD curves and the five points.
	assert.Contains(t, dom, `class="growth-chart"`)
	assert.Equal(t, 5, strings.Count(dom, `<path class="sd"`))
	assert.Equal(t, len(points), strings.Count(dom, `<circle class="point"`))

	// A screenshot of the page.
	shot := filepath.Join(dir, "report.png")
	_ = os.Remove(shot)
	run("--screenshot="+shot, "--window-size=1200,1600", url)
	f, err := os.Open(shot)
	require.NoError(t, err, "no screenshot written")
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err, "the screenshot is a PNG")
	assert.Equal(t, image.Pt(1200, 1600), img.Bounds().Size())
	// The page was styled: the status colours of met (green), not met (red) and no data
	// (grey) are painted.
	for name, want := range map[string][3]uint8{"met": {0x1a, 0x7f, 0x37}, "not met": {0xcf, 0x22, 0x2e}, "no data": {0x6e, 0x77, 0x81}} {
		assert.Greater(t, countColour(img, want), 50, "pixels of the %s colour", name)
	}
}

// countColour counts the pixels within 3 of colour c in each channel.
func countColour(img image.Image, c [3]uint8) int {
	n := 0
	near := func(a uint32, b uint8) bool { d := int(a>>8) - int(b); return d >= -3 && d <= 3 }
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r, c[0]) && near(g, c[1]) && near(bl, c[2]) {
				n++
			}
		}
	}
	return n
}
