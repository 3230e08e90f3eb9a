package main

import (
	"bytes"
	"context"
	"fmt"
	"github.com/gongwei-lib/gongwei/examples/internal/growthpage"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
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
	checkGrowthChart(t, ctx, db.HealthRecord(), db.Child(), string(html))
}

// checkGrowthChart checks the growth section of the HTML report against the child store:
// the charted child is the first of the township with at least growthpage.MinMeasured measured
// visits, the weight-for-age chart holds one point per visit that measured the weight, and
// the page names neither the child nor its ID number.
func checkGrowthChart(t *testing.T, ctx context.Context, records healthrecord.Store, s child.Store, html string) {
	t.Helper()
	// The first child with growthpage.MinMeasured weighed visits, counted here from the store.
	var picked *child.Child
	weighed := 0
	for c, err := range s.Children(ctx, child.ChildFilter{Prefix: string(township)}) {
		require.NoError(t, err)
		n := 0
		for v, err := range s.Visits(ctx, child.VisitFilter{Child: c.ID}) {
			require.NoError(t, err)
			if v.Measurement.WeightKg > 0 && c.AgeDays(v.Date) <= child.MaxAgeDays {
				n++
			}
		}
		if n >= growthpage.MinMeasured {
			picked, weighed = c, n
			break
		}
	}
	require.NotNil(t, picked, "a child with %d measured visits", growthpage.MinMeasured)

	assert.Contains(t, html, `<section class="extra" id="growth">`)
	wfa := svgElement(t, html, `data-indicator="`+child.WeightForAge.String()+`"`)
	assert.Equal(t, weighed, strings.Count(wfa, `<circle class="point`), "one point per weighed visit")
	assert.Equal(t, 5, strings.Count(wfa, `<path class="sd"`), "the WHO -3, -2, 0, +2, +3 SD curves")
	assert.Contains(t, wfa, `data-sex="`+strconv.Itoa(int(picked.Sex))+`"`)
	assert.Contains(t, html, fmt.Sprintf("体重测量%d次", weighed))
	hfa := svgElement(t, html, `data-indicator="`+child.LengthHeightForAge.String()+`"`)
	assert.Positive(t, strings.Count(hfa, `<circle class="point`))

	// No personal data.
	r, err := records.Resident(ctx, picked.Resident)
	require.NoError(t, err)
	require.NotEmpty(t, r.Name)
	assert.NotContains(t, html, r.Name)
	assert.NotContains(t, html, string(picked.Resident))
	assert.NotContains(t, html, string(picked.ID))
	assert.NotContains(t, html, r.Archive.String())
	if !r.IDNumber.IsZero() {
		assert.NotContains(t, html, r.IDNumber.String())
	}
}

// svgElement returns the svg element of page whose start tag contains attr.
func svgElement(t *testing.T, page, attr string) string {
	t.Helper()
	for rest := page; ; {
		i := strings.Index(rest, "<svg ")
		require.GreaterOrEqual(t, i, 0, "no svg with %s", attr)
		rest = rest[i:]
		end := strings.Index(rest, "</svg>")
		require.Greater(t, end, 0)
		tag := rest[:strings.Index(rest, ">")]
		if strings.Contains(tag, attr) {
			return rest[:end]
		}
		rest = rest[end:]
	}
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
