package synth

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/supervision"
)

// SupervisionYear is a township's year of supervision assistance and infectious disease
// reporting: its supervised units and everything dated in the year. Load it through
// supervision.Service (units first: an inspection needs its unit).
type SupervisionYear struct {
	Units            []*supervision.Unit
	Inspections      []*supervision.Inspection
	Complaints       []*supervision.Complaint
	Clues            []*supervision.Clue
	CaseReports      []*supervision.CaseReport
	EmergencyReports []*supervision.EmergencyReport
}

// unitCounts gives the number of units of each kind in a township of n residents and v
// villages: made-up demonstration figures.
var unitCounts = []struct {
	kind  supervision.UnitKind
	count func(n, v int) int
	name  string
}{
	{supervision.KindFood, func(n, v int) int { return 4 + n/1000 }, "饭店"},
	{supervision.KindBanquet, func(n, v int) int { return 1 + n/4000 }, "家庭宴席服务队"},
	{supervision.KindPublicPlace, func(n, v int) int { return 1 + n/3000 }, "旅馆"},
	{supervision.KindWaterCentral, func(n, v int) int { return 1 + v/5 }, "集中式供水站"},
	{supervision.KindWaterSchool, func(n, v int) int { return 1 }, "学校供水点"},
	{supervision.KindSchool, func(n, v int) int { return 1 + n/4000 }, "小学"},
	{supervision.KindMedical, func(n, v int) int { return 1 + v/2 }, "诊所"},
	{supervision.KindOccupational, func(n, v int) int { return 1 + n/5000 }, "加工厂"},
	{supervision.KindFamilyPlanning, func(n, v int) int { return 1 }, "计划生育服务站"},
}

// Demonstration shares (per mille) of the supervision year.
const (
	unitsNewInYear      = 120 // units registered during the year
	unitsClosedInYear   = 30  // units closed during the year
	diligentUnits       = 740 // inspected in every slice of their quota
	unitsMissingOne     = 180 // one slice missed; then half missed; the rest never inspected
	findingsShare       = 180 // inspections finding problems (with an opinion)
	rectifiedShare      = 880 // opinions found rectified at the follow-up check
	expiredCertificates = 80  // practitioners whose certificate has expired
	noCertificate       = 30  // practitioners without a certificate
	disqualifiedStaff   = 20  // practitioners with one of the five conditions
	removedStaff        = 850 // of them, moved off work
	seriousComplaints   = 120 // complaints of serious cases
	reportedClues       = 900 // clues reported to the supervision agency
	timelyCases         = 920 // case reports within the limit; lateCases late, the rest unreported
	lateCases           = 50
	timelyEmergencies   = 800 // emergency reports within 2 hours
)

// notifiable are demonstration case-report diseases (codes are the host's; none is in
// supervision.Diseases, so the limit is 24 hours).
var notifiable = []struct {
	code  string
	class supervision.DiseaseClass
}{
	{"hepatitis_b", supervision.ClassB}, {"tuberculosis", supervision.ClassB}, {"syphilis", supervision.ClassB},
	{"dysentery", supervision.ClassB}, {"hfmd", supervision.ClassC}, {"influenza", supervision.ClassC},
	{"mumps", supervision.ClassC}, {"infectious_diarrhoea", supervision.ClassC},
}

var complaintSummaries = []string{"餐具未消毒", "无健康证明上岗", "饮用水浑浊", "旅馆床单未更换", "学校食堂卫生差", "诊所无证行医"}

var inspectionItems = map[bool][]string{
	false: {"许可证", "健康证明", "卫生制度", "消毒设施"},
	true:  {"取水许可", "水质消毒", "水源防护", "健康证明"},
}

