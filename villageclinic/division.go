package villageclinic

import (
	"strconv"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Level is the level of the rural network (乡村一体化) that delivers a service: the
// township health centre (乡镇卫生院) or the village clinic (村卫生室). Its values are
// stable codes that hosts may persist.
type Level uint8

// The levels of the network.
const (
	// LevelUnknown: the institution that delivered the service is not known to be
	// either.
	LevelUnknown Level = 0
	// Township: the township health centre.
	Township Level = 1
	// Village: a village clinic, its village doctor (乡村医生).
	Village Level = 2
	// Either: a task the division gives to both, the village clinic doing it where
	// the centre does not (a remote village, a home visit).
	Either Level = 3
)

// IsValid reports whether l is Township, Village or Either.
func (l Level) IsValid() bool { return l >= Township && l <= Either }

// String returns a stable identifier of l ("township", "village", "either"), or ""
// for LevelUnknown and values out of range.
func (l Level) String() string {
	switch l {
	case Township:
		return "township"
	case Village:
		return "village"
	case Either:
		return "either"
	}
	return ""
}

// Task is a service task of the basic public health services that the township centre
// and its village clinics divide between them. Its values are stable codes.
type Task string

// The tasks of the division of labour, in the order of the specification's services.
const (
	TaskHealthEducation  Task = "education"           // 健康教育 (nbphs-spec §2)
	TaskVaccination      Task = "vaccination"         // 预防接种 (§3)
	TaskNewbornVisit     Task = "child_newborn"       // 新生儿家庭访视 (§4.1)
	TaskChildFullMonth   Task = "child_full_month"    // 满月健康管理 (§4.1)
	TaskChildInfant      Task = "child_infant"        // 3～36月龄婴幼儿健康检查 (§4.1)
	TaskChildPreschool   Task = "child_preschool"     // 4～6岁学龄前儿童健康检查 (§4.1)
	TaskPrenatal         Task = "maternal_prenatal"   // 产前随访服务 (§5.1)
	TaskPostpartumVisit  Task = "maternal_postpartum" // 产后访视 (§5.1)
	TaskPostpartumCheck  Task = "maternal_42day"      // 产后42天健康检查 (§5.1)
	TaskElderlyCheckup   Task = "elderly_checkup"     // 老年人健康体检 (§6)
	TaskElderlySelfCare  Task = "elderly_selfcare"    // 老年人生活自理能力评估 (§6)
	TaskHypertension     Task = "hypertension"        // 高血压患者随访 (§7.2)
	TaskDiabetes         Task = "diabetes"            // 2型糖尿病患者随访 (§8)
	TaskMental           Task = "mental"              // 严重精神障碍患者随访 (§9.2)
	TaskTBSupervision    Task = "tb"                  // 肺结核患者随访及督导服药 (§10)
	TaskTCM              Task = "tcm"                 // 中医药健康管理 (§11)
	TaskSupervisionAssit Task = "supervision_assist"  // 卫生监督协管信息报告 (§13)
)

// Tasks lists the tasks in the order of the specification's services.
var Tasks = []Task{
	TaskHealthEducation, TaskVaccination, TaskNewbornVisit, TaskChildFullMonth, TaskChildInfant, TaskChildPreschool,
	TaskPrenatal, TaskPostpartumVisit, TaskPostpartumCheck, TaskElderlyCheckup, TaskElderlySelfCare,
	TaskHypertension, TaskDiabetes, TaskMental, TaskTBSupervision, TaskTCM, TaskSupervisionAssit,
}

// IsValid reports whether t is one of [Tasks].
func (t Task) IsValid() bool {
	for _, x := range Tasks {
		if t == x {
			return true
		}
	}
	return false
}

// eventTask maps the kinds of the service timeline (healthrecord.ServiceEvent.Kind,
// their stable codes: each service package registers its own) to the tasks of the
// division. A child checkup's task depends on the child's age ([TaskOf]).
var eventTask = map[healthrecord.EventKind]Task{
	"vaccination":                       TaskVaccination,
	"newborn_visit":                     TaskNewbornVisit,
	"prenatal_visit":                    TaskPrenatal,
	"postpartum_visit":                  TaskPostpartumVisit,
	"postpartum_checkup":                TaskPostpartumCheck,
	healthrecord.EventCheckup:           TaskElderlyCheckup,
	healthrecord.EventElderlyAssessment: TaskElderlySelfCare,
	"hypertension_follow_up":            TaskHypertension,
	"diabetes_follow_up":                TaskDiabetes,
	"mental_follow_up":                  TaskMental,
	"tb_visit":                          TaskTBSupervision,
	healthrecord.EventTCM:               TaskTCM,
}

// Child ages bounding the child tasks, in completed months: the full-month visit is
// the contact of the first months (day 28–30, nbphs-spec §4.1), the infant checks run
// from 3 to 36 months, the pre-school checks at 4, 5 and 6 years (nbphs-spec §4.1).
const (
	infantFromMonths    = 3
	preschoolFromMonths = 37
)

// TaskOf returns the task of a service of kind k on the timeline delivered to a
// resident born on birth (needed for a child checkup; zero when unknown) on day d, and
// false when k is not a task of the division (the creation of a record, a
// consultation, a referral).
func TaskOf(k healthrecord.EventKind, birth, d gongwei.Date) (Task, bool) {
	if k == "child_checkup" {
		if birth.IsZero() || d.Before(birth) {
			return "", false
		}
		switch m := birth.AgeMonths(d); {
		case m < infantFromMonths:
			return TaskChildFullMonth, true
		case m < preschoolFromMonths:
			return TaskChildInfant, true
		default:
			return TaskChildPreschool, true
		}
	}
	t, ok := eventTask[k]
	return t, ok
}

// Assignment is one row of a division of labour: the level that delivers a task and
// where the rule comes from.
type Assignment struct {
	// Task is the service task divided.
	Task Task
	// By is the level that delivers the task.
	By Level
	// Source cites the rule; "UNCONFIRMED" marks an example value.
	Source string
}

// Division is the division of labour between the township health centre and its
// village clinics (乡村卫生服务一体化管理: which services the village clinic delivers and
// which the centre) and the share of the basic public health services' work given to
// the village clinics. It is the host's data: a province or county sets its own
// (the national documents set the principle and a share, not a table of tasks);
// [ExampleDivision] is an example built from the specification's rules where it names
// the place of a service.
type Division struct {
	// Name names the scheme ("national example", a province's document).
	Name string
	// Assignments are the tasks with the level that delivers each; a task not listed
	// has no assigned level.
	Assignments []Assignment
	// VillageSharePercent is the share of the basic public health services' tasks
	// (and of their funds) the scheme gives to the village clinics, in percent (0-100);
	// 0 when the scheme sets none.
	VillageSharePercent int
	// ShareSource cites the share.
	ShareSource string
	// Institutions are the host's directory of the institutions that deliver services
	// (the Provider.Institution of the service timeline) with their level; an
	// institution not listed is classified by [ByDivisionCode].
	Institutions map[string]Level
}

// Who returns the level that delivers task t, and false when the division does not
// assign it.
func (d *Division) Who(t Task) (Level, bool) {
	for _, a := range d.Assignments {
		if a.Task == t {
			return a.By, true
		}
	}
	return LevelUnknown, false
}

// LevelOf returns the level of the institution that delivered a service: from
// Institutions, else [ByDivisionCode].
func (d *Division) LevelOf(institution string) Level {
	if l, ok := d.Institutions[institution]; ok {
		return l
	}
	return ByDivisionCode(institution)
}

// Validate reports every problem of d at once as a *gongwei.ValidationError: no
// assignment, an unknown task or level, a task assigned twice, a missing source, a
// share out of 0-100 or without its source, an institution with an empty code or a
// level other than Township and Village.
func (d *Division) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "villageclinic.Division"
	ve.Check(len(d.Assignments) > 0, "Assignments", gongwei.CodeRequired)
	seen := map[Task]bool{}
	for i, a := range d.Assignments {
		p := "Assignments[" + strconv.Itoa(i) + "]."
		if a.Task == "" {
			ve.Add(p+"Task", gongwei.CodeRequired)
		} else {
			ve.Check(a.Task.IsValid(), p+"Task", gongwei.CodeUnknownCode)
		}
		ve.Check(!seen[a.Task], p+"Task", gongwei.CodeDuplicate)
		seen[a.Task] = true
		ve.Check(a.By.IsValid(), p+"By", gongwei.CodeUnknownCode)
		ve.Check(strings.TrimSpace(a.Source) != "", p+"Source", gongwei.CodeRequired)
	}
	ve.Check(d.VillageSharePercent >= 0 && d.VillageSharePercent <= 100, "VillageSharePercent", gongwei.CodeOutOfRange, 0, 100)
	ve.Check(d.VillageSharePercent == 0 || strings.TrimSpace(d.ShareSource) != "", "ShareSource", gongwei.CodeRequired)
	for code, l := range d.Institutions {
		ve.Check(strings.TrimSpace(code) != "", "Institutions", gongwei.CodeRequired)
		ve.Check(l == Township || l == Village, "Institutions", gongwei.CodeUnknownCode)
	}
	return ve.Err()
}

