package child

import (
	"bytes"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// ChartPoint is one measurement of a child on a growth chart.
type ChartPoint struct {
	// AgeDays is the age in completed days since birth, 0 to [MaxAgeDays].
	AgeDays int
	// Measure is the measurement in the indicator's unit: weight in kg, length/height
	// and head circumference in cm, BMI in kg/m². Length/height is taken as the
	// standard expects it for the age (see [AdjustLengthHeight]).
	Measure float64
}

// GrowthChart is a WHO growth chart of one child: the −3, −2, 0, +2 and +3 SD curves of
// an age-based indicator of the WHO Child Growth Standards from birth to 60 months (day
// 0 to [MaxAgeDays]), drawn from the embedded LMS tables with [Centile], and the child's
// measurements on them. Write it with [GrowthChart.WriteSVG].
type GrowthChart struct {
	// Indicator is WeightForAge, LengthHeightForAge, BMIForAge or
	// HeadCircumferenceForAge.
	Indicator Indicator
	// Sex is Male or Female: the standards are by sex.
	Sex gongwei.Sex
	// Points are the child's measurements, in any order.
	Points []ChartPoint
	// Lang is the language of the labels (zh-Hans, zh-Hant or en; zh-Hans when unset).
	Lang language.Tag
	// Title replaces the default title ("年龄别体重（男童，0～5岁）"). It is escaped.
	Title string
	// Width and Height are the chart's size in pixels; 720 × 480 when zero, at least
	// 320 × 240.
	Width, Height int
}

// GrowthChartSVG writes the WHO growth chart of indicator ind for a child of sex sex with
// its measurements as an SVG element, with simplified Chinese labels: see [GrowthChart]
// and [GrowthChart.WriteSVG].
func GrowthChartSVG(w io.Writer, ind Indicator, sex gongwei.Sex, points []ChartPoint) error {
	c := GrowthChart{Indicator: ind, Sex: sex, Points: points}
	return c.WriteSVG(w)
}

// Chart geometry (pixels) and style.
const (
	chartMarginLeft   = 60
	chartMarginRight  = 44 // room for the SD labels
	chartMarginTop    = 48 // the title and the source line
	chartMarginBottom = 52 // month labels and the axis title
	chartSampleDays   = 7  // the SD curves are sampled weekly, plus the last day
)

// chartCurves are the SD lines drawn, with WHO's chart colours: the median green, ±2 SD
// red, ±3 SD black.
var chartCurves = []struct {
	z      float64
	label  string
	colour string
}{
	{3, "3", "#000000"},
	{2, "2", "#d62728"},
	{0, "0", "#2ca02c"},
	{-2, "-2", "#d62728"},
	{-3, "-3", "#000000"},
}

// Catalog keys of the chart's labels.
var chartIndicatorKeys = map[Indicator]string{
	WeightForAge:            "child.chart.wfa",
	LengthHeightForAge:      "child.chart.lhfa",
	BMIForAge:               "child.chart.bfa",
	HeadCircumferenceForAge: "child.chart.hcfa",
}

// chartUnits are the units of the age-based indicators.
var chartUnits = map[Indicator]string{
	WeightForAge: "kg", LengthHeightForAge: "cm", BMIForAge: "kg/m²", HeadCircumferenceForAge: "cm",
}

const (
	keyChartBoys   = "child.chart.boys"
	keyChartGirls  = "child.chart.girls"
	keyChartTitle  = "child.chart.title"
	keyChartAge    = "child.chart.age"
	keyChartSource = "child.chart.source"
	keyChartPoint  = "child.chart.point"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: chartIndicatorKeys[WeightForAge], ZhHans: "年龄别体重", ZhHant: "年齡別體重", En: "Weight-for-age"},
		gongwei.Message{Key: chartIndicatorKeys[LengthHeightForAge], ZhHans: "年龄别身长/身高", ZhHant: "年齡別身長/身高", En: "Length/height-for-age"},
		gongwei.Message{Key: chartIndicatorKeys[BMIForAge], ZhHans: "年龄别BMI", ZhHant: "年齡別BMI", En: "BMI-for-age"},
		gongwei.Message{Key: chartIndicatorKeys[HeadCircumferenceForAge], ZhHans: "年龄别头围", ZhHant: "年齡別頭圍", En: "Head circumference-for-age"},
		gongwei.Message{Key: keyChartBoys, ZhHans: "男童", ZhHant: "男童", En: "boys"},
		gongwei.Message{Key: keyChartGirls, ZhHans: "女童", ZhHant: "女童", En: "girls"},
		gongwei.Message{Key: keyChartTitle, ZhHans: "%v（%v，0～5岁）", ZhHant: "%v（%v，0～5歲）", En: "%v (%v, 0–5 years)"},
		gongwei.Message{Key: keyChartAge, ZhHans: "月龄", ZhHant: "月齡", En: "Age (months)"},
		gongwei.Message{Key: keyChartSource, ZhHans: "WHO儿童生长标准（2006），曲线为 −3、−2、0、+2、+3 SD", ZhHant: "WHO兒童生長標準（2006），曲線為 −3、−2、0、+2、+3 SD", En: "WHO Child Growth Standards (2006): −3, −2, 0, +2, +3 SD"},
		gongwei.Message{Key: keyChartPoint, ZhHans: "%v天（%v月龄）：%v %v，Z=%v", ZhHant: "%v天（%v月齡）：%v %v，Z=%v", En: "day %v (%v months): %v %v, z=%v"},
	)
}