// Supervision returns township t's (1-based) supervision year: units of each kind with
// their practitioners (some certificates expired, a few staff with one of the five
// conditions, most removed), inspections on each unit's quota (supervision.Frequencies)
// with most units diligent, some missing a quarter or more, a few never inspected; water
// checks in the dry and wet seasons; complaints (some answered late), clues, infectious
// disease case reports (some late, a few not reported) and emergency reports.
func (c *County) Supervision(t int) *SupervisionYear {
	r := c.rng(t, drawSupervision)
	y := c.period
	last := y.Last()
	villages := c.townshipVillages(t)
	from, to := c.TownshipRange(t)
	n := to - from
	town := c.Township(t)
	out := &SupervisionYear{}
	village := func() healthrecord.Village { return villages[r.IntN(len(villages))] }
	serial := 0
	for _, uc := range unitCounts {
		for k := 0; k < uc.count(n, len(villages)); k++ {
			serial++
			u := c.unit(r, town, serial, uc.kind, uc.name, village())
			out.Units = append(out.Units, u)
			out.Inspections = append(out.Inspections, c.inspections(r, u)...)
		}
	}
	// A lead of illegal practice now and then, inspected on the clue.
	if r.IntN(3) == 0 {
		serial++
		u := c.unit(r, town, serial, supervision.KindIllegalPractice, "无证诊所", village())
		out.Units = append(out.Units, u)
		out.Inspections = append(out.Inspections, c.inspections(r, u)...)
	}

	for k := 0; k < 2+n/2500; k++ {
		cp := &supervision.Complaint{
			ID: supervision.ComplaintID(town + "-C" + pad3(k+1)), Village: village(),
			Received: dayIn(r, y.Start, last), Summary: complaintSummaries[r.IntN(len(complaintSummaries))],
			Serious: chance(r, seriousComplaints),
		}
		if r.IntN(10) < 7 {
			cp.Unit = out.Units[r.IntN(len(out.Units))].ID
		}
		switch x := r.IntN(100); {
		case x < 3: // not acted on yet
		case cp.Serious:
			cp.Transferred = cp.Received.AddDays(between(r, 0, 3))
			cp.Answered = cp.Transferred.AddDays(between(r, 5, 20))
			cp.Result = "已移交卫生监督所"
		case x < 85:
			cp.Answered = cp.Received.AddDays(between(r, 1, 6))
			cp.Result = "已责令整改"
		default:
			cp.Answered = cp.Received.AddDays(between(r, 7, 14))
			cp.Result = "已责令整改"
		}
		out.Complaints = append(out.Complaints, cp)
	}
	for k := 0; k < 1+n/4000; k++ {
		cl := &supervision.Clue{
			ID: supervision.ClueID(town + "-Q" + pad3(k+1)), Topic: supervision.ClueTopics[r.IntN(len(supervision.ClueTopics))],
			Village: village(), Found: dayIn(r, y.Start, last), Summary: "协管巡查发现的线索",
		}
		if chance(r, reportedClues) {
			cl.Reported = cl.Found.AddDays(r.IntN(3))
		}
		out.Clues = append(out.Clues, cl)
	}
	for k := 0; k < 1+n*25/10000; k++ {
		dz := notifiable[r.IntN(len(notifiable))]
		day := dayIn(r, y.Start, last)
		yy, mm, dd := day.Date()
		diag := time.Date(yy, mm, dd, between(r, 8, 17), r.IntN(60), 0, 0, supervision.Shanghai)
		cr := &supervision.CaseReport{
			ID: supervision.CaseReportID(town + "-R" + itoa(k+1)), Village: village(), Disease: dz.code, Class: dz.class,
			Diagnosed: diag, Registered: day,
		}
		switch x := r.IntN(1000); {
		case x < timelyCases:
			cr.Reported = diag.Add(time.Duration(between(r, 20, 23*60)) * time.Minute)
		case x < timelyCases+lateCases:
			cr.Reported = diag.Add(time.Duration(between(r, 25, 72)) * time.Hour)
		}
		out.CaseReports = append(out.CaseReports, cr)
	}
	for k := 0; k < 1+n/5000; k++ {
		day := dayIn(r, y.Start, last)
		yy, mm, dd := day.Date()
		at := time.Date(yy, mm, dd, between(r, 7, 20), r.IntN(60), 0, 0, supervision.Shanghai)
		er := &supervision.EmergencyReport{
			ID: supervision.EmergencyReportID(town + "-E" + pad3(k+1)), Village: village(), Event: "聚集性腹泻", Discovered: at,
		}
		if chance(r, timelyEmergencies) {
			er.Reported = at.Add(time.Duration(between(r, 20, 115)) * time.Minute)
		} else {
			er.Reported = at.Add(time.Duration(between(r, 125, 400)) * time.Minute)
		}
		out.EmergencyReports = append(out.EmergencyReports, er)
	}
	return out
}

