package integrity

import (
	"time"

	"github.com/gongwei-lib/gongwei"
)

// RuleCode names a rule. Its values are stable codes, also the keys of the rules' names
// and reasons in the message catalog.
type RuleCode string

// The rules.
const (
	// RuleAfterDeath: a service dated after the resident's death.
	RuleAfterDeath RuleCode = "integrity.after_death"
	// RuleDepartedStaff: a write by the account of a staff member after they left.
	RuleDepartedStaff RuleCode = "integrity.departed_staff"
	// RuleBurst: many residents' records created by one account within minutes.
	RuleBurst RuleCode = "integrity.burst"
	// RuleNight: many residents' records created by one account in one night.
	RuleNight RuleCode = "integrity.night"
	// RuleClonedReadings: identical series of vital signs in different patients.
	RuleClonedReadings RuleCode = "integrity.cloned_readings"
	// RuleClonedCheckups: checkups of different residents identical in every measure.
	RuleClonedCheckups RuleCode = "integrity.cloned_checkups"
	// RuleConstantReadings: one patient's readings identical at every follow-up.
	RuleConstantReadings RuleCode = "integrity.constant_readings"
	// RuleDigitPreference: an account's blood pressures end in 0 far more often than chance.
	RuleDigitPreference RuleCode = "integrity.digit_preference"
	// RuleWorkload: more face-to-face services on one day than one person can give; the
	// finding lists the services over the limit.
	RuleWorkload RuleCode = "integrity.workload"
	// RuleTwoPlaces: one account's home visits in two villages closer in time than the
	// journey between them.
	RuleTwoPlaces RuleCode = "integrity.two_places"
	// RuleSequentialPhones: a village's residents with consecutive phone numbers.
	RuleSequentialPhones RuleCode = "integrity.sequential_phones"
	// RuleQuota: a village's figures stopping exactly at their targets or estimates.
	RuleQuota RuleCode = "integrity.quota"
)

// Rule is one check with the reason it is made.
type Rule struct {
	// Code identifies the rule; findings carry it in Finding.Rule.
	Code RuleCode
	// Reason says, in English, why the pattern points to fabrication and where the
	// threshold comes from; the catalog holds it in every language.
	Reason string
}

// Rules lists every rule in report order.
var Rules = []Rule{
	{RuleAfterDeath, "A service needs the resident alive: a follow-up, checkup or visit dated after a registered death (the host's death registrations, or the record's own closure by death, nbphs-spec §1.3) was not given. Daqing, 2023: 500+ dead residents' records still updated (peers.md)."},
	{RuleDepartedStaff, "A staff member who has left gives no services: writes under their account after the day they left were made by someone else, or not at all (Daqing, 2023, peers.md). The staff register gives the day."},
	{RuleBurst, "Creating a health record means filling the cover and the personal basic information form with the resident (nbphs-spec §1.2); dozens of records from one account within minutes were typed from a list, not from residents (the Sichuan internet-café case, peers.md)."},
	{RuleNight, "Village clinics create records in working hours, with the resident present; many records created by one account in one night were typed in bulk (peers.md)."},
	{RuleClonedReadings, "Two patients do not read the same blood pressures and heart rates visit after visit: one series was copied onto the other record (checkups identical except for identity, peers.md)."},
	{RuleClonedCheckups, "A checkup is measured on the resident: two residents' checkups alike in temperature, pulse, respiration, both arms' blood pressures, height, weight and waist were filled from one form (checkups identical except for identity, peers.md)."},
	{RuleConstantReadings, "A patient's blood pressure varies between visits; the same reading at every follow-up was not measured each time."},
	{RuleDigitPreference, "Measured to 1 mmHg, a tenth of readings end in 0 (a fifth to 2 mmHg); an account whose readings end in 0 far more often rounds or invents them (terminal-digit preference, a standard data-quality check of blood pressure surveys)."},
	{RuleWorkload, "A face-to-face service takes minutes per person: more in one day than a working day holds was not delivered."},
	{RuleTwoPlaces, "A follow-up is made where the patient lives (nbphs-spec §7-§8: at the clinic, at home or by phone); one account recording follow-ups in two villages minutes apart was not in both places."},
	{RuleSequentialPhones, "Residents' own phone numbers are not consecutive: a run of them in one village was made up to fill the form's phone item (peers.md: bulk-created records)."},
	{RuleQuota, "A rate that meets its target by exactly the last person needed, on several indicators of one village at once, or a managed count equal to the prevalence estimate, was counted up to the target rather than measured (peers.md: records made up to meet the 建档率 target)."},
}

// Thresholds are the limits of the rules: data, so that a province can set its own. The
// defaults (DefaultThresholds) are demonstration values stated with their reasoning, not
// national rules: no national text fixes them.
type Thresholds struct {
	// BurstCount records created by one account within BurstWindow make a burst.
	BurstCount  int
	BurstWindow time.Duration
	// NightFrom and NightTo bound the night (hours, Asia/Shanghai; NightFrom >
	// NightTo wraps midnight); NightCount records created by one account in one night
	// are flagged.
	NightFrom, NightTo int
	NightCount         int
	// SeriesLength is the number of first follow-ups whose readings (systolic,
	// diastolic, heart rate) make the series compared between patients.
	SeriesLength int
	// ConstantVisits is the fewest follow-ups, all with the same blood pressure, that
	// are flagged.
	ConstantVisits int
	// DigitMinReadings is the fewest readings of an account judged; DigitZeroShare the
	// share ending in 0 from which it is flagged.
	DigitMinReadings int
	DigitZeroShare   float64
	// MaxDailyServices is the most face-to-face services one account may record on one
	// day.
	MaxDailyServices int
	// TravelGap is the least time between one account's follow-ups in two different
	// villages.
	TravelGap time.Duration
	// SequentialPhones consecutive phone numbers among a village's residents are
	// flagged.
	SequentialPhones int
	// QuotaFigures figures of one village stopping exactly at target are flagged, when
	// they are at least QuotaShare of the village's figures that could (a figure
	// whose target needs every case counted cannot stop short of it).
	QuotaFigures int
	QuotaShare   float64
	// Listed bounds the records a finding lists for review (its Count holds them all).
	Listed int
}

