package child_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// chartSVG is a growth chart read back: its geometry, curves and points.
type chartSVG struct {
	XMLName  xml.Name    `xml:"svg"`
	Plot     string      `xml:"data-plot,attr"`
	YRange   string      `xml:"data-y-range,attr"`
	Label    string      `xml:"aria-label,attr"`
	Title    string      `xml:"title"`
	Paths    []svgPath   `xml:"-"`
	Points   []svgCircle `xml:"-"`
	Texts    []string    `xml:"text"`
	Groups   []svgGroup  `xml:"g"`
	Children []svgAny    `xml:",any"`
}

type svgPath struct {
	SD string `xml:"data-sd,attr"`
	D  string `xml:"d,attr"`
}

type svgCircle struct {
	Class   string  `xml:"class,attr"`
	CX      float64 `xml:"cx,attr"`
	CY      float64 `xml:"cy,attr"`
	AgeDays int     `xml:"data-age-days,attr"`
	Measure float64 `xml:"data-measure,attr"`
	Z       string  `xml:"data-z,attr"`
	Title   string  `xml:"title"`
}

type svgGroup struct {
	Class string   `xml:"class,attr"`
	Texts []string `xml:"text"`
	Lines []struct {
		Month string `xml:"data-month,attr"`
	} `xml:"line"`
	Circles []svgCircle `xml:"circle"`
}

type svgAny struct {
	XMLName xml.Name
	SD      string `xml:"data-sd,attr"`
	D       string `xml:"d,attr"`
}

// readChart parses an SVG chart (it is well-formed XML) and maps its coordinates back.
func readChart(t *testing.T, b []byte) (chartSVG, func(x, y float64) (day, measure float64)) {
	t.Helper()
	var c chartSVG
	require.NoError(t, xml.Unmarshal(b, &c), "the chart is well-formed XML")
	for _, a := range c.Children {
		if a.XMLName.Local == "path" {
			c.Paths = append(c.Paths, svgPath{SD: a.SD, D: a.D})
		}
	}
	for _, g := range c.Groups {
		c.Points = append(c.Points, g.Circles...)
	}
	var box [4]float64
	for i, f := range strings.Fields(c.Plot) {
		box[i], _ = strconv.ParseFloat(f, 64)
	}
	var yr [2]float64
	for i, f := range strings.Fields(c.YRange) {
		yr[i], _ = strconv.ParseFloat(f, 64)
	}
	return c, func(x, y float64) (float64, float64) {
		return (x - box[0]) / (box[2] - box[0]) * child.MaxAgeDays, yr[0] + (box[3]-y)/(box[3]-box[1])*(yr[1]-yr[0])
	}
}

var reCoord = regexp.MustCompile(`([ML])([0-9.]+),([0-9.]+)`)

// curve returns the (day, measure) vertices of the path for sd, and its subpath count.
func curve(t *testing.T, c chartSVG, inv func(x, y float64) (float64, float64), sd string) ([][2]float64, int) {
	t.Helper()
	for _, p := range c.Paths {
		if p.SD != sd {
			continue
		}
		var out [][2]float64
		moves := 0
		for _, m := range reCoord.FindAllStringSubmatch(p.D, -1) {
			if m[1] == "M" {
				moves++
			}
			x, _ := strconv.ParseFloat(m[2], 64)
			y, _ := strconv.ParseFloat(m[3], 64)
			d, v := inv(x, y)
			out = append(out, [2]float64{d, v})
		}
		return out, moves
	}
	t.Fatalf("no curve %s", sd)
	return nil, 0
}

