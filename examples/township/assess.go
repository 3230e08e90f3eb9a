package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/examples/internal/words"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/supervision"
)

// tr picks the text of the language tag (zh-Hans, zh-Hant or en).
func tr(tag language.Tag, hans, hant, en string) string { return words.Of(tag, hans, hant, en) }

// The demo township's names: made-up names for the demonstration, not the places
// behind the division codes.
var (
	townshipName = [3]string{"示范镇", "示範鎮", "Shifan Town"}
	villageNames = [][3]string{
		{"东庄村", "東莊村", "Dongzhuang"}, {"西庄村", "西莊村", "Xizhuang"}, {"南街村", "南街村", "Nanjie"},
		{"北街村", "北街村", "Beijie"}, {"前营村", "前營村", "Qianying"}, {"后营村", "後營村", "Houying"},
		{"河东村", "河東村", "Hedong"}, {"河西村", "河西村", "Hexi"},
	}
)

// names returns the name of a unit of the township in language tag: the township, its
// centre (the 9-digit unit of a township-level record), or one of its villages in code
// order; "" for any other unit.
func names(tag language.Tag, villageUnits []indicators.Unit) func(indicators.Unit) string {
	pick := func(n [3]string) string { return tr(tag, n[0], n[1], n[2]) }
	return func(u indicators.Unit) string {
		if u == township {
			return pick(townshipName)
		}
		if i := slices.Index(villageUnits, u); i >= 0 {
			if i < len(villageNames) {
				return pick(villageNames[i])
			}
			return tr(tag, fmt.Sprintf("第%d村", i+1), fmt.Sprintf("第%d村", i+1), fmt.Sprintf("Village %d", i+1))
		}
		return ""
	}
}

// followUps prints how the library classified the year's chronic-disease follow-ups.
func followUps(ctx context.Context, out io.Writer, s chronic.Store, year gongwei.Period, tag language.Tag) error {
	classes := map[chronic.Class]int{}
	visits := 0
	for v, err := range s.Visits(ctx, chronic.VisitFilter{Period: year}) {
		if err != nil {
			return err
		}
		visits++
		classes[v.Assessment.Class]++
	}
	var parts []string
	for _, c := range slices.Sorted(maps.Keys(classes)) {
		if c != chronic.NoClass {
			parts = append(parts, fmt.Sprintf("%s %d", c.Label(tag), classes[c]))
		}
	}
	if n := classes[chronic.NoClass]; n > 0 {
		parts = append(parts, fmt.Sprintf(tr(tag, "未分类 %d", "未分類 %d", "not classified %d"), n))
	}
	fmt.Fprintf(out, tr(tag, "%d年慢性病随访%d次，本库分类结果：%s。\n", "%d年慢性病隨訪%d次，本庫分類結果：%s。\n",
		"Chronic-disease follow-ups in %d: %d visits, classified by the library as %s.\n"),
		year.Start.Year(), visits, strings.Join(parts, tr(tag, "；", "；", "; ")))
	return nil
}

// inspectionPlan prints the supervised units active on asOf (the units the coverage
// indicator counts) and those due or overdue for inspection.
func inspectionPlan(ctx context.Context, out io.Writer, s supervision.Store, asOf gongwei.Date, tag language.Tag) error {
	active := map[supervision.UnitID]bool{}
	for u, err := range s.Units(ctx, supervision.UnitFilter{Prefix: string(township)}) {
		if err != nil {
			return err
		}
		active[u.ID] = u.ActiveOn(asOf)
	}
	svc := supervision.New(s, supervision.Options{})
	plan, err := svc.Plan(ctx, string(township), asOf, supervision.Frequencies)
	if err != nil {
		return err
	}
	n, due, overdue := 0, 0, 0
	for _, e := range plan {
		if !active[e.Unit] {
			continue
		}
		n++
		switch e.State {
		case supervision.StateDue:
			due++
		case supervision.StateOverdue:
			overdue++
		}
	}
	fmt.Fprintf(out, tr(tag, "截至%s，在营被监督单位%d家，其中应巡查%d家、逾期未巡查%d家。\n", "截至%s，在營被監督單位%d家，其中應巡查%d家、逾期未巡查%d家。\n",
		"Supervised units active on %s: %d, of which %d due and %d overdue for inspection.\n"), asOf, n, due, overdue)
	return nil
}

