package healthrecord

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// Ethnicity is a GB 3304 民族代码 (data-standards §3.3): the two-digit national code,
// "01" 汉族 to "56" 基诺族, "97" 其他 and "98" 外国血统中国籍人士. The 2017 form prints only
// 01 汉族 / 99 少数民族 and asks for the full name of a minority ("少数民族应填写全称",
// data-standards §3.1); the record keeps the full national code and FormCode gives the
// form's box. The zero value "" means "not recorded".
type Ethnicity string

// Ethnicities most often referred to in code; every GB 3304 code is valid.
const (
	EthnicityHan     Ethnicity = "01" // 汉族
	EthnicityOther   Ethnicity = "97" // 其他
	EthnicityForeign Ethnicity = "98" // 外国血统中国籍人士
)

// Form codes of 民族 on the 2017 form, data-standards §3.1.
const (
	EthnicityFormHan      = "01" // 汉族
	EthnicityFormMinority = "99" // 少数民族
)

// ethnicityOldNames are names legacy systems still use for a renamed group
// (data-standards §3.3): 毛难族 → 毛南族 (36), 崩龙族 → 德昂族 (46).
var ethnicityOldNames = map[string]Ethnicity{
	"毛难族": "36",
	"崩龙族": "46",
	"毛難族": "36",
	"崩龍族": "46",
}

// ethnicityLegacyCodes are renumberings seen in legacy systems (data-standards §3.3):
// 57 and 58 for 其他 and 外国血统.
var ethnicityLegacyCodes = map[string]Ethnicity{
	"57": EthnicityOther,
	"58": EthnicityForeign,
}

// ethnicityCodes is the GB 3304 table, data-standards §3.3.
var ethnicityCodes = newBICodeSet("basic.ethnicity",
	biCode{string(EthnicityHan), "汉族", "漢族", "Han"},
	biCode{"02", "蒙古族", "蒙古族", "Mongol"},
	biCode{"03", "回族", "回族", "Hui"},
	biCode{"04", "藏族", "藏族", "Tibetan"},
	biCode{"05", "维吾尔族", "維吾爾族", "Uyghur"},
	biCode{"06", "苗族", "苗族", "Miao"},
	biCode{"07", "彝族", "彝族", "Yi"},
	biCode{"08", "壮族", "壯族", "Zhuang"},
	biCode{"09", "布依族", "布依族", "Bouyei"},
	biCode{"10", "朝鲜族", "朝鮮族", "Korean"},
	biCode{"11", "满族", "滿族", "Manchu"},
	biCode{"12", "侗族", "侗族", "Dong"},
	biCode{"13", "瑶族", "瑤族", "Yao"},
	biCode{"14", "白族", "白族", "Bai"},
	biCode{"15", "土家族", "土家族", "Tujia"},
	biCode{"16", "哈尼族", "哈尼族", "Hani"},
	biCode{"17", "哈萨克族", "哈薩克族", "Kazakh"},
	biCode{"18", "傣族", "傣族", "Dai"},
	biCode{"19", "黎族", "黎族", "Li"},
	biCode{"20", "傈僳族", "傈僳族", "Lisu"},
	biCode{"21", "佤族", "佤族", "Va"},
	biCode{"22", "畲族", "畲族", "She"},
	biCode{"23", "高山族", "高山族", "Gaoshan"},
	biCode{"24", "拉祜族", "拉祜族", "Lahu"},
	biCode{"25", "水族", "水族", "Sui"},
	biCode{"26", "东乡族", "東鄉族", "Dongxiang"},
	biCode{"27", "纳西族", "納西族", "Naxi"},
	biCode{"28", "景颇族", "景頗族", "Jingpo"},
	biCode{"29", "柯尔克孜族", "柯爾克孜族", "Kirgiz"},
	biCode{"30", "土族", "土族", "Tu"},
	biCode{"31", "达斡尔族", "達斡爾族", "Daur"},
	biCode{"32", "仫佬族", "仫佬族", "Mulao"},
	biCode{"33", "羌族", "羌族", "Qiang"},
	biCode{"34", "布朗族", "布朗族", "Blang"},
	biCode{"35", "撒拉族", "撒拉族", "Salar"},
	biCode{"36", "毛南族", "毛南族", "Maonan"},
	biCode{"37", "仡佬族", "仡佬族", "Gelao"},
	biCode{"38", "锡伯族", "錫伯族", "Xibe"},
	biCode{"39", "阿昌族", "阿昌族", "Achang"},
	biCode{"40", "普米族", "普米族", "Pumi"},
	biCode{"41", "塔吉克族", "塔吉克族", "Tajik"},
	biCode{"42", "怒族", "怒族", "Nu"},
	biCode{"43", "乌孜别克族", "烏孜別克族", "Uzbek"},
	biCode{"44", "俄罗斯族", "俄羅斯族", "Russian"},
	biCode{"45", "鄂温克族", "鄂溫克族", "Evenki"},
	biCode{"46", "德昂族", "德昂族", "De'ang"},
	biCode{"47", "保安族", "保安族", "Bonan"},
	biCode{"48", "裕固族", "裕固族", "Yugur"},
	biCode{"49", "京族", "京族", "Gin"},
	biCode{"50", "塔塔尔族", "塔塔爾族", "Tatar"},
	biCode{"51", "独龙族", "獨龍族", "Derung"},
	biCode{"52", "鄂伦春族", "鄂倫春族", "Oroqen"},
	biCode{"53", "赫哲族", "赫哲族", "Hezhen"},
	biCode{"54", "门巴族", "門巴族", "Monba"},
	biCode{"55", "珞巴族", "珞巴族", "Lhoba"},
	biCode{"56", "基诺族", "基諾族", "Jino"},
	biCode{string(EthnicityOther), "其他", "其他", "other"},
	biCode{string(EthnicityForeign), "外国血统中国籍人士", "外國血統中國籍人士", "Chinese citizen of foreign origin"},
)

