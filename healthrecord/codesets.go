package healthrecord

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// biCode is one entry of a closed code table of the personal basic information form: the
// code as printed on the form and its label in each catalog language.
type biCode struct {
	code, zhHans, zhHant, en string
}

// biCodeSet is a closed code table. Its labels are registered in the catalog under
// "<key>.<code>" by messages.go.
type biCodeSet struct {
	key   string
	codes []biCode
	// digits holds the codes of one or two decimal digits as bits (see digitBit);
	// other holds any other code. has reads them instead of scanning codes: validating a
	// form looks up a code per item.
	digits [2]uint64
	other  map[string]bool
}

// biCodeSets lists every table, for registration and for the catalog test.
var biCodeSets []*biCodeSet

func newBICodeSet(key string, codes ...biCode) *biCodeSet {
	s := &biCodeSet{key: key, codes: codes}
	for _, c := range codes {
		if bit, ok := digitBit(c.code); ok {
			s.digits[bit/64] |= 1 << (bit % 64)
			continue
		}
		if s.other == nil {
			s.other = map[string]bool{}
		}
		s.other[c.code] = true
	}
	biCodeSets = append(biCodeSets, s)
	return s
}

func (s *biCodeSet) has(c string) bool {
	if bit, ok := digitBit(c); ok {
		return s.digits[bit/64]&(1<<(bit%64)) != 0
	}
	return s.other[c]
}

// digitBit numbers the codes of one or two decimal digits: "0"-"9" are 0-9, "00"-"99"
// are 10-109.
func digitBit(c string) (uint, bool) {
	isDigit := func(b byte) bool { return '0' <= b && b <= '9' }
	switch {
	case len(c) == 1 && isDigit(c[0]):
		return uint(c[0] - '0'), true
	case len(c) == 2 && isDigit(c[0]) && isDigit(c[1]):
		return 10 + uint(c[0]-'0')*10 + uint(c[1]-'0'), true
	}
	return 0, false
}