// ByDivisionCode classifies an institution coded by the division it serves, as the
// examples' synthetic county codes them: a 12-digit village code (nbphs-spec §1, the
// archive number's first 12 digits) is that village's clinic; a 9-digit township code,
// or one followed by 000, is the township health centre. Any other code is
// LevelUnknown: a host whose institutions carry other codes lists them in
// Division.Institutions.
func ByDivisionCode(institution string) Level {
	digits := strings.Trim(institution, "0123456789") == ""
	switch {
	case !digits:
		return LevelUnknown
	case len(institution) == 9 || (len(institution) == 12 && strings.HasSuffix(institution, "000")):
		return Township
	case len(institution) == 12:
		if v, err := healthrecord.ParseVillage(institution); err == nil && string(v) == institution {
			return Village
		}
	}
	return LevelUnknown
}

// Sources of the example division.
const (
	// srcShare is the share of the basic public health services' work and funds the
	// national notices give the village clinics.
	srcShare = "national basic public health services work notices and 国办发〔2015〕13号 (关于进一步加强乡村医生队伍建设的实施意见): about 40% of the tasks, with their funds, to village clinics — widely quoted, the texts not seen (UNCONFIRMED)"
	srcHost  = "UNCONFIRMED: no national table of tasks found; an example allocation, the host's data"
)

