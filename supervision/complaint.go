package supervision

import (
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ComplaintID identifies a complaint or report (投诉举报).
type ComplaintID string

// Working-day limits for complaints and reports (plan-targets.md, 卫生监督协管: "minor cases
// handled and answered within 5 working days; serious cases reported upward within 1
// working day"). Plan figures, not national rules.
const (
	// AnswerWorkingDays is the limit to handle and answer a minor complaint.
	AnswerWorkingDays = 5
	// EscalateWorkingDays is the limit to report a serious complaint upward (to the county
	// health inspection institution).
	EscalateWorkingDays = 1
)

// Complaint is one complaint or report (投诉举报) received by the assistance post.
type Complaint struct {
	// ID identifies the complaint in its store.
	ID ComplaintID
	// Unit is the unit complained about, when known.
	Unit UnitID
	// Village is the 12-digit division code where the matter arose.
	Village healthrecord.Village
	// Received is the day the complaint was received (not counted in the deadline).
	Received gongwei.Date
	// Serious marks a serious case, reported upward rather than handled locally.
	Serious bool
	// Summary describes the matter, without the complainant's personal data.
	Summary string
	// Transferred is the day the case was transferred (reported) to the health inspection
	// institution (卫生监督所), zero if not.
	Transferred gongwei.Date
	// Answered is the day the complainant was answered (minor cases) or the result of the
	// transferred case was filed back, zero until then.
	Answered gongwei.Date
	// Result records the outcome.
	Result string
	// Version is the optimistic-locking version.
	Version int64
}

// Deadline returns the complaint's deadline: for a serious case the day by which it must
// be reported upward (EscalateWorkingDays after receipt), for a minor case the day by
// which it must be answered (AnswerWorkingDays). Days follow the default calendar; a
// year without an arrangement gives a *NoCalendarError.
func (c *Complaint) Deadline() (gongwei.Date, error) {
	return c.DeadlineIn(defaultCalendar)
}

// DeadlineIn is Deadline on calendar cal.
func (c *Complaint) DeadlineIn(cal *Calendar) (gongwei.Date, error) {
	n := AnswerWorkingDays
	if c.Serious {
		n = EscalateWorkingDays
	}
	return cal.AddWorkingDays(c.Received, n)
}

// acted returns the day that meets the deadline: the transfer for a serious case, the
// answer for a minor one (or its transfer: a minor case passed on in time is handled in
// time).
func (c *Complaint) acted() gongwei.Date {
	if c.Serious {
		return c.Transferred
	}
	if c.Answered.IsZero() || (!c.Transferred.IsZero() && c.Transferred.Before(c.Answered)) {
		return c.Transferred
	}
	return c.Answered
}

// Timely reports whether the complaint was acted on by its deadline, and whether it has
// been acted on at all (a case not yet acted on is not timely, and on is false).
func (c *Complaint) Timely() (timely, acted bool, err error) {
	dl, err := c.Deadline()
	if err != nil {
		return false, false, err
	}
	a := c.acted()
	if a.IsZero() {
		return false, false, nil
	}
	return !a.After(dl), true, nil
}

// Overdue reports whether, on d, the deadline has passed without action.
func (c *Complaint) Overdue(d gongwei.Date) (bool, error) {
	dl, err := c.Deadline()
	if err != nil {
		return false, err
	}
	a := c.acted()
	return (a.IsZero() || a.After(d)) && d.After(dl), nil
}

// Validate reports every problem at once.
func (c *Complaint) Validate() error { return c.validateOn(gongwei.Today()) }

func (c *Complaint) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.Complaint"
	c.plausible(&ve, today)
	ve.Check(c.ID != "", "ID", gongwei.CodeRequired)
	ve.Check(!c.Received.IsZero(), "Received", gongwei.CodeRequired)
	ve.Check(strings.TrimSpace(c.Summary) != "", "Summary", gongwei.CodeRequired)
	if c.Village != "" {
		ve.Check(validVillage(c.Village), "Village", gongwei.CodeFormat)
	}
	ve.Check(c.Transferred.IsZero() || c.Received.IsZero() || !c.Transferred.Before(c.Received), "Transferred", gongwei.CodeOrder)
	ve.Check(c.Answered.IsZero() || c.Received.IsZero() || !c.Answered.Before(c.Received), "Answered", gongwei.CodeOrder)
	return ve.Err()
}

// validVillage reports whether v is a well-formed 12-digit village code.
func validVillage(v healthrecord.Village) bool {
	p, err := healthrecord.ParseVillage(string(v))
	return err == nil && p == v
}

// checkVillage records a missing or malformed village code.
func checkVillage(ve *gongwei.ValidationError, v healthrecord.Village) {
	if v == "" {
		ve.Add("Village", gongwei.CodeRequired)
		return
	}
	ve.Check(validVillage(v), "Village", gongwei.CodeFormat)
}

// ClueID identifies an information clue.
type ClueID string

// ClueTopic is the item of nbphs-spec §13 a clue belongs to.
type ClueTopic string

// The clue topics: the five items of nbphs-spec §13.
const (
	ClueFood           ClueTopic = "food"            // 食源性疾病及相关信息
	ClueWater          ClueTopic = "water"           // 饮用水卫生安全
	ClueSchool         ClueTopic = "school"          // 学校卫生
	ClueIllegal        ClueTopic = "illegal"         // 非法行医和非法采供血
	ClueFamilyPlanning ClueTopic = "family_planning" // 计划生育
)

// ClueTopics lists the topics in nbphs-spec §13's order.
var ClueTopics = []ClueTopic{ClueFood, ClueWater, ClueSchool, ClueIllegal, ClueFamilyPlanning}

// Clue is one event or clue found while assisting (卫生计生监督协管信息报告登记, nbphs-spec
// §13, §16): the unit of the information reporting rate (sup.info_report = clues
// reported ÷ clues found).
type Clue struct {
	// ID identifies the clue in its store; Topic is the item of nbphs-spec §13 it
	// belongs to.
	ID    ClueID
	Topic ClueTopic
	// Unit is the unit concerned, when there is one.
	Unit UnitID
	// Village is the 12-digit division code where it was found.
	Village healthrecord.Village
	// Found is the day it was found; Reported the day it was reported to the supervision
	// agency (zero if not reported).
	Found    gongwei.Date
	Reported gongwei.Date
	// Summary describes it, without personal data.
	Summary string
	// Version is the optimistic-locking version.
	Version int64
}

// Validate reports every problem at once.
func (c *Clue) Validate() error { return c.validateOn(gongwei.Today()) }

func (c *Clue) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "supervision.Clue"
	c.plausible(&ve, today)
	ve.Check(c.ID != "", "ID", gongwei.CodeRequired)
	known := false
	for _, t := range ClueTopics {
		known = known || t == c.Topic
	}
	if c.Topic == "" {
		ve.Add("Topic", gongwei.CodeRequired)
	} else {
		ve.Check(known, "Topic", gongwei.CodeUnknownCode)
	}
	checkVillage(&ve, c.Village)
	ve.Check(!c.Found.IsZero(), "Found", gongwei.CodeRequired)
	ve.Check(c.Reported.IsZero() || c.Found.IsZero() || !c.Reported.Before(c.Found), "Reported", gongwei.CodeOrder)
	return ve.Err()
}