// writeAssessment prints the score per service area and in total, with the scheme's
// rules and the rows left out for lack of data.
func writeAssessment(out io.Writer, a *indicators.AreaAssessment, tag language.Tag) {
	fmt.Fprintln(out, tr(tag, "考核得分（按服务项目）", "考核得分（按服務項目）", "Assessment score by service area"))
	fmt.Fprintln(out, tr(tag,
		"  规则：每个服务项目权重相同（示例方案，未找到国家分项权重），项目内各指标均分100分，达到目标得满分、未达目标按实际÷目标比例得分；无数据的指标不计分，其分值由同项目其他指标分摊。",
		"  規則：每個服務項目權重相同（示例方案，未找到國家分項權重），項目內各指標均分100分，達到目標得滿分、未達目標按實際÷目標比例得分；無數據的指標不計分，其分值由同項目其他指標分攤。",
		"  Rules: every service area weighs the same (an example scheme: no national area weights were found); within an area the indicators share 100 points, full points at the target, actual ÷ target of them below it; an indicator with no data is left out and its points shared by the area's others."))
	for _, ar := range a.Areas {
		score := ar.Score.StringFixed(2)
		if !ar.Scored {
			score = tr(tag, "不计分", "不計分", "not scored")
		}
		met := 0
		for _, r := range ar.Rows {
			if r.Result.Status == indicators.StatusMet {
				met++
			}
		}
		fmt.Fprintf(out, "  %s  %s  %s\n", padRight(ar.Service.Label(tag), 28), padLeft(score, 10),
			fmt.Sprintf(tr(tag, "达标%d/%d项", "達標%d/%d項", "%d of %d met"), met, len(ar.Rows)))
	}
	fmt.Fprintf(out, tr(tag, "  总分：%s分（满分100分）；无数据不计分的指标%d项。\n", "  總分：%s分（滿分100分）；無數據不計分的指標%d項。\n",
		"  Total: %s out of 100; %d indicators without data left out.\n"), a.Score.StringFixed(2), a.Excluded)
}

// writeVillages prints 以村达标率 for each code and the per-village table (绩效).
func writeVillages(out io.Writer, vev *indicators.Evaluation, scores []indicators.UnitScore, alloc []indicators.Allocation, name func(indicators.Unit) string, tag language.Tag) {
	fmt.Fprintln(out, tr(tag, "以村达标率（达标村数÷有数据村数）", "以村達標率（達標村數÷有數據村數）", "Share of villages meeting each target (villages met ÷ villages with data)"))
	for _, vr := range indicators.VillageRates(vev) {
		ind, _ := indicators.Lookup(vr.Code)
		fmt.Fprintf(out, "  %s  %s  %s\n", padRight(ind.LabelOf(vr.Code, tag), 40),
			padLeft(fmt.Sprintf("%d/%d", vr.Met, vr.WithData), 5), padLeft(vr.Rate().Format(1, tag), 7))
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out, tr(tag, "各村（村卫生室责任医生团队）绩效（分配：示例，应拨付经费按各村常住人口×得分分配，精确到分）", "各村（村衛生室責任醫生團隊）績效（分配：示例，應撥付經費按各村常住人口×得分分配，精確到分）", "Performance by village (the village clinic team; allocation: an example, the payable money shared by residents × score, to the fen)"))
	money := map[indicators.Unit]string{}
	for _, a := range alloc {
		money[a.Unit] = a.Amount.StringFixed(2)
	}
	ranked := slices.Clone(scores)
	slices.SortStableFunc(ranked, func(a, b indicators.UnitScore) int { return b.Score.Cmp(a.Score) })
	for i, s := range ranked {
		fmt.Fprintf(out, "  %d. %s  %s  %s  %s\n", i+1, padRight(name(s.Unit), 12), padLeft(s.Score.StringFixed(2), 6),
			fmt.Sprintf(tr(tag, "达标%2d/%2d项", "達標%2d/%2d項", "%2d of %2d met"), s.Met, s.WithData),
			fmt.Sprintf(tr(tag, "分配%s元", "分配%s元", "allocated %s yuan"), money[s.Unit]))
	}
}

