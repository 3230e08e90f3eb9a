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

// TestRunLanguages: the report and summary follow the language flag.
func TestRunLanguages(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		tag  language.Tag
		want string
	}{
		{language.English, "By the end of December"},
		{language.TraditionalChinese, "健康檔案建檔率"},
	} {
		var out bytes.Buffer
		o := options{lang: c.tag, asOf: gongwei.MustDate(2025, 12, 31), db: filepath.Join(dir, "l.db"), residents: 200, html: filepath.Join(dir, "l.html")}
		require.NoError(t, run(context.Background(), &out, o))
		assert.Contains(t, out.String(), c.want)
	}
	var out bytes.Buffer
	o := options{lang: language.SimplifiedChinese, asOf: gongwei.MustDate(2025, 9, 30), db: filepath.Join(dir, "l.db"), residents: 200, html: filepath.Join(dir, "l.html")}
	require.NoError(t, run(context.Background(), &out, o))
	assert.Contains(t, out.String(), "截至9月底")
}