// WriteSVG writes the chart as one svg element (with its xmlns, so that it is also a
// valid .svg file, and presentation attributes, so that it needs no style sheet): the SD
// curves labelled at the right end, the age axis in months (a tick each month, a label
// and grid line every 6), the measurement axis in the indicator's unit, and the child's
// points joined in age order. Each point is a circle.point with data-age-days,
// data-measure and data-z (the z-score rounded to 2 decimals, [RoundZ]); each curve a
// path.sd with data-sd. A point WHO flags as biologically implausible ([Implausible]) is
// drawn at the edge of the chart, with the class "implausible", rather than stretching
// the scale. The root carries data-plot (the plot area's left, top, right and bottom
// in pixels: day 0 at the left, day MaxAgeDays at the right) and data-y-range (the
// measurements at the bottom and the top), so that a reader can map coordinates back.
// Length/height-for-age curves step at day 731, where length gives way to
// height.
//
// Nothing is written when the chart is invalid: errors wrap gongwei.ErrInvalid —
// [ErrIndicator] (not an age-based indicator), [ErrSex], [ErrAge] and [ErrMeasure] for a
// point outside the standard — and carry no measurement. The chart is written in one
// Write.
func (c *GrowthChart) WriteSVG(w io.Writer) error {
	key, ok := chartIndicatorKeys[c.Indicator]
	if !ok {
		return ErrIndicator
	}
	if _, ok := sexIndex(c.Sex); !ok {
		return ErrSex
	}
	if err := loadWHO(); err != nil {
		return err
	}
	type point struct {
		ChartPoint
		z           float64
		implausible bool
	}
	pts := make([]point, len(c.Points))
	for i, p := range c.Points {
		z, err := ZScore(c.Indicator, c.Sex, p.AgeDays, p.Measure)
		if err != nil {
			return err
		}
		pts[i] = point{p, z, Implausible(c.Indicator, z)}
	}
	slices.SortStableFunc(pts, func(a, b point) int { return a.AgeDays - b.AgeDays })

	// The curves, sampled, and the measurement range they and the points span.
	days := chartDays(c.Indicator)
	curves := make([][]float64, len(chartCurves))
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, cv := range chartCurves {
		curves[i] = make([]float64, len(days))
		for j, d := range days {
			y, err := Centile(c.Indicator, c.Sex, d, cv.z)
			if err != nil {
				return err
			}
			curves[i][j] = y
			lo, hi = math.Min(lo, y), math.Max(hi, y)
		}
	}
	for _, p := range pts {
		if !p.implausible {
			lo, hi = math.Min(lo, p.Measure), math.Max(hi, p.Measure)
		}
	}
	step := niceStep((hi - lo) / 10)
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if lo < 0 {
		lo = 0
	}

	width, height := c.Width, c.Height
	if width == 0 && height == 0 {
		width, height = 720, 480
	}
	width, height = max(width, 320), max(height, 240)
	x0, x1 := float64(chartMarginLeft), float64(width-chartMarginRight)
	y0, y1 := float64(height-chartMarginBottom), float64(chartMarginTop)
	px := func(day float64) float64 { return x0 + day/MaxAgeDays*(x1-x0) }
	py := func(v float64) float64 {
		return y0 - (min(max(v, lo), hi)-lo)/(hi-lo)*(y0-y1)
	}

	p := gongwei.NewPrinter(c.Lang)
	sexKey := keyChartBoys
	if c.Sex == gongwei.Female {
		sexKey = keyChartGirls
	}
	title := c.Title
	if title == "" {
		title = p.Sprintf(keyChartTitle, p.Sprintf(key), p.Sprintf(sexKey))
	}
	unit := chartUnits[c.Indicator]

	var b bytes.Buffer
	W, H := strconv.Itoa(width), strconv.Itoa(height)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="growth-chart" width="` + W + `" height="` + H +
		`" viewBox="0 0 ` + W + ` ` + H + `" role="img" aria-label="` + esc(title) + `" data-indicator="` + c.Indicator.String() +
		`" data-sex="` + strconv.Itoa(int(c.Sex)) + `" data-plot="` + f1(x0) + ` ` + f1(y1) + ` ` + f1(x1) + ` ` + f1(y0) +
		`" data-y-range="` + strconv.FormatFloat(lo, 'f', -1, 64) + ` ` + strconv.FormatFloat(hi, 'f', -1, 64) + `" font-family="sans-serif" font-size="12">` + "\n")
	b.WriteString(`<title>` + esc(title) + `</title>` + "\n")
	b.WriteString(`<rect x="0" y="0" width="` + W + `" height="` + H + `" fill="#ffffff"></rect>` + "\n")
	b.WriteString(`<text class="chart-title" x="` + f1(x0) + `" y="20" font-size="15" font-weight="bold" fill="#1f2328">` + esc(title) + `</text>` + "\n")
	b.WriteString(`<text class="chart-source" x="` + f1(x0) + `" y="38" font-size="11" fill="#59636e">` + esc(p.Sprintf(keyChartSource)) + `</text>` + "\n")

	// Grid and axes.
	b.WriteString(`<g class="grid" stroke="#e5e7eb" stroke-width="1">`)
	for v := lo; v <= hi+step/2; v += step {
		b.WriteString(`<line x1="` + f1(x0) + `" y1="` + f1(py(v)) + `" x2="` + f1(x1) + `" y2="` + f1(py(v)) + `"></line>`)
	}
	for m := 0; m <= 60; m += 6 {
		x := px(float64(m) * daysPerMonth)
		b.WriteString(`<line x1="` + f1(x) + `" y1="` + f1(y1) + `" x2="` + f1(x) + `" y2="` + f1(y0) + `"></line>`)
	}
	b.WriteString("</g>\n")
	b.WriteString(`<g class="axis axis-x" stroke="#1f2328" stroke-width="1">`)
	b.WriteString(`<line x1="` + f1(x0) + `" y1="` + f1(y0) + `" x2="` + f1(x1) + `" y2="` + f1(y0) + `"></line>`)
	for m := 0; m <= 60; m++ {
		x, l := px(float64(m)*daysPerMonth), 4.0
		if m%6 == 0 {
			l = 7
		}
		b.WriteString(`<line class="tick" data-month="` + strconv.Itoa(m) + `" x1="` + f1(x) + `" y1="` + f1(y0) + `" x2="` + f1(x) + `" y2="` + f1(y0+l) + `"></line>`)
	}
	b.WriteString("</g>\n")
	b.WriteString(`<g class="labels labels-x" fill="#1f2328" text-anchor="middle">`)
	for m := 0; m <= 60; m += 6 {
		b.WriteString(`<text x="` + f1(px(float64(m)*daysPerMonth)) + `" y="` + f1(y0+20) + `">` + strconv.Itoa(m) + `</text>`)
	}
	b.WriteString(`<text class="axis-title" x="` + f1((x0+x1)/2) + `" y="` + f1(y0+40) + `">` + esc(p.Sprintf(keyChartAge)) + `</text>`)
	b.WriteString("</g>\n")
	b.WriteString(`<g class="axis axis-y" stroke="#1f2328" stroke-width="1"><line x1="` + f1(x0) + `" y1="` + f1(y1) + `" x2="` + f1(x0) + `" y2="` + f1(y0) + `"></line>`)
	for v := lo; v <= hi+step/2; v += step {
		b.WriteString(`<line x1="` + f1(x0-5) + `" y1="` + f1(py(v)) + `" x2="` + f1(x0) + `" y2="` + f1(py(v)) + `"></line>`)
	}
	b.WriteString("</g>\n")
	b.WriteString(`<g class="labels labels-y" fill="#1f2328" text-anchor="end">`)
	for v := lo; v <= hi+step/2; v += step {
		b.WriteString(`<text x="` + f1(x0-8) + `" y="` + f1(py(v)+4) + `">` + strconv.FormatFloat(v, 'f', -1, 64) + `</text>`)
	}
	b.WriteString(`<text class="axis-title" x="` + f1(x0-8) + `" y="` + f1(y1-14) + `">` + esc(unit) + `</text>`)
	b.WriteString("</g>\n")

	// The SD curves, labelled at the right end.
	for i, cv := range chartCurves {
		b.WriteString(`<path class="sd" data-sd="` + cv.label + `" fill="none" stroke="` + cv.colour + `" stroke-width="1.5" d="`)
		for j, d := range days {
			cmd := " L"
			if j == 0 || (c.Indicator == LengthHeightForAge && d == LengthHeightSwitchDays) {
				cmd = " M"
			}
			if j == 0 {
				cmd = "M"
			}
			b.WriteString(cmd + f1(px(float64(d))) + "," + f1(py(curves[i][j])))
		}
		b.WriteString(`"></path>` + "\n")
		label := strings.Replace(cv.label, "-", "−", 1) // U+2212 minus
		if cv.z > 0 {
			label = "+" + label
		}
		b.WriteString(`<text class="sd-label" x="` + f1(x1+6) + `" y="` + f1(py(curves[i][len(days)-1])+4) + `" fill="` + cv.colour + `">` + label + `</text>` + "\n")
	}

	// The child's points.
	if len(pts) > 0 {
		b.WriteString(`<g class="child" fill="#1f6feb" stroke="#1f6feb">`)
		var line []string
		for _, q := range pts {
			if !q.implausible {
				line = append(line, f1(px(float64(q.AgeDays)))+","+f1(py(q.Measure)))
			}
		}
		if len(line) > 1 {
			b.WriteString(`<polyline class="child-line" fill="none" stroke-width="2" points="` + strings.Join(line, " ") + `"></polyline>`)
		}
		for _, q := range pts {
			class := "point"
			if q.implausible {
				class += " implausible"
			}
			measure := strconv.FormatFloat(q.Measure, 'f', -1, 64)
			z := strconv.FormatFloat(RoundZ(q.z), 'f', 2, 64)
			tip := p.Sprintf(keyChartPoint, strconv.Itoa(q.AgeDays), strconv.FormatFloat(float64(q.AgeDays)/daysPerMonth, 'f', 1, 64), measure, unit, z)
			b.WriteString("\n" + `<circle class="` + class + `" cx="` + f1(px(float64(q.AgeDays))) + `" cy="` + f1(py(q.Measure)) +
				`" r="4" stroke="#ffffff" stroke-width="1.5" data-age-days="` + strconv.Itoa(q.AgeDays) + `" data-measure="` + measure +
				`" data-z="` + z + `"><title>` + esc(tip) + `</title></circle>`)
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// chartDays are the days the curves are sampled on: weekly from 0, the last day, and
// for length/height-for-age the days either side of the switch to standing height.
func chartDays(ind Indicator) []int {
	var days []int
	for d := 0; d < MaxAgeDays; d += chartSampleDays {
		if ind == LengthHeightForAge && d > LengthHeightSwitchDays-1 && days[len(days)-1] < LengthHeightSwitchDays-1 {
			days = append(days, LengthHeightSwitchDays-1, LengthHeightSwitchDays)
		}
		days = append(days, d)
	}
	return append(days, MaxAgeDays)
}

// niceStep returns the smallest of 0.5, 1, 2, 5, 10, 20, … at least raw.
func niceStep(raw float64) float64 {
	for _, s := range []float64{0.5, 1, 2, 5, 10, 20, 50} {
		if s >= raw {
			return s
		}
	}
	return 100
}

// f1 formats a coordinate with one decimal.
func f1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// esc escapes text for SVG (XML) content and attributes.
func esc(s string) string { return html.EscapeString(s) }