func (s *biCodeSet) label(c string, tag language.Tag) string {
	if !s.has(c) {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(s.key + "." + c)
}

func (s *biCodeSet) messages() []gongwei.Message {
	out := make([]gongwei.Message, len(s.codes))
	for i, c := range s.codes {
		out[i] = gongwei.Message{Key: s.key + "." + c.code, ZhHans: c.zhHans, ZhHant: c.zhHant, En: c.en}
	}
	return out
}

// list returns the codes in form order.
func biList[T ~string](s *biCodeSet) []T {
	out := make([]T, len(s.codes))
	for i, c := range s.codes {
		out[i] = T(c.code)
	}
	return out
}

// biCheckMulti validates a multi-select answer: every code must be in its table (else
// CodeUnknownCode at field[i]), no code may be listed twice (CodeDuplicate), and the
// "none" code cannot be combined with another code (CodeNotAllowed at the none entry).
func biCheckMulti[T ~string](ve *gongwei.ValidationError, field string, xs []T, none T, valid func(T) bool) {
	for i, x := range xs {
		if !valid(x) {
			ve.Add(indexed(field, i, ""), gongwei.CodeUnknownCode)
			continue
		}
		for j := 0; j < i; j++ {
			if xs[j] == x {
				ve.Add(indexed(field, i, ""), gongwei.CodeDuplicate)
				break
			}
		}
		if x == none && len(xs) > 1 {
			ve.Add(indexed(field, i, ""), gongwei.CodeNotAllowed)
		}
	}
}

// indexed returns the path of list item i of field followed by suffix,
// "Illnesses[2].Diagnosed". Validators build it only when they report a problem, so that
// a valid form costs no allocation.
func indexed(field string, i int, suffix string) string {
	return indexPath(field, i) + suffix
}

// blank reports whether s shows nothing: empty, or only white space and invisible
// characters (gongwei.IsBlank), without building a trimmed string.
func blank(s string) bool { return gongwei.IsBlank(s) }

func biContains[T comparable](xs []T, x T) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// ResidenceType is 常住类型 on the personal basic information form (data-standards §3.1):
// registered (户籍) or not (非户籍) in the catchment area.
type ResidenceType string

// Residence types, data-standards §3.1.
const (
	ResidenceRegistered    ResidenceType = "1" // 户籍
	ResidenceNonRegistered ResidenceType = "2" // 非户籍
)

// residenceCodes is the 常住类型 table, data-standards §3.1.
var residenceCodes = newBICodeSet("basic.residence",
	biCode{string(ResidenceRegistered), "户籍", "戶籍", "registered household"},
	biCode{string(ResidenceNonRegistered), "非户籍", "非戶籍", "non-registered"},
)

// IsValid reports whether t is a code of the table.
func (t ResidenceType) IsValid() bool { return residenceCodes.has(string(t)) }

// Label returns the name of t in the language tag.
func (t ResidenceType) Label(tag language.Tag) string { return residenceCodes.label(string(t), tag) }

// ResidenceTypes lists the codes in form order.
func ResidenceTypes() []ResidenceType { return biList[ResidenceType](residenceCodes) }

// PermanentResidenceMonths is the stay that makes a non-registered person a resident of
// the catchment area (常住居民): "居住半年以上", nbphs-spec §0 and §1.1. Half a year is
// taken as 6 completed months, the bound included (以上 includes the number).
const PermanentResidenceMonths = 6

// IsPermanentResident decides 常住居民 (nbphs-spec §0): a registered (户籍) resident
// counts; a non-registered one counts after living in the area at least
// PermanentResidenceMonths completed months. An unknown residence type never counts.
func IsPermanentResident(t ResidenceType, monthsLived int) bool {
	switch t {
	case ResidenceRegistered:
		return true
	case ResidenceNonRegistered:
		return monthsLived >= PermanentResidenceMonths
	}
	return false
}

// ABOBloodType is the ABO blood group (血型) of the form, data-standards §3.1; the codes
// equal WS 364 CV04.50.005 (data-standards §3.4).
type ABOBloodType string

// ABO blood groups.
const (
	BloodA       ABOBloodType = "1" // A型
	BloodB       ABOBloodType = "2" // B型
	BloodO       ABOBloodType = "3" // O型
	BloodAB      ABOBloodType = "4" // AB型
	BloodUnknown ABOBloodType = "5" // 不详
)

// aboCodes is the ABO table, data-standards §3.1 / WS 364 CV04.50.005.
var aboCodes = newBICodeSet("basic.abo",
	biCode{string(BloodA), "A型", "A型", "type A"},
	biCode{string(BloodB), "B型", "B型", "type B"},
	biCode{string(BloodO), "O型", "O型", "type O"},
	biCode{string(BloodAB), "AB型", "AB型", "type AB"},
	biCode{string(BloodUnknown), "不详", "不詳", "unknown"},
)

// IsValid reports whether t is a code of the table.
func (t ABOBloodType) IsValid() bool { return aboCodes.has(string(t)) }

// Label returns the name of t in the language tag.
func (t ABOBloodType) Label(tag language.Tag) string { return aboCodes.label(string(t), tag) }

// ABOBloodTypes lists the codes in form order.
func ABOBloodTypes() []ABOBloodType { return biList[ABOBloodType](aboCodes) }

// RhBloodType is the Rh(D) blood group of the 2017 form: 1 阴性, 2 阳性, 3 不详
// (data-standards §3.1; WS 364 CV04.50.020, §3.4). Data of the 2011 edition, which asked
// "RH阴性: 1否 2是 3不详", must be read with DecodeRh2011.
type RhBloodType string

// Rh blood groups (2017 codes).
const (
	RhNegative RhBloodType = "1" // 阴性
	RhPositive RhBloodType = "2" // 阳性
	RhUnknown  RhBloodType = "3" // 不详
)

// rhCodes is the 2017 Rh table, data-standards §3.1.
var rhCodes = newBICodeSet("basic.rh",
	biCode{string(RhNegative), "阴性", "陰性", "Rh negative"},
	biCode{string(RhPositive), "阳性", "陽性", "Rh positive"},
	biCode{string(RhUnknown), "不详", "不詳", "unknown"},
)

// IsValid reports whether t is a code of the table.
func (t RhBloodType) IsValid() bool { return rhCodes.has(string(t)) }

// Label returns the name of t in the language tag.
func (t RhBloodType) Label(tag language.Tag) string { return rhCodes.label(string(t), tag) }

// RhBloodTypes lists the codes in form order.
func RhBloodTypes() []RhBloodType { return biList[RhBloodType](rhCodes) }

// rh2011 maps the 2011 edition's answer to "RH阴性?" (1否 2是 3不详) to the 2017 code:
// "no, not negative" is positive and "yes" is negative (data-standards §3.1, §7.3).
var rh2011 = map[string]RhBloodType{
	"1": RhPositive, // 否: not Rh negative
	"2": RhNegative, // 是: Rh negative
	"3": RhUnknown,  // 不详
}

// DecodeRh2011 converts an answer of the 2011 form's "RH阴性: 1否 2是 3不详" to the 2017
// code. The meanings of 1 and 2 are inverted between the editions (data-standards §3.1),
// so 2011's "1" (否) becomes RhPositive and "2" (是) becomes RhNegative. Any other code
// fails with an error wrapping gongwei.ErrInvalid.
func DecodeRh2011(code string) (RhBloodType, error) {
	if t, ok := rh2011[gongwei.NormalizeCode(code)]; ok {
		return t, nil
	}
	return "", ErrUnknownCode
}

// ErrUnknownCode is returned by the decoders of form codes (DecodeRh2011,
// MaritalStatusFromGB, ParseEthnicity, ParseRelation) for a code not in their table. It
// wraps gongwei.ErrInvalid and never repeats the input.
var ErrUnknownCode = fmt.Errorf("%w: code not in its code set", gongwei.ErrInvalid)

// Education is 文化程度 of the 2017 form, data-standards §3.1. The order follows
// GB/T 4658 学历代码; the 2-digit GB/T 4658 codes are UNCONFIRMED in reference and not
// mapped.
type Education string

// Education levels.
const (
	EducationPostgraduate    Education = "1"  // 研究生
	EducationBachelor        Education = "2"  // 大学本科
	EducationJuniorCollege   Education = "3"  // 大学专科和专科学校
	EducationSecondarySchool Education = "4"  // 中等专业学校
	EducationTechnicalSchool Education = "5"  // 技工学校
	EducationSeniorHigh      Education = "6"  // 高中
	EducationJuniorHigh      Education = "7"  // 初中
	EducationPrimary         Education = "8"  // 小学
	EducationIlliterate      Education = "9"  // 文盲或半文盲
	EducationUnknown         Education = "10" // 不详
)

// educationCodes is the 文化程度 table, data-standards §3.1.
var educationCodes = newBICodeSet("basic.education",
	biCode{string(EducationPostgraduate), "研究生", "研究生", "postgraduate"},
	biCode{string(EducationBachelor), "大学本科", "大學本科", "bachelor's degree"},
	biCode{string(EducationJuniorCollege), "大学专科和专科学校", "大學專科和專科學校", "junior college"},
	biCode{string(EducationSecondarySchool), "中等专业学校", "中等專業學校", "secondary specialised school"},
	biCode{string(EducationTechnicalSchool), "技工学校", "技工學校", "technical school"},
	biCode{string(EducationSeniorHigh), "高中", "高中", "senior high school"},
	biCode{string(EducationJuniorHigh), "初中", "初中", "junior high school"},
	biCode{string(EducationPrimary), "小学", "小學", "primary school"},
	biCode{string(EducationIlliterate), "文盲或半文盲", "文盲或半文盲", "illiterate or semi-literate"},
	biCode{string(EducationUnknown), "不详", "不詳", "unknown"},
)

// IsValid reports whether e is a code of the table.
func (e Education) IsValid() bool { return educationCodes.has(string(e)) }

// Label returns the name of e in the language tag.
func (e Education) Label(tag language.Tag) string { return educationCodes.label(string(e), tag) }

// Educations lists the codes in form order.
func Educations() []Education { return biList[Education](educationCodes) }

// Occupation is 职业 of the 2017 form: the GB/T 6565 major groups renumbered 0-8 for the
// form (data-standards §3.1). GB/T 6565's own major-group codes are UNCONFIRMED in
// reference and not mapped. The code "0" is a real occupation, so the zero value ""
// means "not recorded".
type Occupation string

// Occupations.
const (
	OccupationLeader       Occupation = "0" // 国家机关、党群组织、企业、事业单位负责人
	OccupationProfessional Occupation = "1" // 专业技术人员
	OccupationClerical     Occupation = "2" // 办事人员和有关人员
	OccupationService      Occupation = "3" // 商业、服务业人员
	OccupationAgriculture  Occupation = "4" // 农、林、牧、渔、水利业生产人员
	OccupationProduction   Occupation = "5" // 生产、运输设备操作人员及有关人员
	OccupationMilitary     Occupation = "6" // 军人
	OccupationOther        Occupation = "7" // 不便分类的其他从业人员
	OccupationNone         Occupation = "8" // 无职业
)

// occupationCodes is the 职业 table, data-standards §3.1.
var occupationCodes = newBICodeSet("basic.occupation",
	biCode{string(OccupationLeader), "国家机关、党群组织、企业、事业单位负责人", "國家機關、黨群組織、企業、事業單位負責人", "head of a state organ, party or mass organisation, enterprise or institution"},
	biCode{string(OccupationProfessional), "专业技术人员", "專業技術人員", "professional or technical worker"},
	biCode{string(OccupationClerical), "办事人员和有关人员", "辦事人員和有關人員", "clerical worker"},
	biCode{string(OccupationService), "商业、服务业人员", "商業、服務業人員", "commerce or service worker"},
	biCode{string(OccupationAgriculture), "农、林、牧、渔、水利业生产人员", "農、林、牧、漁、水利業生產人員", "agriculture, forestry, animal husbandry, fishery or water conservancy worker"},
	biCode{string(OccupationProduction), "生产、运输设备操作人员及有关人员", "生產、運輸設備操作人員及有關人員", "production or transport equipment operator"},
	biCode{string(OccupationMilitary), "军人", "軍人", "armed forces"},
	biCode{string(OccupationOther), "不便分类的其他从业人员", "不便分類的其他從業人員", "other worker not elsewhere classified"},
	biCode{string(OccupationNone), "无职业", "無職業", "no occupation"},
)

// IsValid reports whether o is a code of the table.
func (o Occupation) IsValid() bool { return occupationCodes.has(string(o)) }

// Label returns the name of o in the language tag.
func (o Occupation) Label(tag language.Tag) string { return occupationCodes.label(string(o), tag) }

// Occupations lists the codes in form order.
func Occupations() []Occupation { return biList[Occupation](occupationCodes) }

// MaritalStatus is 婚姻状况 of the 2017 form, data-standards §3.1, with the mapping to
// GB/T 2261.2 of §3.2.
type MaritalStatus string

// Marital statuses (form codes).
const (
	MaritalNeverMarried MaritalStatus = "1" // 未婚
	MaritalMarried      MaritalStatus = "2" // 已婚
	MaritalWidowed      MaritalStatus = "3" // 丧偶
	MaritalDivorced     MaritalStatus = "4" // 离婚
	MaritalNotStated    MaritalStatus = "5" // 未说明的婚姻状况
)

// maritalCodes is the 婚姻状况 table, data-standards §3.1.
var maritalCodes = newBICodeSet("basic.marital",
	biCode{string(MaritalNeverMarried), "未婚", "未婚", "never married"},
	biCode{string(MaritalMarried), "已婚", "已婚", "married"},
	biCode{string(MaritalWidowed), "丧偶", "喪偶", "widowed"},
	biCode{string(MaritalDivorced), "离婚", "離婚", "divorced"},
	biCode{string(MaritalNotStated), "未说明的婚姻状况", "未說明的婚姻狀況", "not stated"},
)

// maritalToGB is the form → GB/T 2261.2 mapping, data-standards §3.2.
var maritalToGB = map[MaritalStatus]string{
	MaritalNeverMarried: "10",
	MaritalMarried:      "20",
	MaritalWidowed:      "30",
	MaritalDivorced:     "40",
	MaritalNotStated:    "90",
}

// maritalFromGB is the GB/T 2261.2 → form mapping, data-standards §3.2: 21 初婚, 22 再婚
// and 23 复婚 all become 2 已婚.
var maritalFromGB = map[string]MaritalStatus{
	"10": MaritalNeverMarried,
	"20": MaritalMarried,
	"21": MaritalMarried,
	"22": MaritalMarried,
	"23": MaritalMarried,
	"30": MaritalWidowed,
	"40": MaritalDivorced,
	"90": MaritalNotStated,
}

// IsValid reports whether m is a code of the table.
func (m MaritalStatus) IsValid() bool { return maritalCodes.has(string(m)) }

// Label returns the name of m in the language tag.
func (m MaritalStatus) Label(tag language.Tag) string { return maritalCodes.label(string(m), tag) }

// GBCode returns the GB/T 2261.2 code of m ("10", "20", "30", "40", "90"), or "" when m
// is not valid (data-standards §3.2).
func (m MaritalStatus) GBCode() string { return maritalToGB[m] }

// MaritalStatusFromGB converts a GB/T 2261.2 code to the form code (data-standards §3.2).
func MaritalStatusFromGB(code string) (MaritalStatus, error) {
	if m, ok := maritalFromGB[gongwei.NormalizeCode(code)]; ok {
		return m, nil
	}
	return "", ErrUnknownCode
}

// MaritalStatuses lists the codes in form order.
func MaritalStatuses() []MaritalStatus { return biList[MaritalStatus](maritalCodes) }

// PaymentMethod is one answer of 医疗费用支付方式 (multi-select), data-standards §3.1.
type PaymentMethod string

// Payment methods.
const (
	PaymentUrbanEmployee PaymentMethod = "1" // 城镇职工基本医疗保险
	PaymentUrbanResident PaymentMethod = "2" // 城镇居民基本医疗保险
	PaymentNewRuralCoop  PaymentMethod = "3" // 新型农村合作医疗
	PaymentPovertyRelief PaymentMethod = "4" // 贫困救助
	PaymentCommercial    PaymentMethod = "5" // 商业医疗保险
	PaymentFullyPublic   PaymentMethod = "6" // 全公费
	PaymentFullySelf     PaymentMethod = "7" // 全自费
	PaymentOther         PaymentMethod = "8" // 其他
)

// paymentCodes is the 医疗费用支付方式 table, data-standards §3.1.
var paymentCodes = newBICodeSet("basic.payment",
	biCode{string(PaymentUrbanEmployee), "城镇职工基本医疗保险", "城鎮職工基本醫療保險", "urban employee basic medical insurance"},
	biCode{string(PaymentUrbanResident), "城镇居民基本医疗保险", "城鎮居民基本醫療保險", "urban resident basic medical insurance"},
	biCode{string(PaymentNewRuralCoop), "新型农村合作医疗", "新型農村合作醫療", "new rural cooperative medical scheme"},
	biCode{string(PaymentPovertyRelief), "贫困救助", "貧困救助", "poverty relief"},
	biCode{string(PaymentCommercial), "商业医疗保险", "商業醫療保險", "commercial medical insurance"},
	biCode{string(PaymentFullyPublic), "全公费", "全公費", "fully publicly funded"},
	biCode{string(PaymentFullySelf), "全自费", "全自費", "fully self-paid"},
	biCode{string(PaymentOther), "其他", "其他", "other"},
)

// IsValid reports whether p is a code of the table.
func (p PaymentMethod) IsValid() bool { return paymentCodes.has(string(p)) }

// Label returns the name of p in the language tag.
func (p PaymentMethod) Label(tag language.Tag) string { return paymentCodes.label(string(p), tag) }

// PaymentMethods lists the codes in form order.
func PaymentMethods() []PaymentMethod { return biList[PaymentMethod](paymentCodes) }

// DrugAllergy is one answer of 药物过敏史 (multi-select; 其他 is named), data-standards
// §3.1.
type DrugAllergy string

// Drug allergies.
const (
	AllergyNone         DrugAllergy = "1" // 无
	AllergyPenicillin   DrugAllergy = "2" // 青霉素
	AllergySulfonamide  DrugAllergy = "3" // 磺胺
	AllergyStreptomycin DrugAllergy = "4" // 链霉素
	AllergyOther        DrugAllergy = "5" // 其他
)

// allergyCodes is the 药物过敏史 table, data-standards §3.1.
var allergyCodes = newBICodeSet("basic.allergy",
	biCode{string(AllergyNone), "无", "無", "none"},
	biCode{string(AllergyPenicillin), "青霉素", "青黴素", "penicillin"},
	biCode{string(AllergySulfonamide), "磺胺", "磺胺", "sulfonamides"},
	biCode{string(AllergyStreptomycin), "链霉素", "鏈黴素", "streptomycin"},
	biCode{string(AllergyOther), "其他", "其他", "other"},
)

// IsValid reports whether a is a code of the table.
func (a DrugAllergy) IsValid() bool { return allergyCodes.has(string(a)) }

// Label returns the name of a in the language tag.
func (a DrugAllergy) Label(tag language.Tag) string { return allergyCodes.label(string(a), tag) }

// DrugAllergies lists the codes in form order.
func DrugAllergies() []DrugAllergy { return biList[DrugAllergy](allergyCodes) }

// Exposure is one answer of 暴露史 (multi-select), data-standards §3.1.
type Exposure string

// Exposures.
const (
	ExposureNone      Exposure = "1" // 无
	ExposureChemicals Exposure = "2" // 化学品
	ExposurePoisons   Exposure = "3" // 毒物
	ExposureRadiation Exposure = "4" // 射线
)

// exposureCodes is the 暴露史 table, data-standards §3.1.
var exposureCodes = newBICodeSet("basic.exposure",
	biCode{string(ExposureNone), "无", "無", "none"},
	biCode{string(ExposureChemicals), "化学品", "化學品", "chemicals"},
	biCode{string(ExposurePoisons), "毒物", "毒物", "poisons"},
	biCode{string(ExposureRadiation), "射线", "射線", "radiation"},
)

// IsValid reports whether e is a code of the table.
func (e Exposure) IsValid() bool { return exposureCodes.has(string(e)) }

// Label returns the name of e in the language tag.
func (e Exposure) Label(tag language.Tag) string { return exposureCodes.label(string(e), tag) }

// Exposures lists the codes in form order.
func Exposures() []Exposure { return biList[Exposure](exposureCodes) }

// Disease is a disease of 既往史·疾病 (past illness), data-standards §3.1. The 2011
// edition called code 8 重性精神疾病; the meaning is the same.
type Disease string

// Past-illness diseases.
const (
	DiseaseNone         Disease = "1"  // 无
	DiseaseHypertension Disease = "2"  // 高血压
	DiseaseDiabetes     Disease = "3"  // 糖尿病
	DiseaseCoronary     Disease = "4"  // 冠心病
	DiseaseCOPD         Disease = "5"  // 慢性阻塞性肺疾病
	DiseaseCancer       Disease = "6"  // 恶性肿瘤 (site named)
	DiseaseStroke       Disease = "7"  // 脑卒中
	DiseaseSevereMental Disease = "8"  // 严重精神障碍
	DiseaseTuberculosis Disease = "9"  // 结核病
	DiseaseHepatitis    Disease = "10" // 肝炎
	DiseaseInfectious   Disease = "11" // 其他法定传染病
	DiseaseOccupational Disease = "12" // 职业病 (named)
	DiseaseOther        Disease = "13" // 其他 (named)
)

// diseaseCodes is the 既往史·疾病 table, data-standards §3.1.
var diseaseCodes = newBICodeSet("basic.disease",
	biCode{string(DiseaseNone), "无", "無", "none"},
	biCode{string(DiseaseHypertension), "高血压", "高血壓", "hypertension"},
	biCode{string(DiseaseDiabetes), "糖尿病", "糖尿病", "diabetes"},
	biCode{string(DiseaseCoronary), "冠心病", "冠心病", "coronary heart disease"},
	biCode{string(DiseaseCOPD), "慢性阻塞性肺疾病", "慢性阻塞性肺疾病", "chronic obstructive pulmonary disease"},
	biCode{string(DiseaseCancer), "恶性肿瘤", "惡性腫瘤", "malignant tumour"},
	biCode{string(DiseaseStroke), "脑卒中", "腦卒中", "stroke"},
	biCode{string(DiseaseSevereMental), "严重精神障碍", "嚴重精神障礙", "severe mental disorder"},
	biCode{string(DiseaseTuberculosis), "结核病", "結核病", "tuberculosis"},
	biCode{string(DiseaseHepatitis), "肝炎", "肝炎", "hepatitis"},
	biCode{string(DiseaseInfectious), "其他法定传染病", "其他法定傳染病", "other notifiable infectious disease"},
	biCode{string(DiseaseOccupational), "职业病", "職業病", "occupational disease"},
	biCode{string(DiseaseOther), "其他", "其他", "other"},
)

// IsValid reports whether d is a code of the table.
func (d Disease) IsValid() bool { return diseaseCodes.has(string(d)) }

// Label returns the name of d in the language tag.
func (d Disease) Label(tag language.Tag) string { return diseaseCodes.label(string(d), tag) }

// NeedsDetail reports whether the form asks for a name with d: the site of a malignant
// tumour, the name of an occupational disease or of another disease (data-standards §3.1).
func (d Disease) NeedsDetail() bool {
	return d == DiseaseCancer || d == DiseaseOccupational || d == DiseaseOther
}

// Diseases lists the codes in form order.
func Diseases() []Disease { return biList[Disease](diseaseCodes) }

// FamilyDisease is a disease of 家族史 (family history), one list per relative,
// data-standards §3.1. It differs from Disease from code 11 on.
type FamilyDisease string

// Family-history diseases.
const (
	FamilyNone         FamilyDisease = "1"  // 无
	FamilyHypertension FamilyDisease = "2"  // 高血压
	FamilyDiabetes     FamilyDisease = "3"  // 糖尿病
	FamilyCoronary     FamilyDisease = "4"  // 冠心病
	FamilyCOPD         FamilyDisease = "5"  // 慢性阻塞性肺疾病
	FamilyCancer       FamilyDisease = "6"  // 恶性肿瘤
	FamilyStroke       FamilyDisease = "7"  // 脑卒中
	FamilySevereMental FamilyDisease = "8"  // 严重精神障碍
	FamilyTuberculosis FamilyDisease = "9"  // 结核病
	FamilyHepatitis    FamilyDisease = "10" // 肝炎
	FamilyCongenital   FamilyDisease = "11" // 先天畸形
	FamilyOther        FamilyDisease = "12" // 其他
)

// familyCodes is the 家族史 table, data-standards §3.1.
var familyCodes = newBICodeSet("basic.family",
	biCode{string(FamilyNone), "无", "無", "none"},
	biCode{string(FamilyHypertension), "高血压", "高血壓", "hypertension"},
	biCode{string(FamilyDiabetes), "糖尿病", "糖尿病", "diabetes"},
	biCode{string(FamilyCoronary), "冠心病", "冠心病", "coronary heart disease"},
	biCode{string(FamilyCOPD), "慢性阻塞性肺疾病", "慢性阻塞性肺疾病", "chronic obstructive pulmonary disease"},
	biCode{string(FamilyCancer), "恶性肿瘤", "惡性腫瘤", "malignant tumour"},
	biCode{string(FamilyStroke), "脑卒中", "腦卒中", "stroke"},
	biCode{string(FamilySevereMental), "严重精神障碍", "嚴重精神障礙", "severe mental disorder"},
	biCode{string(FamilyTuberculosis), "结核病", "結核病", "tuberculosis"},
	biCode{string(FamilyHepatitis), "肝炎", "肝炎", "hepatitis"},
	biCode{string(FamilyCongenital), "先天畸形", "先天畸形", "congenital malformation"},
	biCode{string(FamilyOther), "其他", "其他", "other"},
)

// IsValid reports whether d is a code of the table.
func (d FamilyDisease) IsValid() bool { return familyCodes.has(string(d)) }

// Label returns the name of d in the language tag.
func (d FamilyDisease) Label(tag language.Tag) string { return familyCodes.label(string(d), tag) }

// FamilyDiseases lists the codes in form order.
func FamilyDiseases() []FamilyDisease { return biList[FamilyDisease](familyCodes) }

// HistoryFlag is the 1 无 / 2 有 answer of 手术, 外伤, 输血 and 遗传病史,
// data-standards §3.1.
type HistoryFlag string

// History flags.
const (
	HistoryNone    HistoryFlag = "1" // 无
	HistoryPresent HistoryFlag = "2" // 有
)

// flagCodes is the 无/有 table, data-standards §3.1.
var flagCodes = newBICodeSet("basic.flag",
	biCode{string(HistoryNone), "无", "無", "no"},
	biCode{string(HistoryPresent), "有", "有", "yes"},
)

// IsValid reports whether f is a code of the table.
func (f HistoryFlag) IsValid() bool { return flagCodes.has(string(f)) }

// Label returns the name of f in the language tag.
func (f HistoryFlag) Label(tag language.Tag) string { return flagCodes.label(string(f), tag) }

// Disability is one answer of 残疾情况 (multi-select), data-standards §3.1. Code 4 is
// labelled 言语残疾, the official category name; the source system writes 语言残疾 and which
// the form prints is UNCONFIRMED in reference.
type Disability string

// Disabilities.
const (
	DisabilityNone         Disability = "1" // 无残疾
	DisabilityVisual       Disability = "2" // 视力残疾
	DisabilityHearing      Disability = "3" // 听力残疾
	DisabilitySpeech       Disability = "4" // 言语残疾
	DisabilityPhysical     Disability = "5" // 肢体残疾
	DisabilityIntellectual Disability = "6" // 智力残疾
	DisabilityMental       Disability = "7" // 精神残疾
	DisabilityOther        Disability = "8" // 其他残疾 (named)
)

// disabilityCodes is the 残疾情况 table, data-standards §3.1.
var disabilityCodes = newBICodeSet("basic.disability",
	biCode{string(DisabilityNone), "无残疾", "無殘疾", "no disability"},
	biCode{string(DisabilityVisual), "视力残疾", "視力殘疾", "visual disability"},
	biCode{string(DisabilityHearing), "听力残疾", "聽力殘疾", "hearing disability"},
	biCode{string(DisabilitySpeech), "言语残疾", "言語殘疾", "speech disability"},
	biCode{string(DisabilityPhysical), "肢体残疾", "肢體殘疾", "physical disability"},
	biCode{string(DisabilityIntellectual), "智力残疾", "智力殘疾", "intellectual disability"},
	biCode{string(DisabilityMental), "精神残疾", "精神殘疾", "mental disability"},
	biCode{string(DisabilityOther), "其他残疾", "其他殘疾", "other disability"},
)

// IsValid reports whether d is a code of the table.
func (d Disability) IsValid() bool { return disabilityCodes.has(string(d)) }

// Label returns the name of d in the language tag.
func (d Disability) Label(tag language.Tag) string { return disabilityCodes.label(string(d), tag) }

// Disabilities lists the codes in form order.
func Disabilities() []Disability { return biList[Disability](disabilityCodes) }

// KitchenVentilation is 厨房排风设施, data-standards §3.1.
type KitchenVentilation string

// Kitchen ventilation.
const (
	KitchenNone       KitchenVentilation = "1" // 无
	KitchenRangeHood  KitchenVentilation = "2" // 油烟机
	KitchenExhaustFan KitchenVentilation = "3" // 换气扇
	KitchenChimney    KitchenVentilation = "4" // 烟囱
)

// kitchenCodes is the 厨房排风设施 table, data-standards §3.1.
var kitchenCodes = newBICodeSet("basic.kitchen",
	biCode{string(KitchenNone), "无", "無", "none"},
	biCode{string(KitchenRangeHood), "油烟机", "油煙機", "range hood"},
	biCode{string(KitchenExhaustFan), "换气扇", "換氣扇", "exhaust fan"},
	biCode{string(KitchenChimney), "烟囱", "煙囪", "chimney"},
)

// IsValid reports whether k is a code of the table.
func (k KitchenVentilation) IsValid() bool { return kitchenCodes.has(string(k)) }

// Label returns the name of k in the language tag.
func (k KitchenVentilation) Label(tag language.Tag) string { return kitchenCodes.label(string(k), tag) }

// Fuel is 燃料类型, data-standards §3.1.
type Fuel string

// Fuels.
const (
	FuelLPG        Fuel = "1" // 液化气
	FuelCoal       Fuel = "2" // 煤
	FuelNaturalGas Fuel = "3" // 天然气
	FuelBiogas     Fuel = "4" // 沼气
	FuelFirewood   Fuel = "5" // 柴火
	FuelOther      Fuel = "6" // 其他
)

// fuelCodes is the 燃料类型 table, data-standards §3.1.
var fuelCodes = newBICodeSet("basic.fuel",
	biCode{string(FuelLPG), "液化气", "液化氣", "liquefied petroleum gas"},
	biCode{string(FuelCoal), "煤", "煤", "coal"},
	biCode{string(FuelNaturalGas), "天然气", "天然氣", "natural gas"},
	biCode{string(FuelBiogas), "沼气", "沼氣", "biogas"},
	biCode{string(FuelFirewood), "柴火", "柴火", "firewood"},
	biCode{string(FuelOther), "其他", "其他", "other"},
)

// IsValid reports whether f is a code of the table.
func (f Fuel) IsValid() bool { return fuelCodes.has(string(f)) }

// Label returns the name of f in the language tag.
func (f Fuel) Label(tag language.Tag) string { return fuelCodes.label(string(f), tag) }

// DrinkingWater is 饮水, data-standards §3.1. The numbering comes from a public SQL dump
// and is UNCONFIRMED in reference; implemented as given.
type DrinkingWater string

// Drinking-water sources.
const (
	WaterTap      DrinkingWater = "1" // 自来水
	WaterPurified DrinkingWater = "2" // 经净化过滤的水
	WaterWell     DrinkingWater = "3" // 井水
	WaterRiver    DrinkingWater = "4" // 河湖水
	WaterPond     DrinkingWater = "5" // 塘水
	WaterOther    DrinkingWater = "6" // 其他
)

// waterCodes is the 饮水 table, data-standards §3.1 (numbering UNCONFIRMED).
var waterCodes = newBICodeSet("basic.water",
	biCode{string(WaterTap), "自来水", "自來水", "tap water"},
	biCode{string(WaterPurified), "经净化过滤的水", "經淨化過濾的水", "purified or filtered water"},
	biCode{string(WaterWell), "井水", "井水", "well water"},
	biCode{string(WaterRiver), "河湖水", "河湖水", "river or lake water"},
	biCode{string(WaterPond), "塘水", "塘水", "pond water"},
	biCode{string(WaterOther), "其他", "其他", "other"},
)

// IsValid reports whether w is a code of the table.
func (w DrinkingWater) IsValid() bool { return waterCodes.has(string(w)) }

// Label returns the name of w in the language tag.
func (w DrinkingWater) Label(tag language.Tag) string { return waterCodes.label(string(w), tag) }

// Toilet is 厕所, data-standards §3.1.
type Toilet string

// Toilets.
const (
	ToiletSanitary Toilet = "1" // 卫生厕所
	ToiletCesspit  Toilet = "2" // 一格或二格粪池式
	ToiletCommode  Toilet = "3" // 马桶
	ToiletOpenPit  Toilet = "4" // 露天粪坑
	ToiletShed     Toilet = "5" // 简易棚厕
)

// toiletCodes is the 厕所 table, data-standards §3.1.
var toiletCodes = newBICodeSet("basic.toilet",
	biCode{string(ToiletSanitary), "卫生厕所", "衛生廁所", "sanitary toilet"},
	biCode{string(ToiletCesspit), "一格或二格粪池式", "一格或二格糞池式", "one- or two-compartment cesspit"},
	biCode{string(ToiletCommode), "马桶", "馬桶", "commode"},
	biCode{string(ToiletOpenPit), "露天粪坑", "露天糞坑", "open pit"},
	biCode{string(ToiletShed), "简易棚厕", "簡易棚廁", "simple shed latrine"},
)

// IsValid reports whether t is a code of the table.
func (t Toilet) IsValid() bool { return toiletCodes.has(string(t)) }

// Label returns the name of t in the language tag.
func (t Toilet) Label(tag language.Tag) string { return toiletCodes.label(string(t), tag) }

// LivestockPen is 禽畜栏, data-standards §3.1.
type LivestockPen string

// Livestock pens.
const (
	LivestockNone     LivestockPen = "1" // 无
	LivestockSeparate LivestockPen = "2" // 单设
	LivestockIndoor   LivestockPen = "3" // 室内
	LivestockOutdoor  LivestockPen = "4" // 室外
)

// livestockCodes is the 禽畜栏 table, data-standards §3.1.
var livestockCodes = newBICodeSet("basic.livestock",
	biCode{string(LivestockNone), "无", "無", "none"},
	biCode{string(LivestockSeparate), "单设", "單設", "separate pen"},
	biCode{string(LivestockIndoor), "室内", "室內", "indoors"},
	biCode{string(LivestockOutdoor), "室外", "室外", "outdoors"},
)

// IsValid reports whether l is a code of the table.
func (l LivestockPen) IsValid() bool { return livestockCodes.has(string(l)) }

// Label returns the name of l in the language tag.
func (l LivestockPen) Label(tag language.Tag) string { return livestockCodes.label(string(l), tag) }