// ExampleDivision returns an example division of labour: where the specification names
// the place of a service, its rule (the full-month visit at the township centre, the
// infant checks at the centre or in a remote village's clinic, the pre-school checks at
// the centre or the kindergarten, the first prenatal check where the 母子健康手册 is
// issued, the 4th and 5th at a facility licensed for midwifery, the 42-day check of a
// normal delivery at the centre, TCM guidance by trained physicians including village
// doctors, health education's minimums set for both); elsewhere an example marked
// UNCONFIRMED. The village share is the 40% the national notices are quoted with
// (UNCONFIRMED). It is an example: a host sets its province's division.
func ExampleDivision() *Division {
	a := func(t Task, by Level, src string) Assignment { return Assignment{Task: t, By: by, Source: src} }
	return &Division{
		Name: "national example",
		Assignments: []Assignment{
			a(TaskHealthEducation, Either, "nbphs-spec §2.1 [R8]: minimums for the centre and for each village clinic"),
			a(TaskVaccination, Township, srcHost+" (the township's vaccination clinic, 接种单位)"),
			a(TaskNewbornVisit, Either, "nbphs-spec §4.1 [R12]: a home visit within 1 week of discharge; "+srcHost),
			a(TaskChildFullMonth, Township, "nbphs-spec §4.1 [R12]: township / community health centre"),
			a(TaskChildInfant, Either, "nbphs-spec §4.1 [R12] [R13] [R15]: the centre, the village clinic in remote areas"),
			a(TaskChildPreschool, Township, "nbphs-spec §4.1 [R12] [R14]: the centre, or the kindergarten"),
			a(TaskPrenatal, Township, "nbphs-spec §5.1 [R19] [R20] [R21]: booking at the township centre, the 4th and 5th at a facility licensed for midwifery"),
			a(TaskPostpartumVisit, Either, "nbphs-spec §5.1 [R19] [R20]: a home visit with the newborn's; "+srcHost),
			a(TaskPostpartumCheck, Township, "nbphs-spec §5.1 [R19] [R20] [R74]: a normal delivery's at the township centre"),
			a(TaskElderlyCheckup, Township, srcHost+" (the checkup's tests are the centre's)"),
			a(TaskElderlySelfCare, Either, srcHost),
			a(TaskHypertension, Village, srcHost),
			a(TaskDiabetes, Village, srcHost),
			a(TaskMental, Either, srcHost),
			a(TaskTBSupervision, Village, "nbphs-spec §10 [R40] [R41]: medical staff preferred as the treatment supporter; "+srcHost),
			a(TaskTCM, Either, "nbphs-spec §11.2 [R45]: trained physicians, village doctors included"),
			a(TaskSupervisionAssit, Either, srcHost),
		},
		VillageSharePercent: 40,
		ShareSource:         srcShare,
	}
}
