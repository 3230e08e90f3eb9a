package indicators

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// didHant holds the traditional-Chinese form of each national entry's Did phrase
// (Indicator.Did.Zh), registered with the other two in the library's catalog
// ("ind.did.<code>"), from which [Summarize] takes them. The phrases are the
// simplified ones written in traditional characters, word for word; a test checks that
// every national entry with a Did phrase has one here. A host's own indicators set
// Indicator.DidZhHant instead.
var didHant = map[Code]string{
	"imm.card":            "建立預防接種卡%v人",
	"imm.aefi_handled":    "規範處置疑似預防接種異常反應%v例",
	"imm.aefi_timely":     "及時報告疑似預防接種異常反應%v例",
	"imm.campaign":        "活動接種目標兒童%v人",
	"record.coverage":     "建立居民健康檔案%v人",
	"record.electronic":   "電子檔案%v人",
	"record.usage":        "有動態記錄的檔案%v份",
	"record.qualified":    "合格檔案%v份",
	"record.household":    "建立家庭健康檔案%v戶",
	"record.contract":     "簽約居民%v人",
	"record.key_contract": "重點人群簽約%v人",
	"record.key_coverage": "重點人群建檔%v人",

	"edu.print_kinds":        "發放印刷資料%v種",
	"edu.av_kinds":           "播放音像資料%v種",
	"edu.boards":             "設置宣傳欄%v個",
	"edu.board_updates":      "更換宣傳欄內容%v次",
	"edu.lectures":           "舉辦健康知識講座%v次",
	"edu.consultations":      "開展公眾健康諮詢活動%v次",
	"edu.attendance":         "參加%v人次",
	"imm.certificate":        "建立預防接種證%v人",
	"imm.coverage":           "實際接種%v人",
	"imm.full_series":        "全程接種%v人",
	"imm.five_vaccines":      "五苗全程接種%v人",
	"imm.timely":             "及時接種%v劑次",
	"imm.hepb_birth_timely":  "乙肝首針及時接種%v人",
	"imm.school_entry_check": "查驗入托入學兒童%v人",

	"child.newborn_visit":            "訪視新生兒%v人",
	"child.health_management":        "管理0～6歲兒童%v人",
	"child.system_management":        "系統管理0～6歲兒童%v人",
	"child.under3_system_management": "系統管理3歲以下兒童%v人",
	"child.u5_mortality":             "5歲以下兒童死亡%v人",
	"child.newborn_screening":        "新生兒疾病篩查%v人",
	"child.hearing_screening":        "新生兒聽力篩查%v人",
	"child.hb_test":                  "血紅蛋白檢測%v人",
	"child.growth_monitoring":        "生長發育監測%v人",
	"child.malnutrition":             "營養不良%v人",
	"child.anaemia":                  "貧血%v人",
	"child.neonatal_mortality":       "新生兒死亡%v人",
	"child.infant_mortality":         "嬰兒死亡%v人",

	"maternal.early_booking":               "孕13週前建冊%v人",
	"maternal.postpartum_visit":            "產後訪視%v人",
	"maternal.mortality":                   "孕產婦死亡%v人",
	"maternal.hospital_delivery":           "住院分娩%v人",
	"maternal.high_risk_hospital_delivery": "高危孕婦住院分娩%v人",
	"maternal.system_management":           "系統管理孕產婦%v人",
	"maternal.prenatal_screening":          "產前篩查%v人",
	"maternal.infection_testing":           "孕期三病檢測%v人",
	"maternal.infection_testing_early":     "孕28週前三病檢測%v人",
	"maternal.health_management":           "產前檢查5次及以上%v人",
	"maternal.caesarean":                   "剖宮產%v例",

	"elderly.management":       "為65歲及以上老年人健康體檢%v人",
	"elderly.checkup_complete": "體檢項目完整%v人",
	"ht.management":            "管理高血壓患者%v人",
	"ht.standard_management":   "規範管理%v人",
	"ht.bp_control":            "血壓控制達標%v人",
	"dm.management":            "管理2型糖尿病患者%v人",
	"dm.standard_management":   "規範管理%v人",
	"dm.glucose_control":       "血糖控制達標%v人",
	"smi.standard_management":  "規範管理嚴重精神障礙患者%v人",
	"smi.management":           "管理嚴重精神障礙患者%v人",
	"tb.management":            "管理肺結核患者%v人",
	"tb.regular_medication":    "規則服藥%v人",
	"tb.referral":              "轉診肺結核患者%v人",
	"tb.suspect_attendance":    "肺結核可疑者轉診後按時隨訪%v人次",
	"referral.followup":        "轉診%v人次並按時隨訪",
	"village.supervision":      "按計劃督導村衛生室%v個",
	"edu.literacy":             "健康素養調查%v人具備基本健康素養",
	"wh.cancer_screening":      "為35～64歲婦女兩癌檢查%v人",
	"wh.cancer_referral":       "兩癌檢查異常轉診%v人",
	"wh.report_timely":         "及時報告婦幼死亡及出生缺陷%v例",
	"village.training_pass":    "培訓考核合格%v人次",
	"tcm.elderly":              "為65歲及以上老年人提供中醫藥健康管理%v人",
	"tcm.child":                "為0～36個月兒童提供中醫藥健康管理%v人",

	"inf.report":               "網絡報告傳染病%v例",
	"inf.report_timely":        "及時報告%v例",
	"inf.emergency_report":     "及時報告突發公共衛生事件相關信息%v起",
	"sup.info_report":          "報告事件或線索%v次",
	"sup.coverage":             "協管覆蓋單位%v家",
	"sup.patrols":              "協助開展實地巡查%v次",
	"sup.frequency":            "巡查頻次達標單位%v家",
	"sup.complaint_timely":     "及時處理投訴舉報%v件",
	"sup.health_certificate":   "持有效健康證明從業人員%v人",
	"sup.five_disease_removal": "調離五病人員%v人",
}

// didPhrase returns the indicator's summary phrase (Did) for n in tag: a national
// entry's from the library's catalog (the phrases above for zh-Hant), a host's own
// entry's from its fields (DidZhHant for zh-Hant, falling back to Did.Zh). It is "" when
// the indicator has no phrase.
func (ind *Indicator) didPhrase(tag language.Tag, n int64) string {
	if d, ok := catalogDid[ind.Code]; ok && d == ind.Did && ind.DidZhHant == "" {
		return gongwei.NewPrinter(tag).Sprintf(didKey(ind.Code), count(n))
	}
	var f string
	switch gongwei.MatchLanguage(tag) {
	case language.TraditionalChinese:
		f = ind.DidZhHant
		if f == "" {
			f = didHant[ind.Code]
		}
		if f == "" {
			f = ind.Did.Zh
		}
	case language.English:
		f = ind.Did.En
	default:
		f = ind.Did.Zh
	}
	if f == "" {
		return ""
	}
	return fmt.Sprintf(f, n)
}
