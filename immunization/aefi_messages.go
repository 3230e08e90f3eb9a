package immunization

import (
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// init registers the AEFI validation codes and the labels of the AEFI classes
// ("immunization.aefi_class.<id>") and severities ("immunization.aefi_severity.<id>").
func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeOnsetBeforeDose), ZhHans: "反应发生日期早于接种日期", ZhHant: "反應發生日期早於接種日期", En: "onset is before the dose"},
	)
	for c := AEFIPending; c < numAEFIClasses; c++ {
		n := aefiClassNames[c]
		gongwei.RegisterMessages(gongwei.Message{Key: "immunization.aefi_class." + n[0], ZhHans: n[1], ZhHant: n[2], En: n[3]})
	}
	for v := AEFINonSerious; v < numAEFISeverities; v++ {
		n := aefiSeverityNames[v]
		gongwei.RegisterMessages(gongwei.Message{Key: "immunization.aefi_severity." + n[0], ZhHans: n[1], ZhHant: n[2], En: n[3]})
	}
}

// Label returns the class's name in the language tag (异常反应 / 異常反應 / abnormal
// reaction).
func (c AEFIClass) Label(tag language.Tag) string {
	if c.String() == "" {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf("immunization.aefi_class." + c.String())
}

// Label returns the severity's name in the language tag.
func (v AEFISeverity) Label(tag language.Tag) string {
	if v.String() == "" {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf("immunization.aefi_severity." + v.String())
}

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeReadingGap), ZhHans: "温度记录有缺漏（超过监测间隔，或某天缺少间隔不少于6小时的上午、下午记录）", ZhHant: "溫度記錄有缺漏（超過監測間隔，或某天缺少間隔不少於6小時的上午、下午記錄）", En: "readings are missing (longer than the monitoring interval, or a day without a morning and an afternoon reading 6 hours apart)"},
	)
}

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeNotInCampaign), ZhHans: "不属于该接种活动（疫苗、日期或目标儿童不符）", ZhHant: "不屬於該接種活動（疫苗、日期或目標兒童不符）", En: "is not part of the campaign (vaccine, day or target child)"},
	)
}
