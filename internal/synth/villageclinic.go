package synth

import (
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/villageclinic"
	"slices"
)

// drawVillageClinic is the purpose of the village clinics' stream (indexed by the
// township), apart from every other.
const drawVillageClinic uint64 = 312

// Demonstration figures of the centre's work over its village clinics: the host's plan
// of visits (a local scheme's quarterly supervision, plan-services.md §9), the share of
// planned visits made, of visits finding problems and of those rectified, the pass mark
// and the scores. None is a national rule.
const (
	villageVisitsPlanned = 4
	villageVisitsMade    = 900 // per mille of the planned visits made
	villageFindings      = 300 // visits finding a problem
	villageRectified     = 800 // problems rectified within the 30 days set
	trainingSessions     = 4   // sessions a year, one a quarter
	trainingAttendance   = 900 // doctors attending a session
	trainingPassMark     = 60  // the example pass mark
	doctorsPerVillage    = 2
)

var villageFindingAreas = []struct{ area, problem string }{
	{"健康档案", "体检表填写不全"}, {"慢病随访", "随访记录缺血压值"}, {"药品管理", "过期药品未清理"}, {"预防接种", "冷链温度记录缺失"},
}

// VillagePlan returns township t's (1-based) supervision plan: each village clinic
// visited villageVisitsPlanned times a year (the example's plan).
func (c *County) VillagePlan(t int) *villageclinic.Plan {
	return &villageclinic.Plan{Villages: slices.Clone(c.townshipVillages(t)), VisitsPerVillage: villageVisitsPlanned}
}

// VillageClinics returns township t's (1-based) supervision visits of its village
// clinics (one a quarter, some missed; some finding a problem, most rectified) and its
// quarterly training sessions of the village doctors (most attending, scores around
// the pass mark), all dated in the year, on a stream of their own.
func (c *County) VillageClinics(t int) ([]*villageclinic.Visit, []*villageclinic.Training) {
	r := c.rng(t, drawVillageClinic)
	y := c.period
	quarter := func(q int) gongwei.Date { return y.Start.AddMonths(3 * q).AddDays(between(r, 5, 60)) }
	var visits []*villageclinic.Visit
	villages := c.townshipVillages(t)
	for _, v := range villages {
		for q := range villageVisitsPlanned {
			if !chance(r, villageVisitsMade) {
				continue
			}
			d := quarter(q)
			vis := &villageclinic.Visit{ID: villageclinic.ID(string(v) + "-V" + strconv.Itoa(q+1)), Village: v, Date: d,
				Items: []string{"健康档案", "慢病随访", "药品管理", "预防接种"}}
			if chance(r, villageFindings) {
				a := villageFindingAreas[r.IntN(len(villageFindingAreas))]
				f := villageclinic.Finding{Area: a.area, Problem: a.problem, RectifyBy: d.AddDays(30)}
				if fix := d.AddDays(between(r, 7, 30)); chance(r, villageRectified) && !fix.After(y.Last()) {
					f.Rectified = fix
				}
				vis.Findings = append(vis.Findings, f)
			}
			visits = append(visits, vis)
		}
	}
	var trainings []*villageclinic.Training
	for q := range trainingSessions {
		tr := &villageclinic.Training{ID: villageclinic.ID(c.Township(t) + "-T" + strconv.Itoa(q+1)), Township: c.Township(t),
			Date: quarter(q), Topic: educationTopics[r.IntN(len(educationTopics))] + "规范培训", Hours: 8, PassMark: trainingPassMark}
		for _, v := range villages {
			for k := range doctorsPerVillage {
				a := villageclinic.Attendee{Doctor: string(v) + "-" + strconv.Itoa(k+1), Village: v}
				if chance(r, trainingAttendance) {
					a.Attended = true
					score := between(r, 45, 100)
					a.Score = &score
				}
				tr.Attendees = append(tr.Attendees, a)
			}
		}
		trainings = append(trainings, tr)
	}
	return visits, trainings
}