// The curves are WHO's: read back from the drawing, they match WHO's published z-score
// tables (1 decimal, so within 0.05 plus the drawing's 0.1 px rounding).
func TestGrowthChartCurves(t *testing.T) {
	tests := []struct {
		name   string
		ind    child.Indicator
		sex    gongwei.Sex
		sd     string
		day    int
		want   float64
		maxErr float64
	}{
		// testdata/sd-tables/wfa_boys_0_5_zscores.txt, month 0: −3 2.1, −2 2.5, 0 3.3, +2 4.4, +3 5.0.
		{"wfa boys birth −3", child.WeightForAge, gongwei.Male, "-3", 0, 2.1, 0.07},
		{"wfa boys birth −2", child.WeightForAge, gongwei.Male, "-2", 0, 2.5, 0.07},
		{"wfa boys birth median", child.WeightForAge, gongwei.Male, "0", 0, 3.3, 0.07},
		{"wfa boys birth +2", child.WeightForAge, gongwei.Male, "2", 0, 4.4, 0.07},
		{"wfa boys birth +3", child.WeightForAge, gongwei.Male, "3", 0, 5.0, 0.07},
		// Same table, month 60 (day 1826): −2 14.1, 0 18.3, +3 27.9.
		{"wfa boys 60m −2", child.WeightForAge, gongwei.Male, "-2", 1826, 14.1, 0.07},
		{"wfa boys 60m median", child.WeightForAge, gongwei.Male, "0", 1826, 18.3, 0.07},
		{"wfa boys 60m +3", child.WeightForAge, gongwei.Male, "3", 1826, 27.9, 0.07},
		// lhfa_girls_0_2_zscores.txt month 24 (day 730, length): median 86.4; lhfa_girls_2_5
		// month 24 (day 731, height): median 85.7 — the 0.7 cm step.
		{"lhfa girls 24m length", child.LengthHeightForAge, gongwei.Female, "0", 730, 86.4, 0.1},
		{"lhfa girls 24m height", child.LengthHeightForAge, gongwei.Female, "0", 731, 85.7, 0.1},
		{"lhfa girls birth −2", child.LengthHeightForAge, gongwei.Female, "-2", 0, 45.4, 0.1},
		// bmi_girls_0_2_zscores.txt month 0: median 13.3, +2 16.1.
		{"bmi girls birth median", child.BMIForAge, gongwei.Female, "0", 0, 13.3, 0.07},
		{"bmi girls birth +2", child.BMIForAge, gongwei.Female, "2", 0, 16.1, 0.07},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, child.GrowthChartSVG(&b, tc.ind, tc.sex, nil))
			c, inv := readChart(t, b.Bytes())
			pts, _ := curve(t, c, inv, tc.sd)
			found := false
			for _, p := range pts {
				if math.Abs(p[0]-float64(tc.day)) < 0.5 {
					found = true
					assert.InDelta(t, tc.want, p[1], tc.maxErr, "day %d", tc.day)
				}
			}
			assert.True(t, found, "no vertex on day %d", tc.day)
		})
	}
}

func TestGrowthChartLayout(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, child.GrowthChartSVG(&b, child.LengthHeightForAge, gongwei.Female, nil))
	c, inv := readChart(t, b.Bytes())
	assert.Equal(t, "年龄别身长/身高（女童，0～5岁）", c.Title)
	assert.Len(t, c.Paths, 5, "−3, −2, 0, +2, +3 SD")
	for _, sd := range []string{"-3", "-2", "0", "2", "3"} {
		pts, moves := curve(t, c, inv, sd)
		assert.Equal(t, 2, moves, "length/height curves break at day 731")
		assert.InDelta(t, 0, pts[0][0], 0.5, "from birth")
		assert.InDelta(t, child.MaxAgeDays, pts[len(pts)-1][0], 0.5, "to day 1826")
		for i := 1; i < len(pts); i++ {
			assert.Greater(t, pts[i][0], pts[i-1][0], "in age order")
		}
	}
	var ticks, labels int
	for _, g := range c.Groups {
		switch g.Class {
		case "axis axis-x":
			for _, l := range g.Lines {
				if l.Month != "" {
					ticks++
				}
			}
		case "labels labels-x":
			labels = len(g.Texts)
			assert.Equal(t, "月龄", g.Texts[len(g.Texts)-1])
			assert.Equal(t, "60", g.Texts[len(g.Texts)-2])
		case "labels labels-y":
			assert.Equal(t, "cm", g.Texts[len(g.Texts)-1])
		}
	}
	assert.Equal(t, 61, ticks, "a tick each month, 0 to 60")
	assert.Equal(t, 11+1, labels, "a label every 6 months and the axis title")

	// Weight-for-age has one unbroken curve per SD line.
	b.Reset()
	require.NoError(t, (&child.GrowthChart{Indicator: child.WeightForAge, Sex: gongwei.Male, Lang: language.English}).WriteSVG(&b))
	c, inv = readChart(t, b.Bytes())
	_, moves := curve(t, c, inv, "0")
	assert.Equal(t, 1, moves)
	assert.Equal(t, "Weight-for-age (boys, 0–5 years)", c.Title)
	assert.Contains(t, b.String(), "WHO Child Growth Standards (2006)")
	assert.Contains(t, b.String(), `<svg xmlns="http://www.w3.org/2000/svg" class="growth-chart" width="720" height="480"`)
}

