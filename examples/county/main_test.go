package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/examples/internal/loadstate"
	"github.com/gongwei-lib/gongwei/examples/internal/reporttest"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// TestRun computes a small county township by township on two workers and makes the
// reports of every level; run fails unless the merged township tallies of every domain
// (child and immunization included) equal the single pass exactly.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	o := options{residents: 4000, workers: 2, html: filepath.Join(dir, "c.html"), csv: filepath.Join(dir, "v.csv"),
		levels: map[indicators.Level]bool{indicators.LevelCounty: true, indicators.LevelTownship: true, indicators.LevelVillage: true}}
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, o))
	s := out.String()
	assert.Contains(t, s, "merged = single pass: true")
	assert.Contains(t, s, "410523002")
	for _, label := range []string{
		"健康档案建档率",         // records
		"高血压患者规范管理率",      // chronic: per-township table and the other indicators
		"管理人群血压控制率",       // chronic: plan row
		"肺结核患者管理率",        // TB
		"早孕建册率",           // maternal
		"住院分娩率",           // maternal: plan row
		"儿童系统管理率",         // child: per-township table
		"新生儿访视率",          // child: plan row
		"HepB3接种率",        // immunization: per-township coverage by milestone
		"五苗全程接种率",         // immunization: per-township table and plan row
		"被监督单位巡查频次达标率",    // supervision
		"卫生监督协管覆盖率",       // supervision: plan row
		"传染病疫情报告及时率",      // infectious disease reports
		"健康知识讲座次数",        // education
		"卫生院健康教育达标",       // education minimums per township
		"其他已实现指标（计划未设目标）", // the implemented indicators without a plan row
	} {
		assert.Contains(t, s, label)
	}
	// The plan is missed somewhere: a row not met.
	assert.Contains(t, s, "未达标")

	// The township level: a header and a report per township, in order, after the county's.
	res, err := compute(context.Background(), io.Discard, o.residents, o.workers)
	require.NoError(t, err)
	cfg := res.county.Config()
	last := strings.Index(s, "其他已实现指标")
	for i := 1; i <= cfg.Townships; i++ {
		unit := indicators.Unit(res.county.Township(i))
		at := strings.Index(s, townshipHeader(unit)+"\n乡镇 "+string(unit)+" 2025年基本公共卫生服务")
		require.Greater(t, at, last, "township %s after the one before", unit)
		last = at
		// Its 建档率 row shows the township's own counts.
		c, ok := res.towns.Get(indicators.Key{Code: "record.coverage", Unit: unit, Period: res.period})
		require.True(t, ok)
		section := s[at:]
		if next := strings.Index(section[1:], "==== 乡镇"); next > 0 {
			section = section[:next+1]
		}
		assert.Regexp(t, `健康档案建档率\s+`+string(unit)+`\s+`+strconv.FormatInt(c.Num, 10)+`\s+`+strconv.FormatInt(c.Den, 10)+`\s`, section)
	}

	// The village level: one CSV line per figure, every village present.
	f, err := os.Open(o.csv)
	require.NoError(t, err)
	defer f.Close()
	lines, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"unit", "level", "township", "code", "indicator", "numerator", "denominator", "rate"}, lines[0])
	villages := map[string]bool{}
	var num, den, lectures int64
	for _, l := range lines[1:] {
		if l[1] == "village" {
			villages[l[0]] = true
		}
		assert.Equal(t, l[0][:9], l[2])
		n, _ := strconv.ParseInt(l[5], 10, 64)
		d, _ := strconv.ParseInt(l[6], 10, 64)
		switch l[3] {
		case "record.coverage":
			num, den = num+n, den+d
		case "edu.lectures":
			lectures += n
		}
	}
	assert.Len(t, villages, len(res.county.Villages()))
	assert.Contains(t, s, fmt.Sprintf("village level: %d figures of %d villages", len(lines)-1, len(res.county.Villages())))
	total, _ := res.total.Get(indicators.Key{Code: "record.coverage", Unit: indicators.Unit(cfg.County), Period: res.period})
	assert.Equal(t, total, indicators.Counts{Num: num, Den: den}, "the villages' CSV adds up to the county")
	total, _ = res.total.Get(indicators.Key{Code: "edu.lectures", Unit: indicators.Unit(cfg.County), Period: res.period})
	assert.Equal(t, total.Num, lectures, "the CSV's lectures add up to the county")

	html, err := os.ReadFile(o.html)
	require.NoError(t, err)
	assert.Contains(t, string(html), `data-code="record.coverage"`)
	reporttest.CheckGrowthChart(t, context.Background(), res.stores.Records, res.stores.Child, cfg.County, string(html))
}

