package supervision

import (
	"fmt"
	"strings"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Shanghai is the time zone of reporting deadlines: Asia/Shanghai from the host's time
// zone database when it has one, otherwise a fixed UTC+8 zone named "CST". The two agree
// for every date since 1992 (China has kept UTC+8 without daylight saving time since
// 1991), so deadlines do not depend on whether tzdata is installed; a host that wants the
// database everywhere imports time/tzdata.
var Shanghai = loadShanghai()

func loadShanghai() *time.Location {
	if loc, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return loc
	}
	return time.FixedZone("CST", 8*3600)
}

// DiseaseClass is the legal class of a notifiable infectious disease (甲类, 乙类, 丙类).
type DiseaseClass string

// The disease classes.
const (
	ClassA DiseaseClass = "A" // 甲类
	ClassB DiseaseClass = "B" // 乙类
	ClassC DiseaseClass = "C" // 丙类
)

// IsValid reports whether c is A, B or C.
func (c DiseaseClass) IsValid() bool { return c == ClassA || c == ClassB || c == ClassC }

// ParseDiseaseClass reads "A"/"B"/"C" or 甲/乙/丙 (with or without 类).
func ParseDiseaseClass(s string) (DiseaseClass, error) {
	s = strings.TrimSuffix(strings.ToUpper(gongwei.NormalizeCode(s)), "类")
	switch s {
	case "A", "甲":
		return ClassA, nil
	case "B", "乙":
		return ClassB, nil
	case "C", "丙":
		return ClassC, nil
	}
	return "", fmt.Errorf("supervision: disease class: %w", gongwei.ErrInvalid)
}

// Disease is an entry of the disease table: a notifiable disease whose class or
// management the reference names.
type Disease struct {
	Code  string       // a stable identifier of the disease
	Name  string       // Chinese name
	Class DiseaseClass // 甲类, 乙类 or 丙类
	// ManagedAsA marks a class-B disease managed with class-A measures (乙类甲管) from
	// AsAFrom (zero: always) until AsAUntil (excluded; zero: still).
	ManagedAsA        bool
	AsAFrom, AsAUntil gongwei.Date
}

// managedAsAOn reports whether the disease is under class-A measures on d.
func (d Disease) managedAsAOn(on gongwei.Date) bool {
	if d.Class == ClassA {
		return true
	}
	return d.ManagedAsA && (d.AsAFrom.IsZero() || !on.Before(d.AsAFrom)) && (d.AsAUntil.IsZero() || on.Before(d.AsAUntil))
}

// Diseases is the versioned disease table of nbphs-spec §12.1: the diseases whose class
// or class-A management the reference names. Class A: plague and cholera; class B
// managed as class A: pulmonary anthrax and SARS (the 2006 rules also listed polio and
// highly pathogenic avian influenza: historical, not included); COVID-19 (新型冠状病毒感染)
// under class-A measures until 8 January 2023 [R50]. The reference does not list every
// class-B and class-C disease, so a report of any other disease carries its class itself
// (see [CaseReport.Class]); a host adds entries for its own use by passing its table to
// [ReportLimitIn].
var Diseases = []Disease{
	{Code: "plague", Name: "鼠疫", Class: ClassA},
	{Code: "cholera", Name: "霍乱", Class: ClassA},
	{Code: "sars", Name: "传染性非典型肺炎", Class: ClassB, ManagedAsA: true},
	{Code: "pulmonary_anthrax", Name: "肺炭疽", Class: ClassB, ManagedAsA: true},
	{Code: "covid19", Name: "新型冠状病毒感染", Class: ClassB, ManagedAsA: true, AsAUntil: gongwei.MustDate(2023, time.January, 8)},
}

// LookupDisease returns the table entry with the given code.
func LookupDisease(code string) (Disease, bool) {
	for _, d := range Diseases {
		if d.Code == code {
			return d, true
		}
	}
	return Disease{}, false
}

// Reporting time limits (nbphs-spec §12.1, [R48]).
const (
	// UrgentLimit: class A, class B managed as class A, outbreaks of other diseases or of
	// unknown cause, and public-health emergency information: within 2 hours (network
	// direct report; without network access, phone or fax the county CDC within 2 hours).
	UrgentLimit = 2 * time.Hour
	// RoutineLimit: other class B and C patients, suspects and required pathogen
	// carriers: within 24 hours of diagnosis.
	RoutineLimit = 24 * time.Hour
)

// ReportLimit returns the time limit of a case report: [UrgentLimit] for class A, a
// class-B disease under class-A measures on the day of diagnosis (table [Diseases]), an
// outbreak, or a new or unexplained emerging disease (nbphs-spec §12.1, 2026 rules
// [R49]); [RoutineLimit] otherwise.
func ReportLimit(r *CaseReport) time.Duration { return ReportLimitIn(r, Diseases) }

// ReportLimitIn is ReportLimit with a host's disease table.
func ReportLimitIn(r *CaseReport, table []Disease) time.Duration {
	if r.Class == ClassA || r.Outbreak || r.Emerging {
		return UrgentLimit
	}
	on := gongwei.DateOf(r.Diagnosed.In(Shanghai))
	for _, d := range table {
		if d.Code == r.Disease && d.managedAsAOn(on) {
			return UrgentLimit
		}
	}
	return RoutineLimit
}

// CaseReportID identifies a case report (传染病报告卡).
type CaseReportID string

