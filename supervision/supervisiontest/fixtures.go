// Package supervisiontest checks implementations of [supervision.Store] against the
// store contract (TestStore, like testing/fstest.TestFS) and provides fixtures that build
// valid records for hosts' own tests.
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		supervisiontest.TestStore(t, func(t *testing.T) supervision.Store { return mystore.Open(t) })
//	}
package supervisiontest

import (
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/supervision"
)

// Villages used by the fixtures: two villages of one township and one of another.
const (
	VillageA healthrecord.Village = "110101001001"
	VillageB healthrecord.Village = "110101001002"
	VillageC healthrecord.Village = "110101002001"
)

// Unit returns a valid food-establishment unit with every field filled: a licence, two
// practitioners (one with a disqualifying condition, removed) and a training.
func Unit(id supervision.UnitID, v healthrecord.Village) *supervision.Unit {
	return &supervision.Unit{
		ID: id, Kind: supervision.KindFood, Name: "示例饭店", Address: "示例路1号",
		Village: v, Responsible: "张三", Registered: gongwei.MustDate(2024, 3, 1),
		Licences: []supervision.Licence{{Kind: "食品经营许可证", Number: "JY0000001", Issued: gongwei.MustDate(2024, 3, 1), Expires: gongwei.MustDate(2029, 2, 28)}},
		Practitioners: []supervision.Practitioner{
			{Name: "李四", Certificate: supervision.HealthCertificate{Number: "HC001", Issued: gongwei.MustDate(2025, 1, 10), Expires: gongwei.MustDate(2026, 1, 9)}, TrainingHours: 8},
			{Name: "王五", Certificate: supervision.HealthCertificate{Number: "HC002", Issued: gongwei.MustDate(2025, 2, 1), Expires: gongwei.MustDate(2026, 1, 31)},
				Conditions: []supervision.Condition{supervision.ConditionSkin}, Removed: gongwei.MustDate(2025, 2, 3)},
		},
		Trainings: []supervision.Training{{Date: gongwei.MustDate(2025, 4, 2), Topic: "食品安全", Hours: 2, Attendees: 6}},
	}
}

// Inspection returns a valid inspection of unit on d, with a finding and its
// rectification opinion (deadline 15 days later, followed up and rectified).
func Inspection(id supervision.InspectionID, unit supervision.UnitID, v healthrecord.Village, d gongwei.Date) *supervision.Inspection {
	return &supervision.Inspection{
		ID: id, Unit: unit, Village: v, Date: d,
		Inspectors: []string{"协管员甲", "协管员乙"},
		Items:      []string{"许可证", "健康证明", "消毒设施"},
		Findings:   []string{"消毒记录不全"},
		Opinion: &supervision.Opinion{Issued: d, Deadline: d.AddDays(15), Requirements: []string{"补全消毒记录"},
			FollowUp: d.AddDays(16), Rectified: true},
	}
}

// Complaint returns a valid minor complaint received on d, answered 3 days later.
func Complaint(id supervision.ComplaintID, v healthrecord.Village, d gongwei.Date) *supervision.Complaint {
	return &supervision.Complaint{ID: id, Unit: "U1", Village: v, Received: d, Summary: "餐具未消毒",
		Answered: d.AddDays(3), Result: "已责令整改"}
}

// Clue returns a valid clue found on d and reported the day after.
func Clue(id supervision.ClueID, v healthrecord.Village, d gongwei.Date) *supervision.Clue {
	return &supervision.Clue{ID: id, Topic: supervision.ClueIllegal, Unit: "U1", Village: v, Found: d,
		Reported: d.AddDays(1), Summary: "疑似非法行医"}
}

// CaseReport returns a valid class-B case report diagnosed at 09:30 Asia/Shanghai on d
// and reported 3 hours later.
func CaseReport(id supervision.CaseReportID, v healthrecord.Village, d gongwei.Date) *supervision.CaseReport {
	y, m, dd := d.Date()
	diag := time.Date(y, m, dd, 9, 30, 0, 0, supervision.Shanghai)
	return &supervision.CaseReport{ID: id, Resident: "11010100100100001", Village: v, Disease: "measles",
		Class: supervision.ClassB, Diagnosed: diag, Registered: d, Reported: diag.Add(3 * time.Hour)}
}

// EmergencyReport returns a valid emergency report discovered at 14:00 Asia/Shanghai on
// d and reported 1 hour later.
func EmergencyReport(id supervision.EmergencyReportID, v healthrecord.Village, d gongwei.Date) *supervision.EmergencyReport {
	y, m, dd := d.Date()
	at := time.Date(y, m, dd, 14, 0, 0, 0, supervision.Shanghai)
	return &supervision.EmergencyReport{ID: id, Village: v, Event: "学校聚集性腹泻", Discovered: at, Reported: at.Add(time.Hour)}
}
