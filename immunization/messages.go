package immunization

import (
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// init registers this package's validation codes and the labels of vaccines
// ("immunization.vaccine.<id>"), statuses ("immunization.status.<id>") and reasons
// ("immunization.reason.<id>").
func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeVillage), ZhHans: "村（居）委会编码应为12位区划代码", ZhHant: "村（居）委會編碼應為12位區劃代碼", En: "village must be a 12-digit division code"},
		gongwei.Message{Key: string(CodeVaccine), ZhHans: "疫苗不在免疫规划疫苗表中", ZhHant: "疫苗不在免疫規劃疫苗表中", En: "is not a vaccine of the schedule"},
	)
	for v := HepB; v < numVaccines; v++ {
		i := vaccines[v]
		gongwei.RegisterMessages(gongwei.Message{Key: "immunization.vaccine." + i.id, ZhHans: i.zh, ZhHant: i.zht, En: i.en})
	}
	st := [numStatuses][3]string{
		StatusNotDue:          {"未到接种时间", "未到接種時間", "not yet due"},
		StatusDue:             {"应种", "應種", "due"},
		StatusOverdue:         {"逾期未种", "逾期未種", "overdue"},
		StatusCatchUp:         {"需补种", "需補種", "catch-up"},
		StatusComplete:        {"已完成全程", "已完成全程", "complete"},
		StatusNotIndicated:    {"无需接种", "無需接種", "no longer indicated"},
		StatusContraindicated: {"禁忌或暂缓", "禁忌或暫緩", "contraindicated or deferred"},
	}
	for s := StatusNotDue; s < numStatuses; s++ {
		gongwei.RegisterMessages(gongwei.Message{Key: "immunization.status." + s.String(), ZhHans: st[s][0], ZhHant: st[s][1], En: st[s][2]})
	}
	rs := [numReasons][3]string{
		Valid:                 {"有效", "有效", "valid"},
		ReasonNoDate:          {"接种日期缺失或早于出生日期", "接種日期缺失或早於出生日期", "no date, or before birth"},
		ReasonUnknownVaccine:  {"疫苗不在免疫规划疫苗表中", "疫苗不在免疫規劃疫苗表中", "unknown vaccine"},
		ReasonNotVaccine:      {"免疫球蛋白，不计剂次", "免疫球蛋白，不計劑次", "immunoglobulin, not a dose"},
		ReasonTooEarly:        {"早于最小接种月龄", "早於最小接種月齡", "below the minimum age"},
		ReasonInterval:        {"与前一剂次间隔不足", "與前一劑次間隔不足", "interval from the previous dose too short"},
		ReasonLiveInterval:    {"与其他注射类减毒活疫苗间隔不足28天", "與其他注射類減毒活疫苗間隔不足28天", "within 28 days of another injectable live vaccine"},
		ReasonImmunoglobulin:  {"注射免疫球蛋白后间隔不足", "注射免疫球蛋白後間隔不足", "too soon after immunoglobulin"},
		ReasonTooOld:          {"超过接种或补种年龄", "超過接種或補種年齡", "beyond the age limit"},
		ReasonExtra:           {"该疫苗已完成全程", "該疫苗已完成全程", "series already complete"},
		ReasonProduct:         {"该年龄或程序不使用此疫苗", "該年齡或程序不使用此疫苗", "not the product for this dose"},
		ReasonContraindicated: {"存在禁忌或需暂缓", "存在禁忌或需暫緩", "contraindicated or deferred"},
		ReasonNotProgramme:    {"非免疫规划疫苗，不计入免疫规划剂次", "非免疫規劃疫苗，不計入免疫規劃劑次", "non-programme vaccine, not a programme dose"},
		ReasonOutbreak:        {"应急接种剂次，不计入常规免疫剂次", "應急接種劑次，不計入常規免疫劑次", "outbreak dose, not a routine dose"},
	}
	for r := Valid; r < numReasons; r++ {
		gongwei.RegisterMessages(gongwei.Message{Key: "immunization.reason." + r.String(), ZhHans: rs[r][0], ZhHant: rs[r][1], En: rs[r][2]})
	}
}

