// Package growthpage builds the child growth section of the examples' HTML reports: the
// WHO weight-for-age and length/height-for-age charts (child.GrowthChart) of one child
// read back from the child store, captioned without personal data. The township and
// county examples share it.
package growthpage

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strconv"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/examples/internal/words"
	"github.com/gongwei-lib/gongwei/indicators"
)

// MinMeasured is how many measured visits the child of the growth chart must have.
const MinMeasured = 3

// growthPick is the child shown on the growth chart and its measurements on the WHO
// standards: weight-for-age and length/height-for-age points.
type growthPick struct {
	Child          *child.Child
	Weight, Length []child.ChartPoint
}

// pickChild returns the first child (in ID order) under the division prefix with at least
// MinMeasured visits that measured the weight inside the WHO standard, read back through
// the child store, or nil when there is none. Length/height is adjusted to the position
// the standard expects for the age (child.AdjustLengthHeight).
func pickChild(ctx context.Context, s child.Store, prefix string) (*growthPick, error) {
	for c, err := range s.Children(ctx, child.ChildFilter{Prefix: prefix}) {
		if err != nil {
			return nil, err
		}
		if c.Sex != gongwei.Male && c.Sex != gongwei.Female {
			continue
		}
		p := &growthPick{Child: c}
		for v, err := range s.Visits(ctx, child.VisitFilter{Child: c.ID}) {
			if err != nil {
				return nil, err
			}
			age, m := c.AgeDays(v.Date), v.Measurement
			if m.WeightKg > 0 && !m.Oedema {
				if _, err := child.ZScore(child.WeightForAge, c.Sex, age, m.WeightKg); err == nil {
					p.Weight = append(p.Weight, child.ChartPoint{AgeDays: age, Measure: m.WeightKg})
				}
			}
			if m.LengthHeightCm > 0 {
				cm := child.AdjustLengthHeight(age, m.LengthHeightCm, m.Position)
				if _, err := child.ZScore(child.LengthHeightForAge, c.Sex, age, cm); err == nil {
					p.Length = append(p.Length, child.ChartPoint{AgeDays: age, Measure: cm})
				}
			}
		}
		if len(p.Weight) >= MinMeasured {
			return p, nil
		}
	}
	return nil, nil
}

// Section returns the HTML report's child growth section: the WHO weight-for-age
// chart, and the length/height-for-age chart when the child has such points, of the
// child pickChild chooses, as inline SVG (child.GrowthChart). The caption states the sex,
// the number of measurements and the age range; never a name or an ID number. ok is
// false when no child qualifies.
func Section(ctx context.Context, s child.Store, prefix string, area Area, tag language.Tag) (sec indicators.HTMLSection, ok bool, err error) {
	p, err := pickChild(ctx, s, prefix)
	if err != nil || p == nil {
		return sec, false, err
	}
	var body bytes.Buffer
	for _, c := range []struct {
		ind    child.Indicator
		points []child.ChartPoint
	}{{child.WeightForAge, p.Weight}, {child.LengthHeightForAge, p.Length}} {
		if len(c.points) == 0 {
			continue
		}
		g := child.GrowthChart{Indicator: c.ind, Sex: p.Child.Sex, Points: c.points, Lang: tag}
		if err := g.WriteSVG(&body); err != nil {
			return sec, false, err
		}
	}
	sec = indicators.HTMLSection{ID: "growth", Heading: growthHeading(tag), Body: template.HTML(body.String())}
	sec.Paragraphs = []string{caption(tag, area, p)}
	return sec, true, nil
}

// ageRange returns the first and last ages of points in months, one decimal (WHO's
// 30.4375 days a month).
func ageRange(points []child.ChartPoint) (string, string) {
	lo, hi := points[0].AgeDays, points[0].AgeDays
	for _, q := range points {
		lo, hi = min(lo, q.AgeDays), max(hi, q.AgeDays)
	}
	m := func(d int) string { return strconv.FormatFloat(float64(d)/30.4375, 'f', 1, 64) }
	return m(lo), m(hi)
}

func growthHeading(tag language.Tag) string {
	return words.Of(tag, "儿童生长曲线", "兒童生長曲線", "Child growth chart")
}

// caption describes the charted child by sex, measurement count and age range only.
func caption(tag language.Tag, area Area, p *growthPick) string {
	from, to := ageRange(p.Weight)
	n := len(p.Weight)
	girl := p.Child.Sex == gongwei.Female
	sex := words.Of(tag, "男童", "男童", "a boy")
	if girl {
		sex = words.Of(tag, "女童", "女童", "a girl")
	}
	return fmt.Sprintf(words.Of(tag,
		"本%s一名儿童（%s）：体重测量%d次，年龄%s～%s个月，对照WHO儿童生长标准。不显示姓名和身份证号。",
		"本%s一名兒童（%s）：體重測量%d次，年齡%s～%s個月，對照WHO兒童生長標準。不顯示姓名和身份證號。",
		"One child of the %s, %s: %d weight measurements from %s to %s months of age, on the WHO Child Growth Standards. Name and ID number are not shown."),
		words.Of(tag, areaHans[area], areaHant[area], areaEn[area]), sex, n, from, to)
}

// Area is the jurisdiction the charted child is drawn from, named in the caption.
type Area int

// The areas.
const (
	Township Area = iota // 乡镇
	County               // 县
)

var (
	areaEn   = [...]string{Township: "township", County: "county"}
	areaHans = [...]string{Township: "乡镇", County: "县"}
	areaHant = [...]string{Township: "鄉鎮", County: "縣"}
)
