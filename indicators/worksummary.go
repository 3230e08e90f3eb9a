package indicators

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
)

// WorkSummaryInput is what a year-end work summary (工作总结) is written from: the
// township's evaluated plan and its assessment, the villages' evaluation (a UnitPlan)
// and scores, the funding, and the names and census of the place.
type WorkSummaryInput struct {
	// Place names the township; UnitName names a unit (village) in the summary's
	// language, or returns "" to fall back to its code.
	Place    string
	UnitName func(Unit) string
	// Villages, Population and Households describe the catchment (the census).
	Villages               int
	Population, Households int64
	// Eval is the township's evaluated plan; Assessment its score per service area (nil:
	// the summary gives no score).
	Eval       *Evaluation
	Assessment *AreaAssessment
	// VillageEval is the villages' evaluation against a UnitPlan (nil: no 以村达标率);
	// VillageScores their performance table.
	VillageEval   *Evaluation
	VillageScores []UnitScore
	// Funding is the year's money earned (nil: the summary gives none).
	Funding *Funding
}

// WorkSummarySection is one section of a work summary: a heading and its paragraphs.
type WorkSummarySection struct {
	Heading    string
	Paragraphs []string
}

// WorkSummary is a year-end work summary in one language.
type WorkSummary struct {
	Sections []WorkSummarySection
}