func TestGrowthChartPoints(t *testing.T) {
	// A boy on the median at birth and 12 months, then −2 SD at 24 months (WHO
	// weianthro: M at day 0 3.3464 kg; the points are placed with child.Centile).
	med0, _ := child.Centile(child.WeightForAge, gongwei.Male, 0, 0)
	med365, _ := child.Centile(child.WeightForAge, gongwei.Male, 365, 0)
	low730, _ := child.Centile(child.WeightForAge, gongwei.Male, 730, -2)
	assert.InDelta(t, 3.3464, med0, 1e-9)
	points := []child.ChartPoint{{730, low730}, {0, med0}, {365, med365}, {1000, 200}} // out of order; 200 kg implausible
	var b bytes.Buffer
	require.NoError(t, child.GrowthChartSVG(&b, child.WeightForAge, gongwei.Male, points))
	c, inv := readChart(t, b.Bytes())
	require.Len(t, c.Points, 4)
	wantDays := []int{0, 365, 730, 1000}
	wantZ := []string{"0.00", "0.00", "-2.00"}
	for i, p := range c.Points[:3] {
		assert.Equal(t, wantDays[i], p.AgeDays, "sorted by age")
		assert.Equal(t, wantZ[i], p.Z)
		assert.Equal(t, "point", p.Class)
		d, v := inv(p.CX, p.CY)
		assert.InDelta(t, float64(p.AgeDays), d, 0.5)
		assert.InDelta(t, p.Measure, v, 0.02)
	}
	// The implausible point is clamped to the top, flagged, and does not stretch the
	// scale: the chart spans the SD curves (2.1 to 27.9 kg) rounded out to its 5 kg grid.
	imp := c.Points[3]
	assert.Equal(t, "point implausible", imp.Class)
	_, v := inv(imp.CX, imp.CY)
	assert.Equal(t, "0 30", c.YRange, "y range 0 to 30 kg")
	assert.InDelta(t, 30, v, 0.01)
	assert.Contains(t, c.Points[0].Title, "0天（0.0月龄）：3.3464 kg，Z=0.00")
	line := regexp.MustCompile(`<polyline class="child-line"[^>]* points="([^"]*)"`).FindStringSubmatch(b.String())
	require.NotNil(t, line)
	assert.Len(t, strings.Fields(line[1]), 3, "the implausible point is left off the line")
}

// Invalid charts write nothing and name no measurement.
func TestGrowthChartErrors(t *testing.T) {
	tests := []struct {
		name   string
		ind    child.Indicator
		sex    gongwei.Sex
		points []child.ChartPoint
		want   error
	}{
		{"weight-for-length has no age axis", child.WeightForLengthOrHeight, gongwei.Male, nil, child.ErrIndicator},
		{"undefined indicator", 0, gongwei.Male, nil, child.ErrIndicator},
		{"sex unknown", child.WeightForAge, gongwei.SexUnknown, nil, child.ErrSex},
		{"after 60 months", child.WeightForAge, gongwei.Female, []child.ChartPoint{{1827, 18.5}}, child.ErrAge},
		{"negative age", child.WeightForAge, gongwei.Female, []child.ChartPoint{{-1, 3.1}}, child.ErrAge},
		{"NaN", child.HeadCircumferenceForAge, gongwei.Female, []child.ChartPoint{{30, math.NaN()}}, child.ErrMeasure},
		{"zero", child.HeadCircumferenceForAge, gongwei.Female, []child.ChartPoint{{30, 0}}, child.ErrMeasure},
		{"infinite", child.BMIForAge, gongwei.Male, []child.ChartPoint{{30, math.Inf(1)}}, child.ErrMeasure},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			err := child.GrowthChartSVG(&b, tc.ind, tc.sex, tc.points)
			assert.ErrorIs(t, err, tc.want)
			assert.ErrorIs(t, err, gongwei.ErrInvalid)
			assert.Zero(t, b.Len(), "nothing written")
			assert.NotContains(t, err.Error(), "18.5")
		})
	}
	err := child.GrowthChartSVG(failWriter{}, child.WeightForAge, gongwei.Male, nil)
	assert.EqualError(t, err, "disk full")
}

// The title is escaped; size has a floor.
func TestGrowthChartTitleAndSize(t *testing.T) {
	var b bytes.Buffer
	c := child.GrowthChart{Indicator: child.HeadCircumferenceForAge, Sex: gongwei.Female, Title: `<b>"A&B"</b>`, Width: 100, Height: 50}
	require.NoError(t, c.WriteSVG(&b))
	s := b.String()
	assert.NotContains(t, s, "<b>")
	assert.Contains(t, s, "&lt;b&gt;&#34;A&amp;B&#34;&lt;/b&gt;")
	assert.Contains(t, s, `width="320" height="240"`)
	parsed, _ := readChart(t, b.Bytes())
	assert.Equal(t, `<b>"A&B"</b>`, parsed.Title)
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func ExampleGrowthChartSVG() {
	// A girl's weights at birth, 6 and 12 months, drawn on WHO's weight-for-age chart.
	var b bytes.Buffer
	err := child.GrowthChartSVG(&b, child.WeightForAge, gongwei.Female, []child.ChartPoint{
		{AgeDays: 0, Measure: 3.2}, {AgeDays: 183, Measure: 7.3}, {AgeDays: 365, Measure: 8.9},
	})
	svg := b.String()
	fmt.Println(err, strings.HasPrefix(svg, "<svg"), strings.Count(svg, `<path class="sd"`), strings.Count(svg, `<circle class="point"`))
	// Output:
	// <nil> true 5 3
}
