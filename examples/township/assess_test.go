package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// printed returns what run prints for the default township in each language, the
// township loaded once into a fresh file, without the lines naming files or saying the
// file was reused.
func printed(t *testing.T) map[language.Tag]string {
	t.Helper()
	dir := t.TempDir()
	out := map[language.Tag]string{}
	for _, tag := range []language.Tag{language.SimplifiedChinese, language.TraditionalChinese, language.English} {
		o := options{lang: tag, asOf: gongwei.MustDate(2025, 12, 31), db: filepath.Join(dir, "t.db"),
			residents: defaultResidents, html: filepath.Join(dir, "t.html")}
		var b bytes.Buffer
		require.NoError(t, run(context.Background(), &b, o))
		out[tag] = report(b.String()) + "\n"
	}
	return out
}

// TestDefaultTownship runs the default township (3,000 residents, 2025) in the three
// languages and checks the printed report, assessment, funding and work summary against
// golden files; that no row of the plan reads 无数据; and that the Chinese runs hold no
// English word.
func TestDefaultTownship(t *testing.T) {
	out := printed(t)
	for tag, name := range map[language.Tag]string{
		language.SimplifiedChinese: "township.zh-Hans.golden", language.TraditionalChinese: "township.zh-Hant.golden", language.English: "township.en.golden",
	} {
		path := filepath.Join("testdata", name)
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(out[tag]), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update to create %s", path)
		assert.Equal(t, string(want), out[tag], "%s differs; rerun with -update if intended", name)
	}

	zh := out[language.SimplifiedChinese]
	table := zh[strings.Index(zh, "示范镇卫生院2025年"):strings.Index(zh, "目标来源")]
	// The national assessment set's 65 rows, then the referral register's 2, the key
	// populations' 2, the village clinics' 2, the women's health projects' 3 and health
	// literacy's 1, the vaccination clinic's 3 (建卡率 and the two AEFI rates), the
	// projects recorded on the pregnancy 4, the awareness topics 4, 婚检率 1 and the
	// village clinics' share of the work 2.
	assert.Equal(t, 65+2+2+2+3+1+3+4+4+1+2, strings.Count(table, "\n")-strings.Count(table, "【")-3, "89 rows of the plan (title, header and blank line aside)")
	assert.NotContains(t, table, "无数据", "every row of the example plan has data on the default township")
	assert.Contains(t, zh, "总分：90.39分（满分100分）；无数据不计分的指标0项。")
	for _, want := range []string{
		"预防接种建卡率                     示范镇    30    31     96.8%",
		"疑似预防接种异常反应规范处置率     示范镇     1     1    100.0%",
		"疑似预防接种异常反应报告及时率     示范镇     1     1    100.0%",
		"结核病人转诊率                     示范镇     3     4     75.0%",
		"转诊后2周内随访率                  示范镇    30    34     88.2%",
		"肺结核可疑者转诊后1周内随访率      示范镇     2     3     66.7%",
		"重点人群签约率                     示范镇   382   669     57.1%",
		"重点人群建档率                     示范镇   650   669     97.2%",
		"村卫生室督导完成率                 示范镇     6     8     75.0%",
		"村医承担基本公共卫生服务比例       示范镇  2126  3713     57.3%",
		"按乡村分工提供服务比例             示范镇  3239  3269     99.1%",
		"公卫人员规范培训合格率             示范镇    36    58     62.1%",
		"两癌检查阳性转诊率                 示范镇     7     7    100.0%",
		"居民健康素养水平                   示范镇     3    16     18.8%",
		"妇幼死亡及出生缺陷报告及时率       示范镇     6     6    100.0%",
		"产前筛查率                         示范镇    15    17     88.2%",
		"孕前优生健康检查率                 示范镇    10    17     58.8%",
		"叶酸服用率                         示范镇     9    17     52.9%",
		"感染孕产妇及所生儿童用药干预率     示范镇     2     2    100.0%",
		"农村孕产妇住院分娩补助率           示范镇    12    14     85.7%",
		"高血压防治知识知晓率               示范镇     5    16     31.3%",
		"艾滋病防治知识知晓率               示范镇    11    16     68.8%",
		"婚检率                             示范镇    28    38     73.7%",
		"精神病综合管理率                   示范镇    13    13    100.0%",
		"入托入学预防接种证查验率           示范镇    78    79     98.7%",
		"全程接种率                         示范镇    62    78     79.5%",
		"卡介苗接种率                       示范镇    34    34    100.0%",
		"一、基本情况", "二、主要工作及成效", "三、存在问题", "四、下一步打算",
		"卡介苗接种34人，接种率100.0%（目标≥95%，达标）",
		"应拨付合计322344.00元。",
	} {
		assert.Contains(t, zh, want)
	}
	english := regexp.MustCompile(`[A-Za-z]{2,}`)
	for _, tag := range []language.Tag{language.SimplifiedChinese, language.TraditionalChinese} {
		for _, line := range strings.Split(out[tag], "\n") {
			assert.Empty(t, english.FindAllString(line, -1), "English in the %s run: %q", tag, line)
		}
	}
}