// writeFunding prints the funding: the year's standard, the two parts and what each earns.
func writeFunding(out io.Writer, f indicators.Funding, score, supScore string, tag language.Tag) {
	pc := f.Rule.PerCapita
	fmt.Fprintf(out, tr(tag, "考核得分%s分，按考核结果应拨付%s元。\n", "考核得分%s分，按考核結果應撥付%s元。\n", "Assessment score %s: payable %s yuan.\n"), score, f.Paid.StringFixed(2))
	fmt.Fprintf(out, tr(tag, "  %d年国家人均基本公共卫生服务经费补助标准%s元（国家标准）×常住人口%d人 = %s元。\n",
		"  %d年國家人均基本公共衛生服務經費補助標準%s元（國家標準）×常住人口%d人 = %s元。\n",
		"  %d national per-capita standard %s yuan (national) × %d residents = %s yuan.\n"),
		pc.Year, pc.Yuan, f.Population, f.Total.StringFixed(2))
	fmt.Fprintf(out, tr(tag, "  其中卫生监督协管%s元（人均%s元：示例值，取自一省实例），按协管单项考核%s分适用%s%%档（该计划：≥80分全额，60～80分70%%，<60分50%%）：%s元。\n",
		"  其中衛生監督協管%s元（人均%s元：示例值，取自一省實例），按協管單項考核%s分適用%s%%檔（該計劃：≥80分全額，60～80分70%%，<60分50%%）：%s元。\n",
		"  Of it, health-inspection co-management %s yuan (%s yuan per resident: an example, from one province), paid by its own score %s at the %s%% tier (that plan: ≥80 full, 60-80 70%%, <60 50%%): %s yuan.\n"),
		f.SupervisionTotal.StringFixed(2), f.Rule.Supervision, supScore, f.Tier.Shift(2).String(), f.SupervisionPaid.StringFixed(2))
	fmt.Fprintf(out, tr(tag, "  其余服务经费%s元，质量系数%s（考核得分÷100，不低于%s时按1计；示例规则，取自一个县级考核系统）：%s元。\n",
		"  其餘服務經費%s元，質量係數%s（考核得分÷100，不低於%s時按1計；示例規則，取自一個縣級考核系統）：%s元。\n",
		"  The other services %s yuan, quality coefficient %s (score ÷ 100, taken as 1 at or above %s; an example rule, from one county system): %s yuan.\n"),
		f.ServicesTotal.StringFixed(2), f.Coefficient.String(), f.Rule.CoefficientFloor, f.ServicesPaid.StringFixed(2))
	fmt.Fprintf(out, tr(tag, "  应拨付合计%s元。\n", "  應撥付合計%s元。\n", "  Payable in total: %s yuan.\n"), f.Paid.StringFixed(2))
}