// unit generates supervised unit number serial of township town.
func (c *County) unit(r *rand.Rand, town string, serial int, kind supervision.UnitKind, name string, v healthrecord.Village) *supervision.Unit {
	y := c.period
	last := y.Last()
	u := &supervision.Unit{
		ID: supervision.UnitID(town + "-U" + pad3(serial)), Kind: kind, Name: name + itoa(serial),
		Address: string(v[9:]) + "号", Village: v, Responsible: "负责人" + itoa(serial),
		Registered: dayIn(r, gongwei.MustDate(2012, 1, 1), y.Start.AddDays(-1)),
	}
	if chance(r, unitsNewInYear) {
		u.Registered = dayIn(r, y.Start, y.Start.AddMonths(10))
	}
	if chance(r, unitsClosedInYear) {
		u.Closed = dayIn(r, laterOf(u.Registered.AddDays(1), y.Start), last)
	}
	switch kind {
	case supervision.KindIllegalPractice, supervision.KindBanquet:
		return u
	}
	u.Licences = []supervision.Licence{{Kind: "卫生许可证", Number: "L" + string(v[6:]) + pad3(serial), Issued: u.Registered, Expires: u.Registered.AddYears(5).AddDays(-1)}}
	if u.Licences[0].Expires.Before(last) {
		u.Licences[0].Issued = u.Licences[0].Expires.AddDays(1)
		u.Licences[0].Expires = u.Licences[0].Issued.AddYears(5).AddDays(-1)
	}
	staff := between(r, 1, 5)
	for k := 0; k < staff; k++ {
		p := supervision.Practitioner{Name: "从业人员" + itoa(serial*10+k), TrainingHours: float64(r.IntN(13))}
		var issued gongwei.Date
		switch x := r.IntN(1000); {
		case x < noCertificate:
		case x < noCertificate+expiredCertificates:
			issued = dayIn(r, last.AddDays(-500), last.AddDays(-366))
		default:
			issued = dayIn(r, last.AddDays(-364), last)
		}
		if !issued.IsZero() {
			p.Certificate = supervision.HealthCertificate{Number: "HC" + digits8(issued) + itoa(k), Issued: issued, Expires: issued.AddYears(1).AddDays(-1)}
		}
		if chance(r, disqualifiedStaff) {
			p.Conditions = []supervision.Condition{supervision.FiveConditions[r.IntN(len(supervision.FiveConditions))]}
			if chance(r, removedStaff) {
				p.Removed = dayIn(r, y.Start, last)
			}
		}
		u.Practitioners = append(u.Practitioners, p)
	}
	if r.IntN(10) < 6 {
		u.Trainings = []supervision.Training{{Date: dayIn(r, y.Start, last), Topic: "卫生知识培训", Hours: float64(between(r, 2, 4)), Attendees: len(u.Practitioners)}}
	}
	return u
}

// inspections generates the year's inspections of u: one in each slice of its kind's
// quota that ends on or after its registration (pro rata, as supervision.MeetsFrequency
// counts), with diligentUnits per mille doing every slice, unitsMissingOne missing one,
// then half missing half and the rest none; kinds without a quota get 0-2 inspections.
func (c *County) inspections(r *rand.Rand, u *supervision.Unit) []*supervision.Inspection {
	y := c.period
	last := y.Last()
	if !u.Closed.IsZero() {
		last = u.Closed.AddDays(-1)
	}
	f := supervision.Frequencies[u.Kind]
	var dates []gongwei.Date
	var seasons []supervision.Season
	if f.PerYear <= 0 || 12%f.PerYear != 0 {
		for k := r.IntN(3); k > 0; k-- {
			dates = append(dates, dayIn(r, laterOf(u.Registered, y.Start), last))
			seasons = append(seasons, "")
		}
	} else {
		months := 12 / f.PerYear
		var owed []int // the slices ending on or after registration
		for k := 0; k < f.PerYear; k++ {
			if !y.Start.AddMonths((k + 1) * months).AddDays(-1).Before(u.Registered) {
				owed = append(owed, k)
			}
		}
		miss := map[int]bool{}
		switch x := r.IntN(1000); {
		case x < diligentUnits:
		case x < diligentUnits+unitsMissingOne:
			if len(owed) > 0 {
				miss[owed[r.IntN(len(owed))]] = true
			}
		case x < 985:
			for _, k := range owed {
				miss[k] = r.IntN(2) == 0
			}
		default:
			for _, k := range owed {
				miss[k] = true
			}
		}
		for _, k := range owed {
			lo := laterOf(y.Start.AddMonths(k*months), u.Registered)
			hi := earlierOf(y.Start.AddMonths((k+1)*months).AddDays(-1), last)
			if miss[k] || hi.Before(lo) {
				continue
			}
			dates = append(dates, dayIn(r, lo, hi))
			s := supervision.Season("")
			if f.Seasonal {
				s = supervision.SeasonDry
				if k*months >= 6 {
					s = supervision.SeasonWet
				}
			}
			seasons = append(seasons, s)
		}
	}
	var out []*supervision.Inspection
	seen := map[gongwei.Date]bool{}
	for k, d := range dates {
		if seen[d] || d.Before(u.Registered) {
			continue
		}
		seen[d] = true
		in := &supervision.Inspection{
			ID: supervision.InspectionID(string(u.ID) + "-" + digits8(d)), Unit: u.ID, Village: u.Village, Date: d,
			Inspectors: []string{"协管员" + string(u.Village[6:9]) + "1"}, Items: slices.Clone(inspectionItems[u.Kind.IsWater()]), Season: seasons[k],
		}
		if chance(r, findingsShare) {
			in.Findings = []string{"消毒记录不全"}
			in.Opinion = &supervision.Opinion{Issued: d, Deadline: d.AddDays(15), Requirements: []string{"补全消毒记录"}}
			if fu := d.AddDays(between(r, 16, 25)); !fu.After(y.Last()) {
				in.Opinion.FollowUp, in.Opinion.Rectified = fu, chance(r, rectifiedShare)
			}
		}
		out = append(out, in)
	}
	return out
}
