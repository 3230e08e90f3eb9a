package child

import "github.com/gongwei-lib/gongwei"

// Validation codes of this package (message keys prefixed "child.").
const (
	// CodeSex: the sex must be male or female (the growth standards are by sex).
	CodeSex gongwei.Code = "child.sex"
	// CodeAfterDeath: a visit dated on or after the child's death.
	CodeAfterDeath gongwei.Code = "child.after_death"
	// CodeUnknownChild: the visit's child has no record.
	CodeUnknownChild gongwei.Code = "child.unknown_child"
	// CodeUnknownResident: the child's (or mother's) health record does not exist.
	CodeUnknownResident gongwei.Code = "child.unknown_resident"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeSex), ZhHans: "性别须为男或女", ZhHant: "性別須為男或女", En: "must be male or female"},
		gongwei.Message{Key: string(CodeAfterDeath), ZhHans: "日期不早于死亡日期", ZhHant: "日期不早於死亡日期", En: "is on or after the date of death"},
		gongwei.Message{Key: string(CodeUnknownChild), ZhHans: "儿童保健档案不存在", ZhHant: "兒童保健檔案不存在", En: "has no child health record"},
		gongwei.Message{Key: string(CodeUnknownResident), ZhHans: "居民健康档案不存在", ZhHant: "居民健康檔案不存在", En: "has no health record"},
		gongwei.Message{Key: "child.kind.newborn", ZhHans: "新生儿家庭访视", ZhHant: "新生兒家庭訪視", En: "newborn home visit"},
		gongwei.Message{Key: "child.kind.full_month", ZhHans: "满月健康管理", ZhHant: "滿月健康管理", En: "full-month visit"},
		gongwei.Message{Key: "child.kind.m3", ZhHans: "3月龄健康检查", ZhHant: "3月齡健康檢查", En: "3-month check"},
		gongwei.Message{Key: "child.kind.m6", ZhHans: "6月龄健康检查", ZhHant: "6月齡健康檢查", En: "6-month check"},
		gongwei.Message{Key: "child.kind.m8", ZhHans: "8月龄健康检查", ZhHant: "8月齡健康檢查", En: "8-month check"},
		gongwei.Message{Key: "child.kind.m12", ZhHans: "12月龄健康检查", ZhHant: "12月齡健康檢查", En: "12-month check"},
		gongwei.Message{Key: "child.kind.m18", ZhHans: "18月龄健康检查", ZhHant: "18月齡健康檢查", En: "18-month check"},
		gongwei.Message{Key: "child.kind.m24", ZhHans: "24月龄健康检查", ZhHant: "24月齡健康檢查", En: "24-month check"},
		gongwei.Message{Key: "child.kind.m30", ZhHans: "30月龄健康检查", ZhHant: "30月齡健康檢查", En: "30-month check"},
		gongwei.Message{Key: "child.kind.m36", ZhHans: "36月龄健康检查", ZhHant: "36月齡健康檢查", En: "36-month check"},
		gongwei.Message{Key: "child.kind.y4", ZhHans: "4岁健康检查", ZhHant: "4歲健康檢查", En: "4-year check"},
		gongwei.Message{Key: "child.kind.y5", ZhHans: "5岁健康检查", ZhHant: "5歲健康檢查", En: "5-year check"},
		gongwei.Message{Key: "child.kind.y6", ZhHans: "6岁健康检查", ZhHant: "6歲健康檢查", En: "6-year check"},
		gongwei.Message{Key: "child.kind.extra", ZhHans: "其他健康检查", ZhHant: "其他健康檢查", En: "other check"},
	)
}
