package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/examples/internal/reporttest"
	"github.com/gongwei-lib/gongwei/internal/browsertest"
)

// TestHTMLInBrowser loads the township's HTML report in headless Chromium: the DOM the
// browser builds holds the two growth charts as SVG with the child's points, and the
// report's 建档率 row. It runs when GONGWEI_CHROMIUM names a Chromium binary (.ci/run sets
// it) and fails, rather than skips, when that browser cannot run.
func TestHTMLInBrowser(t *testing.T) {
	bin := browsertest.Browser(t)
	dir := t.TempDir()
	o := options{lang: language.SimplifiedChinese, asOf: gongwei.MustDate(2025, 12, 31), db: filepath.Join(dir, "b.db"),
		residents: 300, html: filepath.Join(dir, "b.html")}
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, o))
	page, err := os.ReadFile(o.html)
	require.NoError(t, err)

	dom := string(browsertest.Run(t, bin, dir, "--dump-dom", "file://"+o.html))
	require.NotEmpty(t, dom, "chromium printed no DOM")

	assert.Contains(t, dom, `data-code="record.coverage"`)
	assert.Equal(t, 2, strings.Count(dom, `class="growth-chart"`), "weight- and length/height-for-age")
	for _, ind := range []child.Indicator{child.WeightForAge, child.LengthHeightForAge} {
		attr := `data-indicator="` + ind.String() + `"`
		want := strings.Count(reporttest.SVGElement(t, string(page), attr), `<circle class="point`)
		assert.GreaterOrEqual(t, want, 1, ind.String())
		assert.Equal(t, want, strings.Count(reporttest.SVGElement(t, dom, attr), `<circle class="point`), "%s points in the DOM", ind)
		assert.Equal(t, 5, strings.Count(reporttest.SVGElement(t, dom, attr), `<path class="sd"`), "%s SD curves in the DOM", ind)
	}
}