// Catalog keys of the work summary.
const (
	keyWSBasic      = "ind.ws.basic"
	keyWSWork       = "ind.ws.work"
	keyWSProblems   = "ind.ws.problems"
	keyWSNext       = "ind.ws.next"
	keyWSPlace      = "ind.ws.place"
	keyWSRows       = "ind.ws.rows"
	keyWSScore      = "ind.ws.score"
	keyWSMoney      = "ind.ws.money"
	keyWSServiceHd  = "ind.ws.service_heading"
	keyWSVaccine    = "ind.ws.vaccine"
	keyWSMissed     = "ind.ws.missed"
	keyWSArea       = "ind.ws.area"
	keyWSAreaNext   = "ind.ws.area_next"
	keyWSNoData     = "ind.ws.no_data"
	keyWSVillageLow = "ind.ws.village_low"
	keyWSVillRate   = "ind.ws.village_rate"
	keyWSNoProblems = "ind.ws.no_problems"
	keyWSGap        = "ind.ws.gap"
	keyWSGapCeil    = "ind.ws.gap_ceiling"
	keyWSVillNext   = "ind.ws.village_next"
	keyWSDataNext   = "ind.ws.data_next"
	keyWSKeepUp     = "ind.ws.keep_up"
	keyWSOrdinal    = "ind.ws.ordinal"
	keyWSSep        = "ind.ws.sep"
	keyWSEnd        = "ind.ws.end"
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: keyWSBasic, ZhHans: "一、基本情况", ZhHant: "一、基本情況", En: "1. Overview"},
		gongwei.Message{Key: keyWSWork, ZhHans: "二、主要工作及成效", ZhHant: "二、主要工作及成效", En: "2. Main work and results"},
		gongwei.Message{Key: keyWSProblems, ZhHans: "三、存在问题", ZhHant: "三、存在問題", En: "3. Problems"},
		gongwei.Message{Key: keyWSNext, ZhHans: "四、下一步打算", ZhHant: "四、下一步打算", En: "4. Next steps"},
		gongwei.Message{Key: keyWSPlace, ZhHans: "%[1]s辖%[2]s个行政村，常住人口%[3]s人、%[4]s户。", ZhHant: "%[1]s轄%[2]s個行政村，常住人口%[3]s人、%[4]s戶。", En: "%[1]s has %[2]s villages with %[3]s residents in %[4]s households. "},
		gongwei.Message{Key: keyWSRows, ZhHans: "%[1]s，卫生院和村卫生室按国家基本公共卫生服务规范（第三版）开展%[2]s类服务，考核指标%[3]s项，达标%[4]s项、未达标%[5]s项、无数据%[6]s项。", ZhHant: "%[1]s，衛生院和村衛生室按國家基本公共衛生服務規範（第三版）開展%[2]s類服務，考核指標%[3]s項，達標%[4]s項、未達標%[5]s項、無數據%[6]s項。", En: "%[1]s, the centre and its village clinics delivered %[2]s services of the national specification (3rd edition); of %[3]s assessed indicators, %[4]s met the target, %[5]s did not and %[6]s had no data. "},
		gongwei.Message{Key: keyWSScore, ZhHans: "考核得分%s分（满分100分）。", ZhHant: "考核得分%s分（滿分100分）。", En: "The assessment score is %s out of 100. "},
		gongwei.Message{Key: keyWSMoney, ZhHans: "按%[1]s年人均%[2]s元的标准，项目经费%[3]s元，按考核结果应拨付%[4]s元。", ZhHant: "按%[1]s年人均%[2]s元的標準，項目經費%[3]s元，按考核結果應撥付%[4]s元。", En: "At %[1]s's standard of %[2]s yuan per resident the budget is %[3]s yuan, of which the assessment earns %[4]s yuan. "},
		gongwei.Message{Key: keyWSServiceHd, ZhHans: "（%[1]s）%[2]s。", ZhHant: "（%[1]s）%[2]s。", En: "(%[1]s) %[2]s. "},
		gongwei.Message{Key: keyWSVaccine, ZhHans: "%[1]s接种%[2]s人，接种率%[3]s", ZhHant: "%[1]s接種%[2]s人，接種率%[3]s", En: "%[1]s given to %[2]s, coverage %[3]s"},
		gongwei.Message{Key: keyWSMissed, ZhHans: "%[1]s%[2]s（目标%[3]s）", ZhHant: "%[1]s%[2]s（目標%[3]s）", En: "%[1]s %[2]s (target %[3]s)"},
		gongwei.Message{Key: keyWSArea, ZhHans: "%[1]s未达目标：%[2]s", ZhHant: "%[1]s未達目標：%[2]s", En: "%[1]s missed targets: %[2]s"},
		gongwei.Message{Key: keyWSAreaNext, ZhHans: "%[1]s：%[2]s", ZhHant: "%[1]s：%[2]s", En: "%[1]s: %[2]s"},
		gongwei.Message{Key: keyWSNoData, ZhHans: "%s无数据，未计分", ZhHant: "%s無數據，未計分", En: "%s had no data and was not scored"},
		gongwei.Message{Key: keyWSVillageLow, ZhHans: "村卫生室工作不平衡，%[1]s得分%[2]s分，%[3]s项指标中仅%[4]s项达标", ZhHant: "村衛生室工作不平衡，%[1]s得分%[2]s分，%[3]s項指標中僅%[4]s項達標", En: "village clinics are uneven: %[1]s scored %[2]s, meeting %[4]s of %[3]s indicators"},
		gongwei.Message{Key: keyWSVillRate, ZhHans: "%[1]s仅%[2]s个村达标（共%[3]s个村有数据）", ZhHant: "%[1]s僅%[2]s個村達標（共%[3]s個村有數據）", En: "%[1]s was met in only %[2]s of the %[3]s villages with data"},
		gongwei.Message{Key: keyWSNoProblems, ZhHans: "各项指标均已达标。", ZhHant: "各項指標均已達標。", En: "Every indicator met its target."},
		gongwei.Message{Key: keyWSGap, ZhHans: "%[1]s提高到%[3]s（现为%[2]s，按现有分母需再增加%[4]s）", ZhHant: "%[1]s提高到%[3]s（現為%[2]s，按現有分母需再增加%[4]s）", En: "raise %[1]s to %[3]s (now %[2]s: %[4]s more at the present denominator)"},
		gongwei.Message{Key: keyWSGapCeil, ZhHans: "%[1]s降至%[2]s", ZhHant: "%[1]s降至%[2]s", En: "bring %[1]s down to %[2]s"},
		gongwei.Message{Key: keyWSVillNext, ZhHans: "加强对%s等村卫生室的督导和培训，逐村核查未达标指标", ZhHant: "加強對%s等村衛生室的督導和培訓，逐村核查未達標指標", En: "supervise and train the clinics of %s and check each missed indicator village by village"},
		gongwei.Message{Key: keyWSDataNext, ZhHans: "完善%s的登记和报告，做到有据可查", ZhHant: "完善%s的登記和報告，做到有據可查", En: "complete the registers and reports behind %s"},
		gongwei.Message{Key: keyWSKeepUp, ZhHans: "巩固已达标项目，按进度节点完成全年任务。", ZhHant: "鞏固已達標項目，按進度節點完成全年任務。", En: "Keep the targets already met and finish the year's work by the milestones."},
		gongwei.Message{Key: keyWSOrdinal, ZhHans: "%[1]s是%[2]s", ZhHant: "%[1]s是%[2]s", En: "%[2]s"},
		gongwei.Message{Key: keyWSSep, ZhHans: "；", ZhHant: "；", En: "; "},
		gongwei.Message{Key: keyWSEnd, ZhHans: "。", ZhHant: "。", En: "."},
	)
}