// writeSources prints where the plan's targets come from, by kind: national documents,
// local plans, example values.
func writeSources(out io.Writer, plan *indicators.Plan, tag language.Tag) {
	fmt.Fprintln(out, tr(tag, "目标来源", "目標來源", "Where the targets come from"))
	for _, k := range []indicators.SourceKind{indicators.SourceNational, indicators.SourcePlan, indicators.SourceExample} {
		var labels []string
		for _, r := range plan.Rows {
			if r.Source.Kind == k {
				ind, _ := indicators.Lookup(r.Code)
				labels = append(labels, ind.LabelOf(r.Code, tag))
			}
		}
		if len(labels) == 0 {
			continue
		}
		what := map[indicators.SourceKind]string{
			indicators.SourceNational: tr(tag, "国家文件（2023年基本公共卫生服务绩效目标、2016年家庭医生签约服务指导意见、健康儿童行动提升计划）",
				"國家文件（2023年基本公共衛生服務績效目標、2016年家庭醫生簽約服務指導意見、健康兒童行動提升計劃）",
				"national documents (the 2023 performance targets, the 2016 family-doctor guidance, the 2021-2025 child-health plan)"),
			indicators.SourcePlan:    tr(tag, "乡镇卫生院年度工作计划", "鄉鎮衛生院年度工作計劃", "township health centres' work plans"),
			indicators.SourceExample: tr(tag, "示例值（未找到来源，由本地设定）", "示例值（未找到來源，由本地設定）", "example values (no source found; set locally)"),
		}[k]
		fmt.Fprintf(out, "  %s%s%s\n", k.Label(tag)+tr(tag, "·", "·", ": ")+what, tr(tag, "：", "：", ": "), strings.Join(labels, tr(tag, "、", "、", ", ")))
	}
	fmt.Fprintln(out, tr(tag,
		"  说明：计划与规范不一致处按规范：老年人健康管理率按规范统计65岁及以上老年人，计划中针对60岁以上的≥80%不适用；健康教育的次数要求针对每个机构，故只计卫生院本身的活动。",
		"  說明：計劃與規範不一致處按規範：老年人健康管理率按規範統計65歲及以上老年人，計劃中針對60歲以上的≥80%不適用；健康教育的次數要求針對每個機構，故只計衛生院本身的活動。",
		"  Note: where a plan and the specification differ, the specification is followed: the elderly rate counts residents 65+, so the plans' ≥80% for 60+ does not apply; health education minimums are per institution, so only the centre's own activities count."))
}

// padRight and padLeft pad s with spaces to w terminal columns (CJK characters take two).
func padRight(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-indicators.DisplayWidth(s)))
}
func padLeft(s string, w int) string {
	return strings.Repeat(" ", max(0, w-indicators.DisplayWidth(s))) + s
}

// villagesPerTeam is how many villages each family-doctor team of the demo township is
// responsible for: an example grouping, not a rule.
const villagesPerTeam = 2

// teams groups the villages, in code order, into teams of villagesPerTeam: the map from
// village to team and the teams in order.
func teams(villageUnits []indicators.Unit) (map[indicators.Unit]indicators.Unit, []indicators.Unit) {
	of := map[indicators.Unit]indicators.Unit{}
	var order []indicators.Unit
	for i, v := range villageUnits {
		t := indicators.Unit(fmt.Sprintf("%s-T%d", township, i/villagesPerTeam+1))
		if i%villagesPerTeam == 0 {
			order = append(order, t)
		}
		of[v] = t
	}
	return of, order
}

// writeTeams prints the per-team table (绩效) with each team's villages.
func writeTeams(out io.Writer, scores []indicators.UnitScore, teamOf map[indicators.Unit]indicators.Unit, villageUnits []indicators.Unit, name func(indicators.Unit) string, tag language.Tag) {
	fmt.Fprintln(out, tr(tag, "各家庭医生团队绩效（示例分组：每个团队负责2个村）", "各家庭醫生團隊績效（示例分組：每個團隊負責2個村）",
		"Performance by family-doctor team (an example grouping: 2 villages a team)"))
	ranked := slices.Clone(scores)
	slices.SortStableFunc(ranked, func(a, b indicators.UnitScore) int { return b.Score.Cmp(a.Score) })
	for i, s := range ranked {
		var members []string
		for _, v := range villageUnits {
			if teamOf[v] == s.Unit {
				members = append(members, name(v))
			}
		}
		n, _ := strconv.Atoi(string(s.Unit[strings.LastIndex(string(s.Unit), "T")+1:]))
		team := tr(tag, "第"+numeral(n)+"团队", "第"+numeral(n)+"團隊", fmt.Sprintf("Team %d", n))
		fmt.Fprintf(out, "  %d. %s  %s  %s  %s\n", i+1, padRight(team, 10), padLeft(s.Score.StringFixed(2), 6),
			fmt.Sprintf(tr(tag, "达标%2d/%2d项", "達標%2d/%2d項", "%2d of %2d met"), s.Met, s.WithData),
			strings.Join(members, tr(tag, "、", "、", ", ")))
	}
}

// numeral is the Chinese numeral of 1 to 10 (Arabic beyond).
func numeral(n int) string {
	if n >= 1 && n <= 10 {
		return []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[n-1]
	}
	return strconv.Itoa(n)
}
