package integrity_test

import (
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei/integrity"
	"golang.org/x/text/language"
)

var sample = []integrity.Finding{
	{Rule: integrity.RuleAfterDeath, Village: "410523001101", Staff: "V001101", Resident: "41052300110100007", Count: 2,
		Records: []string{"chronic.Visit:P7-20250610", "chronic.Visit:P7-20250910"}},
	{Rule: integrity.RuleDigitPreference, Village: "410523001101", Staff: "V001101", Count: 57},
	{Rule: integrity.RuleBurst, Village: "410523001102", Staff: "V001102", Count: 240, Records: []string{"healthrecord.Resident:41052300110200001"}},
}

func TestReportCounts(t *testing.T) {
	r := integrity.Summarize("410523001", sample)
	if r.Total() != 3 || len(r.Villages) != 2 || len(r.Staff) != 2 {
		t.Fatalf("report: %d findings, %d villages, %d staff; want 3, 2, 2", r.Total(), len(r.Villages), len(r.Staff))
	}
	top := r.Villages[0]
	if top.ID != "410523001101" || top.Total != 2 || len(top.Review) != 2 {
		t.Errorf("first village %+v, want 410523001101 with 2 findings and 2 records", top)
	}
}

func TestReportText(t *testing.T) {
	r := integrity.Summarize("410523001", sample)
	tests := []struct {
		tag  language.Tag
		want []string
	}{
		{language.SimplifiedChinese, []string{"数据真实性核查（410523001）", "共 3 条待核查线索：2 个村、2 个账号", "死亡后仍有服务记录: 1", "按村", "410523001101  死亡后仍有服务记录 1; 血压尾数偏好（尾数为0过多） 1", "chronic.Visit:P7-20250610"}},
		{language.TraditionalChinese, []string{"數據真實性核查", "按人員帳號", "短時間內集中建檔 1"}},
		{language.English, []string{"Integrity check (410523001)", "3 findings to review: 2 villages, 2 staff accounts", "V001102  records created in a burst 1"}},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := r.WriteText(&b, tt.tag); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%v text lacks %q:\n%s", tt.tag, w, b.String())
			}
		}
	}
	var b strings.Builder
	_ = integrity.Summarize("410523", nil).WriteText(&b, language.English)
	if !strings.Contains(b.String(), "nothing found") {
		t.Errorf("clean report: %s", b.String())
	}
}

func TestReportHTML(t *testing.T) {
	var b strings.Builder
	if err := integrity.Summarize("410523001", sample).WriteHTML(&b, language.English); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`<section class="integrity" lang="en">`, "<h3>By village</h3>", "<code>chronic.Visit:P7-20250610</code>", `title="A service needs the resident alive`} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("HTML lacks %q:\n%s", w, b.String())
		}
	}
}