// ordinals are 一是, 二是 …: the enumeration of a Chinese summary's points.
var ordinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// NewWorkSummary writes the year-end work summary (工作总结) of in, in language tag
// (zh-Hans, zh-Hant or en): 一、基本情况 (the place, the services and indicators, the
// score and the money), 二、主要工作及成效 (per service, the work done with its figures and
// the rates against their targets, single vaccines by name), 三、存在问题 (the missed
// targets, the rows without data, the weakest village and the targets met in fewest
// villages) and 四、下一步打算 (for each missed floor target, how far the numerator must
// rise at the present denominator; the weakest villages; the missing data).
func NewWorkSummary(in WorkSummaryInput, tag language.Tag) WorkSummary {
	tag = gongwei.MatchLanguage(tag)
	pr := gongwei.NewPrinter(tag)
	name := func(u Unit) string {
		if in.UnitName != nil {
			if n := in.UnitName(u); n != "" {
				return n
			}
		}
		return string(u)
	}
	ev := in.Eval
	var met, missed, nodata int
	var noDataRows []Result
	for _, r := range ev.Results {
		switch r.Status {
		case StatusMet:
			met++
		case StatusNotMet:
			missed++
		default:
			nodata++
			noDataRows = append(noDataRows, r)
		}
	}
	groups := ev.ByService()

	// 一、基本情况
	basic := pr.Sprintf(keyWSPlace, in.Place, itoa(int64(in.Villages)), itoa(in.Population), itoa(in.Households)) +
		pr.Sprintf(keyWSRows, asOfPhrase(ev.AsOf, tag), itoa(int64(len(groups))), itoa(int64(len(ev.Results))), itoa(int64(met)), itoa(int64(missed)), itoa(int64(nodata)))
	if in.Assessment != nil {
		basic += pr.Sprintf(keyWSScore, in.Assessment.Score.StringFixed(2))
	}
	if f := in.Funding; f != nil {
		basic += pr.Sprintf(keyWSMoney, itoa(int64(f.Rule.PerCapita.Year)), f.Rule.PerCapita.Yuan.String(), f.Total.StringFixed(2), f.Paid.StringFixed(2))
	}
	out := WorkSummary{}
	out.Sections = append(out.Sections, WorkSummarySection{Heading: pr.Sprintf(keyWSBasic), Paragraphs: []string{strings.TrimSpace(basic)}})

	// 二、主要工作及成效
	work := WorkSummarySection{Heading: pr.Sprintf(keyWSWork)}
	for i, g := range groups {
		present := map[Code]bool{}
		for _, r := range g.Results {
			present[r.Row.Code] = true
		}
		var clauses []string
		for k, r := range g.Results {
			if r.Row.Code.Family() == codeImmCoverage && r.Row.Code != codeImmCoverage {
				clauses = append(clauses, vaccineClause(r, tag))
				continue
			}
			clauses = append(clauses, clause(r, k == 0, present[r.Indicator.PartOf], tag))
		}
		num := ordinal(i)
		if tag == language.English {
			num = itoa(int64(i + 1))
		}
		text := pr.Sprintf(keyWSServiceHd, num, g.Service.Label(tag)) + pr.Sprintf(keySumSentence, asOfPhrase(ev.AsOf, tag), strings.Join(clauses, pr.Sprintf(keySumSep)))
		work.Paragraphs = append(work.Paragraphs, text)
	}
	out.Sections = append(out.Sections, work)

	// 三、存在问题: the missed targets by service, then the rows without data.
	var problems []string
	for _, g := range groups {
		var items []string
		for _, r := range g.Results {
			if r.Status == StatusNotMet {
				items = append(items, pr.Sprintf(keyWSMissed, lowerFirstEn(r.Indicator.LabelOf(r.Row.Code, tag), tag),
					r.Actual.Format(r.Indicator.Places, tag), r.Row.Target.Format(r.Indicator.Scale, tag)))
			}
		}
		if len(items) > 0 {
			problems = append(problems, pr.Sprintf(keyWSArea, g.Service.Label(tag), strings.Join(items, listSep(tag))))
		}
	}
	for _, r := range noDataRows {
		problems = append(problems, pr.Sprintf(keyWSNoData, lowerFirstEn(r.Indicator.LabelOf(r.Row.Code, tag), tag)))
	}
	worst := worstVillages(in.VillageScores, 2)
	if len(worst) > 0 {
		w := worst[0]
		problems = append(problems, pr.Sprintf(keyWSVillageLow, name(w.Unit), w.Score.StringFixed(2), itoa(int64(w.WithData)), itoa(int64(w.Met))))
	}
	if in.VillageEval != nil {
		rates := VillageRates(in.VillageEval)
		slices.SortStableFunc(rates, func(a, b VillageRate) int { return compareShare(a, b) })
		for _, vr := range rates[:min(2, len(rates))] {
			if vr.WithData == 0 || vr.Met == vr.WithData {
				continue
			}
			ind, _ := in.VillageEval.Plan.Catalogue.Lookup(vr.Code)
			problems = append(problems, pr.Sprintf(keyWSVillRate, lowerFirstEn(ind.LabelOf(vr.Code, tag), tag), itoa(vr.Met), itoa(vr.WithData)))
		}
	}
	prob := WorkSummarySection{Heading: pr.Sprintf(keyWSProblems)}
	if len(problems) == 0 {
		prob.Paragraphs = []string{pr.Sprintf(keyWSNoProblems)}
	} else {
		prob.Paragraphs = []string{enumerate(problems, tag)}
	}
	out.Sections = append(out.Sections, prob)

	// 四、下一步打算: per service, how far each missed target is.
	var next []string
	for _, g := range groups {
		var items []string
		for _, r := range g.Results {
			if r.Status != StatusNotMet {
				continue
			}
			label := lowerFirstEn(r.Indicator.LabelOf(r.Row.Code, tag), tag)
			target := r.Row.Target.Format(r.Indicator.Scale, tag)
			if r.Row.Target.Op == OpAtMost || r.Row.Target.Op == OpBelow {
				items = append(items, pr.Sprintf(keyWSGapCeil, label, target))
				continue
			}
			items = append(items, pr.Sprintf(keyWSGap, label, r.Actual.Format(r.Indicator.Places, tag), target, itoa(shortfall(r))))
		}
		if len(items) > 0 {
			next = append(next, pr.Sprintf(keyWSAreaNext, g.Service.Label(tag), strings.Join(items, listSep(tag))))
		}
	}
	if len(worst) > 0 {
		var names []string
		for _, w := range worst {
			names = append(names, name(w.Unit))
		}
		next = append(next, pr.Sprintf(keyWSVillNext, strings.Join(names, listSep(tag))))
	}
	if len(noDataRows) > 0 {
		var labels []string
		for _, r := range noDataRows {
			labels = append(labels, lowerFirstEn(r.Indicator.LabelOf(r.Row.Code, tag), tag))
		}
		next = append(next, pr.Sprintf(keyWSDataNext, strings.Join(labels, listSep(tag))))
	}
	nx := WorkSummarySection{Heading: pr.Sprintf(keyWSNext)}
	if len(next) > 0 {
		nx.Paragraphs = append(nx.Paragraphs, enumerate(next, tag))
	}
	nx.Paragraphs = append(nx.Paragraphs, pr.Sprintf(keyWSKeepUp))
	out.Sections = append(out.Sections, nx)
	return out
}