// TestLevelsAddUp: the county's figures are the sum of its townships', which are the sums
// of their villages' (plus, for a count such as 健康知识讲座次数, the health centre's own),
// for rates and counts alike; and the county's 建档率 is the count of
// complete records of permanent residents made here from the store over the census
// (nbphs-spec §1.6), as the county report prints it.
func TestLevelsAddUp(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	res, err := compute(ctx, &out, 4000, 2)
	require.NoError(t, err)
	cfg := res.county.Config()
	countyUnit := indicators.Unit(cfg.County)
	get := func(tl *indicators.Tally, code indicators.Code, u indicators.Unit) indicators.Counts {
		c, _ := tl.Get(indicators.Key{Code: code, Unit: u, Period: res.period})
		return c
	}
	for _, code := range []indicators.Code{"record.coverage", "child.newborn_visit", "ht.standard_management", "imm.five_vaccines", "edu.lectures"} {
		var towns, villages indicators.Counts
		for i := 1; i <= cfg.Townships; i++ {
			town := indicators.Unit(res.county.Township(i))
			tc := get(res.towns, code, town)
			// The township's own work (the health centre's lectures) is counted at the
			// township's code, the village clinics' at the villages'.
			sum := get(res.villages, code, town)
			for _, v := range res.county.Villages() {
				if town.Contains(indicators.Unit(v)) {
					sum = sum.Add(get(res.villages, code, indicators.Unit(v)))
				}
			}
			assert.Equal(t, tc, sum, "%s: township %s = its own + sum of its villages", code, town)
			towns, villages = towns.Add(tc), villages.Add(sum)
		}
		total := get(res.total, code, countyUnit)
		assert.Positive(t, total.Num, code)
		assert.Equal(t, total, towns, "%s: county = sum of townships", code)
		assert.Equal(t, total, villages, "%s: county = sum of villages", code)
	}

	// 建档率 by hand.
	asOf := res.period.Last()
	var complete, census int64
	for r, err := range res.stores.Records.Residents(ctx, healthrecord.ResidentFilter{Prefix: cfg.County}) {
		require.NoError(t, err)
		if r.ActiveOn(asOf) && r.Info.PermanentOn(asOf) && r.Complete(asOf) {
			complete++
		}
	}
	for _, c := range res.county.Census() {
		census += c.Residents
	}
	assert.Equal(t, indicators.Counts{Num: complete, Den: census}, get(res.total, "record.coverage", countyUnit))
	rep, _, err := levelReport(countyUnit, cfg.Year, res.total, res.period)
	require.NoError(t, err)
	var text bytes.Buffer
	require.NoError(t, rep.WriteText(&text))
	assert.Regexp(t, fmt.Sprintf(`健康档案建档率\s+%s\s+%d\s+%d\s`, countyUnit, complete, census), text.String())
}

// TestParseLevels: the -level flag.
func TestParseLevels(t *testing.T) {
	l, err := parseLevels("county, village")
	require.NoError(t, err)
	assert.Equal(t, map[indicators.Level]bool{indicators.LevelCounty: true, indicators.LevelVillage: true}, l)
	_, err = parseLevels("province")
	assert.Error(t, err)
	_, err = parseLevels(",")
	assert.Error(t, err)
}

