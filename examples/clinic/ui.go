package main

import (
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
)

// languages are the page languages, the default first, with their query values.
var languages = []struct {
	Code string
	Tag  language.Tag
	Name string
}{
	{"zh-Hans", language.SimplifiedChinese, "简体中文"},
	{"zh-Hant", language.TraditionalChinese, "繁體中文"},
	{"en", language.English, "English"},
}

// langOf returns the language of code, or the default (simplified Chinese).
func langOf(code string) (string, language.Tag) {
	for _, l := range languages {
		if l.Code == code {
			return l.Code, l.Tag
		}
	}
	return languages[0].Code, languages[0].Tag
}

// uiText are the app's own words: zh-Hans, zh-Hant, en. The library's labels and
// validation messages come from its catalog (gongwei.NewPrinter).
var uiText = map[string][3]string{
	"app":                {"乡镇卫生院公卫工作台", "鄉鎮衛生院公衛工作臺", "Township health centre: public health desk"},
	"start":              {"选择当前工作人员", "選擇當前工作人員", "Who is working?"},
	"start.note":         {"演示系统：无需密码。每条记录都记下所选人员。", "演示系統：無需密碼。每條記錄都記下所選人員。", "A demo: no password. Every record names the person picked."},
	"pick":               {"开始工作", "開始工作", "Start"},
	"acting":             {"当前人员", "當前人員", "Working as"},
	"nostaff":            {"请先选择当前工作人员。", "請先選擇當前工作人員。", "Pick who is working first."},
	"worklist":           {"本周工作清单", "本週工作清單", "Worklist of the week"},
	"village":            {"村", "村", "Village"},
	"team":               {"家庭医生团队", "家庭醫生團隊", "Family-doctor team"},
	"all":                {"全乡镇", "全鄉鎮", "Whole township"},
	"week":               {"周（起始日）", "週（起始日）", "Week starting"},
	"show":               {"显示", "顯示", "Show"},
	"print":              {"打印", "列印", "Print"},
	"name":               {"姓名", "姓名", "Name"},
	"what":               {"项目", "項目", "What"},
	"status":             {"状态", "狀態", "Status"},
	"window":             {"时间窗", "時間窗", "Window"},
	"source":             {"依据", "依據", "Rule"},
	"visit":              {"合并随访日", "合併隨訪日", "Visit by"},
	"urgent":             {"紧急", "緊急", "urgent"},
	"nobody":             {"本周无应访对象。", "本週無應訪對象。", "Nobody is due this week."},
	"residents":          {"人", "人", "residents"},
	"resident":           {"居民健康档案", "居民健康檔案", "Resident health record"},
	"archive":            {"档案编号", "檔案編號", "Record number"},
	"sex":                {"性别", "性別", "Sex"},
	"birth":              {"出生日期", "出生日期", "Date of birth"},
	"address":            {"现住址", "現住址", "Address"},
	"due.now":            {"本周应做", "本週應做", "Due this week"},
	"chronic":            {"慢病管理", "慢病管理", "Chronic disease management"},
	"registered":         {"建卡日期", "建卡日期", "Registered"},
	"date":               {"日期", "日期", "Date"},
	"bp":                 {"血压 mmHg", "血壓 mmHg", "BP mmHg"},
	"class":              {"分类", "分類", "Class"},
	"nextdue":            {"下次随访", "下次隨訪", "Next due"},
	"record.fu":          {"记录随访", "記錄隨訪", "Record a follow-up"},
	"vaccination":        {"预防接种", "預防接種", "Vaccinations"},
	"vaccine":            {"疫苗", "疫苗", "Vaccine"},
	"dose":               {"剂次", "劑次", "Dose"},
	"forecast":           {"接种预测", "接種預測", "Forecast"},
	"recommended":        {"建议日期", "建議日期", "Recommended"},
	"limit":              {"及时接种截止", "及時接種截止", "Timely before"},
	"record.vac":         {"记录接种", "記錄接種", "Record a vaccination"},
	"growth":             {"生长曲线", "生長曲線", "Growth chart"},
	"childsched":         {"儿童健康检查", "兒童健康檢查", "Child health checks"},
	"pregnancy":          {"孕产期保健", "孕產期保健", "Pregnancy care"},
	"timeline":           {"服务记录", "服務記錄", "Service timeline"},
	"kind":               {"服务", "服務", "Service"},
	"by":                 {"服务人员", "服務人員", "By"},
	"report":             {"乡镇指标报告", "鄉鎮指標報告", "Township indicator report"},
	"mode":               {"随访方式", "隨訪方式", "Mode"},
	"mode.1":             {"门诊", "門診", "clinic"},
	"mode.2":             {"家庭", "家庭", "home"},
	"mode.3":             {"电话", "電話", "phone"},
	"sbp":                {"收缩压", "收縮壓", "Systolic"},
	"dbp":                {"舒张压", "舒張壓", "Diastolic"},
	"hr":                 {"心率", "心率", "Heart rate"},
	"weight":             {"体重 kg", "體重 kg", "Weight kg"},
	"glucose":            {"空腹血糖 mmol/L", "空腹血糖 mmol/L", "Fasting glucose mmol/L"},
	"adherence":          {"服药依从性", "服藥依從性", "Adherence"},
	"adh.1":              {"规律", "規律", "regular"},
	"adh.2":              {"间断", "間斷", "intermittent"},
	"adh.3":              {"不服药", "不服藥", "not taking"},
	"save":               {"保存", "保存", "Save"},
	"saved":              {"已保存。", "已保存。", "Saved."},
	"problems":           {"请更正以下问题：", "請更正以下問題：", "Please correct these problems:"},
	"bad.date":           {"日期格式应为 2025-06-02。", "日期格式應為 2025-06-02。", "A date is written 2025-06-02."},
	"bad.number":         {"应为数字。", "應為數字。", "Must be a number."},
	"bad.choice":         {"请选择一项。", "請選擇一項。", "Choose one."},
	"duplicate":          {"该疫苗当天已有接种记录。", "該疫苗當天已有接種記錄。", "This vaccine is already recorded on that day."},
	"duplicate.visit":    {"该病种当天已有随访记录。", "該病種當天已有隨訪記錄。", "A follow-up of this case is already recorded on that day."},
	"outside":            {"该居民不在当前人员的辖区内，未保存。", "該居民不在當前人員的轄區內，未保存。", "Not saved: the resident is outside the area of the person working."},
	"refused":            {"该记录未能保存：当前人员无权记录，或记录有误。", "該記錄未能保存：當前人員無權記錄，或記錄有誤。", "Not saved: the person working may not record this, or the record is wrong."},
	"too.large":          {"提交的内容过大，未保存。", "提交的內容過大，未保存。", "What was sent is too large; nothing was saved."},
	"bad.csrf":           {"表单已过期，请重新提交。", "表單已過期，請重新提交。", "The form expired: please send it again."},
	"notfound":           {"找不到该页面。", "找不到該頁面。", "Page not found."},
	"error":              {"出错了，请稍后再试。", "出錯了，請稍後再試。", "Something went wrong; please try again."},
	"back":               {"返回", "返回", "Back"},
	"nofollowup":         {"该居民没有可随访的高血压或糖尿病管理。", "該居民沒有可隨訪的高血壓或糖尿病管理。", "This resident has no hypertension or diabetes case to follow up."},
	"noregistration":     {"该居民没有预防接种登记。", "該居民沒有預防接種登記。", "This resident is not registered for vaccination."},
	"patient":            {"管理病种", "管理病種", "Case"},
	"staff.village":      {"村医", "村醫", "Village doctor"},
	"staff.town":         {"乡镇卫生院", "鄉鎮衛生院", "Township health centre"},
	"home":               {"首页", "首頁", "Start"},
	"referrals":          {"双向转诊", "雙向轉診", "Referrals"},
	"record.ref":         {"记录转诊", "記錄轉診", "Record a referral"},
	"record.outcome":     {"记录转诊结果随访", "記錄轉診結果隨訪", "Record the follow-up of the outcome"},
	"ref.kind":           {"转诊类别", "轉診類別", "Referral for"},
	"ref.urgent":         {"紧急转诊", "緊急轉診", "Urgent referral"},
	"ref.to":             {"转入机构", "轉入機構", "Referred to"},
	"ref.reason":         {"转诊原因", "轉診原因", "Reason"},
	"ref.due":            {"应随访日期", "應隨訪日期", "Follow up by"},
	"ref.followed":       {"随访日期", "隨訪日期", "Followed up on"},
	"ref.outcome":        {"随访结果", "隨訪結果", "Outcome"},
	"ref.ontime":         {"按时", "按時", "on time"},
	"ref.late":           {"超时", "超時", "late"},
	"duplicate.referral": {"该居民当天已有同类转诊记录。", "該居民當天已有同類轉診記錄。", "A referral of this kind is already recorded for that day."},
	"stale":              {"该转诊已被他人修改，请返回后重试。", "該轉診已被他人修改，請返回後重試。", "The referral was changed meanwhile: go back and try again."},
	"language":           {"语言", "語言", "Language"},
	"today":              {"今天", "今天", "Today"},
}

// T returns the app's word for key in the language of index i (see languages).
func uiWord(key string, tag language.Tag) string {
	w, ok := uiText[key]
	if !ok {
		return key
	}
	switch tag {
	case language.TraditionalChinese:
		return w[1]
	case language.English:
		return w[2]
	}
	return w[0]
}

// labeler is a library value with a label in each language.
type labeler interface{ Label(language.Tag) string }

// label returns x's label in tag, or the catalog's text of key x.
func label(tag language.Tag, x any) string {
	switch v := x.(type) {
	case labeler:
		return v.Label(tag)
	case string:
		return gongwei.NewPrinter(tag).Sprintf(v)
	}
	return ""
}
