package supervision

import "github.com/gongwei-lib/gongwei"

// Validation codes of this package.
const (
	// CodeNotWeekend: a make-up working day (调休上班) that is not a Saturday or Sunday.
	CodeNotWeekend gongwei.Code = "supervision.not_weekend"
	// CodeOpinionRequired: an inspection that found problems without a rectification
	// opinion (plan-targets.md: "a rectification opinion for every unit with problems").
	CodeOpinionRequired gongwei.Code = "supervision.opinion_required"
	// CodeClassMismatch: a case report whose class differs from the disease table's.
	CodeClassMismatch gongwei.Code = "supervision.class_mismatch"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeNotWeekend), ZhHans: "调休上班日应为周六或周日", ZhHant: "調休上班日應為週六或週日", En: "a make-up working day must be a Saturday or Sunday"},
		gongwei.Message{Key: string(CodeOpinionRequired), ZhHans: "发现问题的巡查应出具卫生监督意见书", ZhHant: "發現問題的巡查應出具衛生監督意見書", En: "an inspection that found problems needs a rectification opinion"},
		gongwei.Message{Key: string(CodeClassMismatch), ZhHans: "传染病类别与病种不符", ZhHant: "傳染病類別與病種不符", En: "does not match the disease's class"},
	)
}