// TestEngines runs a small county on SQLite (a file) and, when GONGWEI_TEST_POSTGRES is
// set, on PostgreSQL (in a schema of its own, with the batches' deferred writes on, as
// the command's default), and checks that its figures — every
// village's cells, merged from the townships computed in parallel, and the roll-ups —
// equal those computed in memory; a second run on the same database reuses what it
// holds and gives the same figures again.
func TestEngines(t *testing.T) {
	ctx := context.Background()
	const n = 1500
	want, err := compute(ctx, io.Discard, n, 2)
	require.NoError(t, err)
	engines := map[string]string{"sqlite": filepath.Join(t.TempDir(), "county.db")}
	if pg := os.Getenv("GONGWEI_TEST_POSTGRES"); pg != "" {
		engines["postgres"] = postgresSchema(t, pg)
	}
	for name, db := range engines {
		t.Run(name, func(t *testing.T) {
			o := options{residents: n, workers: 2, db: db, deferWrites: true}
			for run, wantHeld := range []int{0, n} {
				stores, sess, closeStores, err := openStores(ctx, o)
				require.NoError(t, err)
				require.Equal(t, wantHeld, sess.Held, "run %d: residents on file", run+1)
				var out bytes.Buffer
				got, err := computeIn(ctx, &out, o, stores, sess)
				closeStores()
				require.NoError(t, err)
				assert.True(t, got.villages.Equal(want.villages), "run %d: village cells equal the in-memory computation", run+1)
				assert.True(t, got.towns.Equal(want.towns), "run %d: townships", run+1)
				assert.True(t, got.total.Equal(want.total), "run %d: county", run+1)
				assert.Contains(t, out.String(), "merged = single pass: true")
				assert.Regexp(t, `peak heap while computing the townships: [0-9.]+ MiB`, out.String())
				if run == 1 {
					assert.Contains(t, out.String(), fmt.Sprintf("reusing the %d residents on file", n))
				}
			}
		})
	}
}

// postgresSchema creates a schema in the PostgreSQL database of dsn, dropped when t
// ends, and returns dsn with the schema as its search path.
func postgresSchema(t *testing.T, dsn string) string {
	t.Helper()
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("gw_county_test_%d", os.Getpid())
	_, err = admin.Exec(`CREATE SCHEMA "` + schema + `"`)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Exec(`DROP SCHEMA "` + schema + `" CASCADE`)
		assert.NoError(t, err)
	})
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestDSN: the -db flag's forms.
func TestDSN(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "",
		"memory":                  "",
		"/tmp/c.db":               "sqlite:/tmp/c.db",
		"sqlite:c.db":             "sqlite:c.db",
		"file:c.db?_pragma=x":     "file:c.db?_pragma=x",
		"postgres://u@h/db":       "postgres://u@h/db",
		"postgresql://u@h/db?x=y": "postgresql://u@h/db?x=y",
	} {
		assert.Equal(t, want, dsn(in), in)
	}
}

// TestUnfinishedLoadIsNeverReported: a county database whose load began and never
// completed (a run killed mid-load: some residents on file, no completion record) is
// loaded again from scratch, and the figures equal the in-memory computation; a completed
// load of another size is refused with a message naming the flag.
func TestUnfinishedLoadIsNeverReported(t *testing.T) {
	ctx := context.Background()
	const n = 1500
	want, err := compute(ctx, io.Discard, n, 2)
	require.NoError(t, err)
	o := options{residents: n, workers: 2, db: filepath.Join(t.TempDir(), "county.db")}

	// A load killed after its first chunk: the begin record and 1,000 residents.
	stores, sess, closeStores, err := openStores(ctx, o)
	require.NoError(t, err)
	county, err := synth.New(synth.DefaultConfig(n))
	require.NoError(t, err)
	ldb := loadstate.DB{SQL: sess.DB.SQL(), Dialect: sess.DB.Dialect()}
	require.NoError(t, loadstate.Begin(ctx, ldb, loadName, sess.Config))
	require.NoError(t, county.LoadResidents(ctx, stores, 0, 1000))
	closeStores()

	var msgs bytes.Buffer
	o.messages = &msgs
	stores, sess, closeStores, err = openStores(ctx, o)
	require.NoError(t, err)
	assert.Equal(t, loadstate.Load, sess.Action, "an unfinished load is loaded again")
	assert.Contains(t, msgs.String(), "holds a load that did not finish (1000 residents on file)")
	got, err := computeIn(ctx, io.Discard, o, stores, sess)
	closeStores()
	require.NoError(t, err)
	assert.True(t, got.villages.Equal(want.villages), "the reloaded county's figures equal the in-memory computation")

	o.residents = 2000
	_, _, _, err = openStores(ctx, o)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-residents 1500")
}