// vaccineClause writes a single vaccine's row by the vaccine's name: 卡介苗接种34人，接种率100.0%（目标≥95%，达标）.
func vaccineClause(r Result, tag language.Tag) string {
	pr := gongwei.NewPrinter(tag)
	q := r.Row.Code.Qualifier()
	name := q
	if m, ok := immunization.MilestoneNamed(q); ok {
		name = m.Label(tag)
	}
	return pr.Sprintf(keyWSVaccine, name, itoa(r.Actual.Numerator), r.Actual.Format(r.Indicator.Places, tag)) + targetNote(r, tag)
}

// shortfall returns how many more the numerator needs, at the present denominator, for
// the rate to reach a floor target: the least n with (num + n) ÷ den × scale ≥ target
// (> target for a strict floor); for a count, the target less the count.
func shortfall(r Result) int64 {
	a := r.Actual
	if a.Scale == Count {
		// A count: the target itself (the least integer above it for a strict floor).
		need := r.Row.Target.Value.Ceil().IntPart()
		if r.Row.Target.Op == OpAbove && r.Row.Target.Value.Equal(r.Row.Target.Value.Ceil()) {
			need++
		}
		return max(0, need-a.Numerator)
	}
	if a.Denominator <= 0 || a.Scale.Factor() == 0 {
		return 0
	}
	den := decimal.NewFromInt(a.Denominator)
	scale := decimal.NewFromInt(a.Scale.Factor())
	need := r.Row.Target.Value.Mul(den).Div(scale).Ceil().IntPart()
	if r.Row.Target.Op == OpAbove && decimal.NewFromInt(need).Mul(scale).Equal(r.Row.Target.Value.Mul(den)) {
		need++
	}
	return max(0, need-a.Numerator)
}

