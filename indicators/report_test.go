package indicators

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; rerun with -update if intended", name)
}

func sampleReport(t *testing.T, tag language.Tag) *Report {
	ev, err := Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-10-31"))
	require.NoError(t, err)
	return NewReport(ev, tag)
}

func TestDisplayWidth(t *testing.T) {
	assert.Equal(t, 8, DisplayWidth("健康档案"))
	assert.Equal(t, 5, DisplayWidth("91.0%"))
	assert.Equal(t, 2, DisplayWidth("ａ"), "full-width letter")
	assert.Equal(t, 4, DisplayWidth("6.5‰"), "‰ is ambiguous: 1 column")
	assert.Equal(t, 2, DisplayWidth("（"))
}

func TestReportText(t *testing.T) {
	for _, tc := range []struct {
		tag  language.Tag
		file string
	}{{language.SimplifiedChinese, "report.zh-Hans.txt"}, {language.TraditionalChinese, "report.zh-Hant.txt"}, {language.English, "report.en.txt"}} {
		var b bytes.Buffer
		require.NoError(t, sampleReport(t, tc.tag).WriteText(&b))
		golden(t, tc.file, b.Bytes())
		// Aligned for CJK width: the status column starts at the same display column on
		// every row line (those that carry a target).
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		col := -1
		for _, l := range lines[2:] {
			if strings.HasPrefix(l, "【") {
				continue
			}
			i := strings.Index(l, "  ≥")
			if i < 0 {
				i = strings.Index(l, "  <")
			}
			require.GreaterOrEqual(t, i, 0, l)
			w := DisplayWidth(l[:i])
			if col < 0 {
				col = w
			}
			// The target column is left-aligned after right-aligned numbers: the columns
			// before it end at the same width.
			assert.Equal(t, col, w, "line %q", l)
		}
	}
}

func TestReportCSV(t *testing.T) {
	rep := sampleReport(t, language.SimplifiedChinese)
	var utf, gb bytes.Buffer
	require.NoError(t, rep.WriteCSV(&utf))
	golden(t, "report.zh-Hans.csv", utf.Bytes())
	require.NoError(t, rep.WriteCSVGB18030(&gb))
	assert.NotEqual(t, utf.Bytes(), gb.Bytes())
	back, err := simplifiedchinese.GB18030.NewDecoder().Bytes(gb.Bytes())
	require.NoError(t, err)
	assert.Equal(t, utf.String(), string(back), "GB18030 decodes to the UTF-8 CSV")
	assert.Contains(t, utf.String(), "服务项目,指标,单位,分子,分母,实际,目标,状态,应完成,进度,code\n")
}

func TestReportJSON(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, sampleReport(t, language.English).WriteJSON(&b))
	golden(t, "report.en.json", b.Bytes())
	var back struct {
		AsOf   string `json:"asOf"`
		Groups []struct {
			Service int `json:"service"`
			Rows    []struct {
				Code   string `json:"code"`
				Value  string `json:"value"`
				Status string `json:"status"`
			} `json:"rows"`
		} `json:"groups"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &back))
	assert.Equal(t, "2024-10-31", back.AsOf)
	assert.Equal(t, "record.coverage", back.Groups[0].Rows[0].Code)
	assert.Equal(t, "91", back.Groups[0].Rows[0].Value)
	assert.Equal(t, "met", back.Groups[0].Rows[0].Status)
}

func TestSummarize(t *testing.T) {
	ev, err := Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-10-31"))
	require.NoError(t, err)
	zh := Summarize(ev, language.SimplifiedChinese)
	require.Len(t, zh, 8)
	// 2593 of 2850 residents: 91.0%; 2360 electronic: 82.8% (see TestEvaluate).
	assert.Equal(t, ServiceRecords, zh[0].Service)
	assert.Equal(t, "截至10月底，共建立居民健康档案2593人，健康档案建档率91.0%（目标≥50%，达标），其中电子档案2360人，电子健康档案建档率82.8%（目标≥90%，未达标）。", zh[0].Text)
	assert.Equal(t, "截至10月底，共举办健康知识讲座10次（目标≥12，未达标）。", zh[1].Text)
	assert.Equal(t, "截至10月底，五苗全程接种率无数据。", zh[2].Text)
	assert.Equal(t, "截至10月底，共孕产妇死亡1人，孕产妇死亡率20.0/10万（目标<14/10万，未达标）。", zh[4].Text)
	hant := Summarize(ev, language.TraditionalChinese)
	assert.Equal(t, "截至10月底，共建立居民健康檔案2593人，健康檔案建檔率91.0%（目標≥50%，達標），其中電子檔案2360人，電子健康檔案建檔率82.8%（目標≥90%，未達標）。", hant[0].Text)
	assert.Equal(t, "截至10月底，共孕產婦死亡1人，孕產婦死亡率20.0/10萬（目標<14/10萬，未達標）。", hant[4].Text)
	en := Summarize(ev, language.English)
	assert.Equal(t, "By the end of October, 2593 residents have a health record, health record coverage 91.0% (target ≥50%, met); 2360 of them electronic, electronic health record coverage 82.8% (target ≥90%, not met).", en[0].Text)
	assert.Equal(t, "By the end of October, 10 health lectures held (target ≥12, not met).", en[1].Text)

	ev, err = Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-12-31"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(Summarize(ev, language.SimplifiedChinese)[0].Text, "截至年底，"))
	ev, err = Evaluate(samplePlan(), sampleTally(), gongwei.MustParseDate("2024-10-15"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(Summarize(ev, language.SimplifiedChinese)[0].Text, "截至10月15日，"))
	assert.True(t, strings.HasPrefix(Summarize(ev, language.English)[0].Text, "As of 15 October, "))
}

// Every national entry with a summary phrase has its traditional-Chinese form, with the
// same single count verb, so that a zh-Hant summary never falls back to simplified text.
func TestDidHantComplete(t *testing.T) {
	for _, ind := range National().All() {
		if ind.Did.Zh == "" {
			continue
		}
		h, ok := didHant[ind.Code]
		if assert.True(t, ok, "%s has no zh-Hant phrase", ind.Code) {
			assert.Equal(t, 1, strings.Count(h, "%v"), "%s", ind.Code)
		}
	}
	for code := range didHant {
		_, ok := Lookup(code)
		assert.True(t, ok, "didHant names %s, which is not catalogued", code)
	}
}
