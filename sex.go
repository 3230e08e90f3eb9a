package gongwei

import "golang.org/x/text/language"

// Sex is a person's sex coded by GB/T 2261.1-2003 人的性别代码. Its integer value is the
// national code, so it can be stored and exchanged as is.
type Sex int

// The GB/T 2261.1 codes, as printed on the personal basic information form
// (个人基本信息表, 2017 edition): "按照国标分为男、女、未知的性别及未说明的性别".
const (
	SexUnknown     Sex = 0 // 未知的性别
	Male           Sex = 1 // 男性
	Female         Sex = 2 // 女性
	SexUnspecified Sex = 9 // 未说明的性别
)

// IsValid reports whether s is one of the four GB/T 2261.1 codes.
func (s Sex) IsValid() bool {
	switch s {
	case SexUnknown, Male, Female, SexUnspecified:
		return true
	}
	return false
}

// Label returns the name of s in the language tag (zh-Hans by default).
func (s Sex) Label(tag language.Tag) string {
	if !s.IsValid() {
		return NewPrinter(tag).Sprintf(string(CodeUnknownCode))
	}
	return NewPrinter(tag).Sprintf(sexKeys[s])
}

// String returns the simplified Chinese name of s.
func (s Sex) String() string { return s.Label(language.SimplifiedChinese) }

var sexKeys = map[Sex]string{
	SexUnknown:     "sex.0",
	Male:           "sex.1",
	Female:         "sex.2",
	SexUnspecified: "sex.9",
}

func init() {
	RegisterMessages(
		Message{Key: "sex.0", ZhHans: "未知的性别", ZhHant: "未知的性別", En: "unknown"},
		Message{Key: "sex.1", ZhHans: "男", ZhHant: "男", En: "male"},
		Message{Key: "sex.2", ZhHans: "女", ZhHant: "女", En: "female"},
		Message{Key: "sex.9", ZhHans: "未说明的性别", ZhHant: "未說明的性別", En: "unspecified"},
	)
}