// worstVillages returns up to n units with the lowest scores (ties by unit order).
func worstVillages(scores []UnitScore, n int) []UnitScore {
	s := slices.Clone(scores)
	slices.SortStableFunc(s, func(a, b UnitScore) int { return a.Score.Cmp(b.Score) })
	return s[:min(n, len(s))]
}

// compareShare orders village rates by Met ÷ WithData ascending (no data last).
func compareShare(a, b VillageRate) int {
	switch {
	case a.WithData == 0 && b.WithData == 0:
		return 0
	case a.WithData == 0:
		return 1
	case b.WithData == 0:
		return -1
	}
	return decimal.NewFromInt(a.Met * b.WithData).Cmp(decimal.NewFromInt(b.Met * a.WithData))
}

// enumerate joins points as a Chinese summary does (一是……；二是……。) or as an English
// list.
func enumerate(points []string, tag language.Tag) string {
	pr := gongwei.NewPrinter(tag)
	parts := make([]string, len(points))
	for i, p := range points {
		if tag == language.English {
			parts[i] = upperFirst(p)
			continue
		}
		parts[i] = pr.Sprintf(keyWSOrdinal, ordinal(i), p)
	}
	return strings.Join(parts, pr.Sprintf(keyWSSep)) + pr.Sprintf(keyWSEnd)
}

// ordinal returns the Chinese numeral of i+1: 一, 二 … 十, 十一 … 九十九 (Arabic numerals
// from 100).
func ordinal(i int) string {
	n := i + 1
	switch {
	case n <= 10:
		return ordinals[n-1]
	case n < 20:
		return "十" + ordinals[n-11]
	case n < 100 && n%10 == 0:
		return ordinals[n/10-1] + "十"
	case n < 100:
		return ordinals[n/10-1] + "十" + ordinals[n%10-1]
	}
	return strconv.Itoa(n)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func listSep(tag language.Tag) string {
	if tag == language.English {
		return ", "
	}
	return "、"
}

func lowerFirstEn(s string, tag language.Tag) string {
	if tag == language.English {
		return lowerFirst(s)
	}
	return s
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// WriteText writes the summary: each heading on its own line, then its paragraphs.
func (s WorkSummary) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, sec := range s.Sections {
		b.WriteString(sec.Heading + "\n")
		for _, p := range sec.Paragraphs {
			b.WriteString(p + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// HTMLSections returns the summary as page sections for [Report.WriteHTMLPage]: the title
// as the first section's heading over nothing, then one section per part, with ids
// "work-summary" and "work-summary-1" … "work-summary-4".
func (s WorkSummary) HTMLSections(title string) []HTMLSection {
	out := []HTMLSection{{ID: "work-summary", Heading: title}}
	for i, sec := range s.Sections {
		out = append(out, HTMLSection{ID: "work-summary-" + strconv.Itoa(i+1), Heading: sec.Heading, Paragraphs: sec.Paragraphs})
	}
	return out
}
