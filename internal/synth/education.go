package synth

import (
	"math/rand/v2"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/education"
)

// shortItems is the share (per mille) of an institution's yearly items (each line of
// education.Minimums) that fall short of the minimum; the others meet it with a margin.
const shortItems = 60

var educationTopics = []string{
	"高血压防治", "糖尿病防治", "合理膳食", "控烟限酒", "预防接种", "结核病防治", "孕产期保健", "儿童保健",
	"老年人健康管理", "心理健康", "传染病防控", "中医药养生", "食品安全", "饮水卫生", "慢性病自我管理", "急救知识",
}

// Education returns the health education activities of township t's (1-based) health
// centre (division code: the township's 9 digits) and of each of its village clinics (the
// village's 12 digits), dated in the year: kinds of printed and audio-visual material,
// bulletin boards renewed about every two months, consultation events on the national
// health days, lectures and a few individual sessions. Most items meet the institution's
// minimum (education.Minimums); shortItems per mille fall one to four short, so some
// institutions miss their minimums.
func (c *County) Education(t int) []*education.Activity {
	r := c.rng(t, drawEducation)
	var out []*education.Activity
	out = c.institution(r, out, c.Township(t), education.Centre)
	for _, v := range c.townshipVillages(t) {
		out = c.institution(r, out, string(v), education.Station)
	}
	return out
}

// institution appends the year's activities of one institution.
func (c *County) institution(r *rand.Rand, out []*education.Activity, division string, inst education.Institution) []*education.Activity {
	y := c.period
	last := y.Last()
	minimum := map[education.Item]int{}
	for _, m := range education.Minimums[inst] {
		minimum[m.Item] = m.PerYear
	}
	count := func(it education.Item) int {
		m := minimum[it]
		if chance(r, shortItems) {
			return max(m-between(r, 1, 4), 0)
		}
		return m + r.IntN(3)
	}
	serial := 0
	add := func(k education.Kind, d gongwei.Date, title string) *education.Activity {
		serial++
		topic := educationTopics[r.IntN(len(educationTopics))]
		a := &education.Activity{
			ID: education.ID(division + "-H" + pad3(serial)), Division: division, Institution: inst, Kind: k,
			Date: d, Topic: topic, Title: title, Place: "卫生室",
		}
		if inst == education.Centre {
			a.Place = "卫生院"
		}
		out = append(out, a)
		return a
	}
	prints := count(education.ItemPrintKinds)
	for k := 0; k < prints; k++ {
		a := add(education.KindPrint, dayIn(r, y.Start, last), "宣传折页"+itoa(k+1))
		a.Materials = between(r, 50, 500)
	}
	avs := count(education.ItemAVKinds)
	for k := 0; k < avs; k++ {
		a := add(education.KindAV, dayIn(r, y.Start, last), "宣传片"+itoa(k+1))
		a.Materials = between(r, 5, 40)
		a.Minutes = a.Materials * avPlayMinutes
	}
	// Boards: the kept boards, each renewed in the bimonths it is kept up.
	boards := minimum[education.ItemBoards]
	if chance(r, shortItems) {
		boards--
	}
	renewals := count(education.ItemBoardRenewals)
	for b := 0; b < boards; b++ {
		for k := 0; k < 6; k++ {
			if k >= renewals {
				break
			}
			from := y.Start.AddMonths(2 * k)
			add(education.KindBoard, dayIn(r, from, from.AddMonths(2).AddDays(-1)), "宣传栏"+itoa(b+1))
		}
		// A seventh renewal for a margin above the minimum.
		if renewals > 6 {
			add(education.KindBoard, dayIn(r, y.Start.AddMonths(11), last), "宣传栏"+itoa(b+1)).Topic = "年终宣传"
		}
	}
	// Consultation events on the health days first, then on other days.
	days := education.Calendar(y)
	consultations := count(education.ItemConsultations)
	for k := 0; k < consultations; k++ {
		d := dayIn(r, y.Start, last)
		hd := ""
		if k < len(days) {
			d, hd = days[k].Date, days[k].Code
		}
		a := add(education.KindConsultation, d, "")
		a.HealthDay, a.Attendees, a.Audience = hd, between(r, 40, 300), "辖区居民"
	}
	lectures := count(education.ItemLectures)
	for k := 0; k < lectures; k++ {
		a := add(education.KindLecture, dayIn(r, y.Start, last), "")
		a.Attendees, a.Audience = between(r, 15, 80), "辖区居民"
	}
	for k := r.IntN(4); k > 0; k-- {
		a := add(education.KindIndividual, dayIn(r, y.Start, last), "")
		a.Attendees = 1
	}
	return out
}