// DefaultThresholds are the thresholds Check uses for a zero Thresholds.
//
//   - BurstCount 20 in 10 minutes: 30 seconds a record, less than reading a personal
//     basic information form of some 60 items takes.
//   - Night 22:00-06:00, 10 records: a night's data entry, not a late patient.
//   - SeriesLength 3: three visits' three readings coincide by chance about once in
//     10^14 pairs at the spread of real readings.
//   - ConstantVisits 4: a year's four quarterly follow-ups (nbphs-spec §7) all alike.
//   - DigitZeroShare 0.5 over 40 readings: five times the share chance gives to 1 mmHg
//     readings (2.5 times at 2 mmHg); at 40 readings chance alone gives it with a
//     probability below 10^-9.
//   - MaxDailyServices 60: eight working hours at 8 minutes a face-to-face service.
//   - TravelGap 10 minutes: less than the journey between two villages of a township.
//   - SequentialPhones 5: five consecutive numbers among a village's few hundred random
//     11-digit numbers have a chance below 10^-20.
//   - QuotaFigures 2 and QuotaShare 0.5: a village's rate lands on the exact count its
//     target needs by chance now and then (one in a few dozen near the target), so that
//     among the thirty or so rates of a plan two may; half of them at once were counted
//     up to the targets.
//   - Listed 20.
var DefaultThresholds = Thresholds{
	BurstCount: 20, BurstWindow: 10 * time.Minute,
	NightFrom: 22, NightTo: 6, NightCount: 10,
	SeriesLength: 3, ConstantVisits: 4,
	DigitMinReadings: 40, DigitZeroShare: 0.5,
	MaxDailyServices: 60,
	TravelGap:        10 * time.Minute,
	SequentialPhones: 5, QuotaFigures: 2, QuotaShare: 0.5,
	Listed: 20,
}

// faceToFace lists the record kinds (healthrecord.AuditEntry.Kind) whose creation is a
// service given in person on its date.
var faceToFace = map[string]bool{
	"healthrecord.Checkup": true, "chronic.Visit": true, "child.Visit": true, "immunization.Vaccination": true,
}

// services lists the record kinds that document a service given to the resident on
// their Date (a service after death is one of these).
var services = map[string]bool{
	"healthrecord.Checkup": true, "healthrecord.Contract": true, "chronic.Visit": true, "child.Visit": true,
	"immunization.Vaccination": true, "maternal.Pregnancy": true,
}

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(RuleAfterDeath), ZhHans: "死亡后仍有服务记录", ZhHant: "死亡後仍有服務記錄", En: "services after death"},
		gongwei.Message{Key: string(RuleDepartedStaff), ZhHans: "离职人员账号仍在录入", ZhHant: "離職人員帳號仍在錄入", En: "writes by departed staff"},
		gongwei.Message{Key: string(RuleBurst), ZhHans: "短时间内集中建档", ZhHant: "短時間內集中建檔", En: "records created in a burst"},
		gongwei.Message{Key: string(RuleNight), ZhHans: "夜间集中建档", ZhHant: "夜間集中建檔", En: "records created at night"},
		gongwei.Message{Key: string(RuleClonedReadings), ZhHans: "不同患者体征数据雷同", ZhHant: "不同患者體徵數據雷同", En: "cloned readings"},
		gongwei.Message{Key: string(RuleClonedCheckups), ZhHans: "不同居民体检数据雷同", ZhHant: "不同居民體檢數據雷同", En: "cloned checkups"},
		gongwei.Message{Key: string(RuleConstantReadings), ZhHans: "随访血压始终不变", ZhHant: "隨訪血壓始終不變", En: "constant readings"},
		gongwei.Message{Key: string(RuleDigitPreference), ZhHans: "血压尾数偏好（尾数为0过多）", ZhHant: "血壓尾數偏好（尾數為0過多）", En: "terminal-digit preference"},
		gongwei.Message{Key: string(RuleWorkload), ZhHans: "单日面对面服务量超出可能", ZhHant: "單日面對面服務量超出可能", En: "impossible daily workload"},
		gongwei.Message{Key: string(RuleTwoPlaces), ZhHans: "同一时段在不同村随访", ZhHant: "同一時段在不同村隨訪", En: "follow-ups in two villages at once"},
		gongwei.Message{Key: string(RuleSequentialPhones), ZhHans: "居民电话号码连号", ZhHant: "居民電話號碼連號", En: "sequential phone numbers"},
		gongwei.Message{Key: string(RuleQuota), ZhHans: "指标恰好卡在目标值", ZhHant: "指標恰好卡在目標值", En: "figures stopping at their targets"},
	)
}
