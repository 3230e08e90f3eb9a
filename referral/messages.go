package referral

import (
	"strconv"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: "referral.kind.hypertension", ZhHans: "高血压", ZhHant: "高血壓", En: "hypertension"},
		gongwei.Message{Key: "referral.kind.diabetes", ZhHans: "2型糖尿病", ZhHant: "2型糖尿病", En: "type 2 diabetes"},
		gongwei.Message{Key: "referral.kind.mental", ZhHans: "严重精神障碍", ZhHant: "嚴重精神障礙", En: "severe mental disorder"},
		gongwei.Message{Key: "referral.kind.tb_suspect", ZhHans: "肺结核可疑者", ZhHant: "肺結核可疑者", En: "TB suspect"},
		gongwei.Message{Key: "referral.kind.tb_patient", ZhHans: "肺结核患者", ZhHant: "肺結核患者", En: "TB patient"},
		gongwei.Message{Key: "referral.kind.maternal", ZhHans: "孕产妇", ZhHant: "孕產婦", En: "pregnant or postpartum woman"},
		gongwei.Message{Key: "referral.kind.child", ZhHans: "0～6岁儿童", ZhHant: "0～6歲兒童", En: "child aged 0-6"},
		gongwei.Message{Key: "referral.kind.other", ZhHans: "其他", ZhHant: "其他", En: "other"},
		gongwei.Message{Key: "referral.outcome.1", ZhHans: "已到位", ZhHant: "已到位", En: "attended"},
		gongwei.Message{Key: "referral.outcome.2", ZhHans: "未到位", ZhHant: "未到位", En: "did not attend"},
		gongwei.Message{Key: "referral.outcome.3", ZhHans: "未联系上", ZhHant: "未聯繫上", En: "not reached"},
		gongwei.Message{Key: "referral.outcome.4", ZhHans: "已回转", ZhHant: "已回轉", En: "referred back"},
	)
}

// Label returns the kind's name in language tag ("肺结核可疑者"), or the catalog's text
// for an unknown code when k is not one of [Kinds].
func (k Kind) Label(tag language.Tag) string {
	if !k.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("referral.kind." + string(k))
}

// Label returns the outcome's name in language tag ("已到位"); OutcomeUnknown and
// values out of range give the catalog's text for an unknown code.
func (o Outcome) Label(tag language.Tag) string {
	if !o.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("referral.outcome." + strconv.Itoa(int(o)))
}