// Label returns the vaccine's name in the language tag (zh-Hans by default).
func (v Vaccine) Label(tag language.Tag) string {
	if !v.IsValid() {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf("immunization.vaccine." + vaccines[v].id)
}

// Label returns the status's name in the language tag.
func (s Status) Label(tag language.Tag) string {
	if s.String() == "" {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf("immunization.status." + s.String())
}

// Label returns the reason's description in the language tag.
func (r Reason) Label(tag language.Tag) string {
	if r.String() == "" {
		return ""
	}
	return gongwei.NewPrinter(tag).Sprintf("immunization.reason." + r.String())
}

// milestoneNames are the names of the rows of Milestones as the clinic and the work
// summaries say them (the vaccine and the dose: 乙肝疫苗第3剂), in zh-Hans, zh-Hant and
// en, registered as "immunization.milestone.<Name>". Polio counts IPV and bOPV doses
// together (脊灰疫苗), MMR1 and MMR2 every measles-containing vaccine (含麻疹成分疫苗),
// JE1 and JE2 the live and the inactivated series (乙脑疫苗), HepA1 both hepatitis A
// vaccines (甲肝疫苗), as the rows of Milestones do.
var milestoneNames = map[string][3]string{
	"HepB1":   {"乙肝疫苗第1剂", "乙肝疫苗第1劑", "HepB dose 1"},
	"BCG":     {"卡介苗", "卡介苗", "BCG"},
	"HepB3":   {"乙肝疫苗第3剂", "乙肝疫苗第3劑", "HepB dose 3"},
	"Polio3":  {"脊灰疫苗第3剂", "脊灰疫苗第3劑", "polio dose 3"},
	"DTaP3":   {"百白破疫苗第3剂", "百白破疫苗第3劑", "DTaP dose 3"},
	"MMR1":    {"含麻疹成分疫苗第1剂", "含麻疹成分疫苗第1劑", "measles-containing vaccine dose 1"},
	"JE1":     {"乙脑疫苗第1剂", "乙腦疫苗第1劑", "JE dose 1"},
	"MPSVA2":  {"A群流脑多糖疫苗第2剂", "A群流腦多糖疫苗第2劑", "MPSV-A dose 2"},
	"MMR2":    {"含麻疹成分疫苗第2剂", "含麻疹成分疫苗第2劑", "measles-containing vaccine dose 2"},
	"HepA1":   {"甲肝疫苗第1剂", "甲肝疫苗第1劑", "HepA dose 1"},
	"DTaP4":   {"百白破疫苗第4剂", "百白破疫苗第4劑", "DTaP dose 4"},
	"JE2":     {"乙脑疫苗第2剂", "乙腦疫苗第2劑", "JE dose 2"},
	"MPSVAC1": {"A群C群流脑多糖疫苗第1剂", "A群C群流腦多糖疫苗第1劑", "MPSV-AC dose 1"},
	"Polio4":  {"脊灰疫苗第4剂", "脊灰疫苗第4劑", "polio dose 4"},
	"DT":      {"白破疫苗", "白破疫苗", "DT"},
	"MPSVAC2": {"A群C群流脑多糖疫苗第2剂", "A群C群流腦多糖疫苗第2劑", "MPSV-AC dose 2"},
}

func init() {
	for _, m := range Milestones {
		n := milestoneNames[m.Name]
		gongwei.RegisterMessages(gongwei.Message{Key: m.Key(), ZhHans: n[0], ZhHant: n[1], En: n[2]})
	}
}

// Key returns the catalog key of the milestone's name: "immunization.milestone." + Name.
func (m Milestone) Key() string { return "immunization.milestone." + m.Name }

// Label returns the milestone's name in the language tag (乙肝疫苗第3剂 / 乙肝疫苗第3劑 /
// HepB dose 3), or its Name for a milestone that is not a row of Milestones.
func (m Milestone) Label(tag language.Tag) string {
	if _, ok := milestoneNames[m.Name]; !ok {
		return m.Name
	}
	return gongwei.NewPrinter(tag).Sprintf(m.Key())
}

// MilestoneNamed returns the row of Milestones with the given Name.
func MilestoneNamed(name string) (Milestone, bool) {
	for _, m := range Milestones {
		if m.Name == name {
			return m, true
		}
	}
	return Milestone{}, false
}
