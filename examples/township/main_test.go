package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/internal/reporttest"
	"github.com/gongwei-lib/gongwei/examples/internal/townshipdb"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// TestRun runs a small township's year on a fresh SQLite file, then again on the same
// file: the second run reuses the database (no duplicate). The 建档率 the report states
// is checked against a count made here from the stored records and the census (nbphs-spec
// §1.6: complete records of permanent residents ÷ resident population).
func TestRun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	o := options{lang: language.SimplifiedChinese, asOf: gongwei.MustDate(2025, 12, 31), db: filepath.Join(dir, "t.db"),
		residents: 400, html: filepath.Join(dir, "t.html")}
	var first, second bytes.Buffer
	require.NoError(t, run(ctx, &first, o))
	require.NoError(t, run(ctx, &second, o))
	assert.NotContains(t, first.String(), "reusing")
	assert.Contains(t, second.String(), "reusing t.db: 400 residents already on file")

	// The count by hand.
	db, err := sqlstore.Open(ctx, "sqlite:"+o.db)
	require.NoError(t, err)
	defer db.Close()
	var complete int64
	for r, err := range db.HealthRecord().Residents(ctx, healthrecord.ResidentFilter{Prefix: string(township)}) {
		require.NoError(t, err)
		if r.ActiveOn(o.asOf) && r.Info.PermanentOn(o.asOf) && r.Complete(o.asOf) {
			complete++
		}
	}
	county, err := synth.New(synth.Config{Seed: 1, County: townshipdb.County, Townships: 1, VillagesPerTownship: townshipdb.Villages, Residents: 400, Year: planYear})
	require.NoError(t, err)
	var census int64
	for _, c := range county.Census() {
		census += c.Residents
	}
	rate, _ := indicators.Rate{Numerator: complete, Denominator: census, Scale: indicators.Percent}.Value(1)
	want := fmt.Sprintf("共建立居民健康档案%d人，健康档案建档率%s%%", complete, rate.StringFixed(1))
	assert.Contains(t, first.String(), want)
	assert.Contains(t, second.String(), want)
	assert.Contains(t, first.String(), "考核得分")

	html, err := os.ReadFile(o.html)
	require.NoError(t, err)
	assert.Contains(t, string(html), `data-code="record.coverage"`)
	reporttest.CheckGrowthChart(t, ctx, db.HealthRecord(), db.Child(), string(township), string(html))
}

// TestRunLanguages: the report, the summary and the township's integrity summary (clean,
// as the synthetic township is written) follow the language flag, on stdout and in the
// HTML page.
func TestRunLanguages(t *testing.T) {
	dir := t.TempDir()
	dec31, sep30 := gongwei.MustDate(2025, 12, 31), gongwei.MustDate(2025, 9, 30)
	for _, c := range []struct {
		tag  language.Tag
		asOf gongwei.Date
		want []string
	}{
		{language.SimplifiedChinese, dec31, []string{"数据真实性核查（410523001）\n  未发现异常\n"}},
		{language.TraditionalChinese, dec31, []string{"健康檔案建檔率", "數據真實性核查（410523001）\n  未發現異常\n"}},
		{language.English, dec31, []string{"By the end of December", "Integrity check (410523001)\n  nothing found\n"}},
		{language.SimplifiedChinese, sep30, []string{"截至9月底"}},
	} {
		var out bytes.Buffer
		html := filepath.Join(dir, c.tag.String()+".html")
		o := options{lang: c.tag, asOf: c.asOf, db: filepath.Join(dir, "l.db"), residents: 200, html: html}
		require.NoError(t, run(context.Background(), &out, o))
		for _, w := range c.want {
			assert.Contains(t, out.String(), w, "%v on %v: stdout", c.tag, c.asOf)
		}
		page, err := os.ReadFile(html)
		require.NoError(t, err)
		assert.Contains(t, string(page), `<section class="integrity" lang="`+c.tag.String()+`">`, "%v: the HTML page's integrity section", c.tag)
	}
}