// CaseReport is one infectious disease report card (传染病报告卡, nbphs-spec §12).
// Times are instants; they are shown and compared on the Asia/Shanghai clock.
type CaseReport struct {
	// ID identifies the report card in its store.
	ID CaseReportID
	// Resident links the patient's health record, when there is one.
	Resident healthrecord.ResidentID
	// Village is the 12-digit division code of the reporting institution's catchment
	// village where the patient lives: indicators group by it.
	Village healthrecord.Village
	// Disease is the disease code (an entry of [Diseases] or the host's own code) and
	// Class its legal class.
	Disease string
	Class   DiseaseClass
	// Outbreak marks a report of an outbreak (暴发) rather than a single case; Emerging a
	// new or unexplained emerging disease. Both are 2-hour reports.
	Outbreak bool
	Emerging bool
	// Diagnosed is the instant of diagnosis (the clock starts), Registered the day the
	// case was entered in the outpatient or admission register (登记), Reported the
	// instant of the network direct report (网络直报), zero until reported.
	Diagnosed  time.Time
	Registered gongwei.Date
	Reported   time.Time
	// Version is the optimistic-locking version.
	Version int64
}

// Deadline returns the instant by which the case must be reported, in Asia/Shanghai.
func (r *CaseReport) Deadline() time.Time { return r.Diagnosed.Add(ReportLimit(r)).In(Shanghai) }

// IsReported reports whether the case was reported online.
func (r *CaseReport) IsReported() bool { return !r.Reported.IsZero() }

// Timely reports whether the case was reported by its deadline; a report at the deadline
// itself is in time ("within 2 hours"), one a second later is late. An unreported case is
// not timely.
func (r *CaseReport) Timely() bool { return r.IsReported() && !r.Reported.After(r.Deadline()) }

// Validate reports every problem at once.
func (r *CaseReport) Validate() error { return r.validateOn(gongwei.Today()) }

func (r *CaseReport) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.CaseReport"
	r.plausible(&ve, today)
	ve.Check(r.ID != "", "ID", gongwei.CodeRequired)
	checkVillage(&ve, r.Village)
	ve.Check(r.Disease != "" || r.Outbreak || r.Emerging, "Disease", gongwei.CodeRequired)
	if r.Class == "" {
		ve.Check(r.Outbreak || r.Emerging, "Class", gongwei.CodeRequired)
	} else {
		ve.Check(r.Class.IsValid(), "Class", gongwei.CodeUnknownCode)
	}
	if d, ok := LookupDisease(r.Disease); ok && r.Class != "" {
		ve.Check(d.Class == r.Class, "Class", CodeClassMismatch)
	}
	ve.Check(!r.Diagnosed.IsZero(), "Diagnosed", gongwei.CodeRequired)
	ve.Check(!r.Registered.IsZero(), "Registered", gongwei.CodeRequired)
	ve.Check(r.Reported.IsZero() || r.Diagnosed.IsZero() || !r.Reported.Before(r.Diagnosed), "Reported", gongwei.CodeOrder)
	return ve.Err()
}

// EmergencyReportID identifies an emergency information report.
type EmergencyReportID string

// EmergencyReport is one public-health emergency information report
// (突发公共卫生事件相关信息报告卡, nbphs-spec §12): due within 2 hours of discovery
// ([UrgentLimit]).
type EmergencyReport struct {
	// ID identifies the report card in its store.
	ID EmergencyReportID
	// Village is the 12-digit division code where the event happened.
	Village healthrecord.Village
	// Event describes the event (food poisoning, cluster of cases ...), without personal
	// data.
	Event string
	// Discovered is the instant the event was found (the clock starts); Reported the
	// instant it was reported, zero until then.
	Discovered time.Time
	Reported   time.Time
	// Version is the optimistic-locking version.
	Version int64
}

// Deadline returns the instant by which the event must be reported, in Asia/Shanghai.
func (e *EmergencyReport) Deadline() time.Time { return e.Discovered.Add(UrgentLimit).In(Shanghai) }

// Timely reports whether the event was reported by its deadline (at the deadline is in
// time).
func (e *EmergencyReport) Timely() bool {
	return !e.Reported.IsZero() && !e.Reported.After(e.Deadline())
}

// Validate reports every problem at once.
func (e *EmergencyReport) Validate() error { return e.validateOn(gongwei.Today()) }

func (e *EmergencyReport) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.EmergencyReport"
	e.plausible(&ve, today)
	ve.Check(e.ID != "", "ID", gongwei.CodeRequired)
	checkVillage(&ve, e.Village)
	ve.Check(strings.TrimSpace(e.Event) != "", "Event", gongwei.CodeRequired)
	ve.Check(!e.Discovered.IsZero(), "Discovered", gongwei.CodeRequired)
	ve.Check(e.Reported.IsZero() || e.Discovered.IsZero() || !e.Reported.Before(e.Discovered), "Reported", gongwei.CodeOrder)
	return ve.Err()
}

// ParseReportTime reads a report time as written on a card, "2006-01-02 15:04" or with
// seconds, on the Asia/Shanghai clock (full-width digits accepted).
func ParseReportTime(s string) (time.Time, error) {
	s = strings.TrimSpace(gongwei.Normalize(s))
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, Shanghai); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("supervision: report time: %w", gongwei.ErrInvalid)
}