// IsValid reports whether e is a GB 3304 code.
func (e Ethnicity) IsValid() bool { return ethnicityCodes.has(string(e)) }

// Label returns the name of e in the language tag.
func (e Ethnicity) Label(tag language.Tag) string { return ethnicityCodes.label(string(e), tag) }

// FormCode returns the box of the 2017 form: "01" for 汉族, "99" 少数民族 for every other
// valid code, "" for an invalid one (data-standards §3.1).
func (e Ethnicity) FormCode() string {
	switch {
	case e == EthnicityHan:
		return EthnicityFormHan
	case e.IsValid():
		return EthnicityFormMinority
	}
	return ""
}

// Ethnicities lists the GB 3304 codes in order.
func Ethnicities() []Ethnicity { return biList[Ethnicity](ethnicityCodes) }

// ParseEthnicity reads an ethnicity as legacy data holds it (data-standards §3.3): the
// two-digit GB 3304 code, the code without its leading zero ("4" for 藏族), the 57/58
// renumbering of 其他/外国血统, or the name in simplified or traditional characters, with
// or without the final 族 ("藏族", "藏"), including the old names 毛难族 and 崩龙族. The
// form's "99" 少数民族 alone does not say which group and is rejected, as is anything
// else not in the table, with ErrUnknownCode.
func ParseEthnicity(s string) (Ethnicity, error) {
	s = gongwei.Normalize(s)
	if s == "" {
		return "", ErrUnknownCode
	}
	c := gongwei.NormalizeCode(s)
	if biDigits(c) {
		if len(c) == 1 {
			c = "0" + c
		}
		if e, ok := ethnicityLegacyCodes[c]; ok {
			return e, nil
		}
		if Ethnicity(c).IsValid() {
			return Ethnicity(c), nil
		}
		return "", ErrUnknownCode
	}
	if e, ok := ethnicityOldNames[s]; ok {
		return e, nil
	}
	name := s
	if !strings.HasSuffix(name, "族") && name != "其他" && name != "外国血统中国籍人士" && name != "外國血統中國籍人士" {
		name += "族"
	}
	if e, ok := ethnicityOldNames[name]; ok {
		return e, nil
	}
	for _, x := range ethnicityCodes.codes {
		if x.zhHans == name || x.zhHant == name {
			return Ethnicity(x.code), nil
		}
	}
	return "", ErrUnknownCode
}

func biDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
