package indicators

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// Validation codes of plans (catalog keys, prefixed "ind.").
const (
	CodeUnknownIndicator gongwei.Code = "ind.unknown_indicator" // a row names no catalogued indicator
	CodeMilestoneOrder   gongwei.Code = "ind.milestone_order"   // milestones out of date or share order
)

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: string(CodeUnknownIndicator), ZhHans: "指标代码不在指标目录中", ZhHant: "指標代碼不在指標目錄中", En: "is not an indicator of the catalogue"},
		gongwei.Message{Key: string(CodeMilestoneOrder), ZhHans: "进度节点的日期或比例顺序不正确", ZhHant: "進度節點的日期或比例順序不正確", En: "milestones are out of date or share order"},
	)
}

// PlanRow is one line of a plan: an indicator's target in one unit.
type PlanRow struct {
	Code   Code   // the indicator, a code of the plan's catalogue
	Unit   Unit   // the division unit the target is set for
	Target Target // the comparison the unit's rate must meet
	// Note records where the target comes from or a variant ("another plan: ≥80%").
	Note string
	// Source says where the target comes from: a national list, a local plan, or an
	// example value the host replaces (see TargetSource).
	Source TargetSource
}

// TargetSource is where a plan row's target comes from, shown beside the target so that
// no reader takes a local or example figure for a national one.
type TargetSource struct {
	// Kind is national, a local plan's, or an example value.
	Kind SourceKind
	// Ref names the document or reference (plan-targets.md, a national list's repost).
	Ref string
}

// SourceKind classifies a target's source.
type SourceKind int

// The kinds of target source.
const (
	SourceUnstated SourceKind = iota // no source given
	SourceNational                   // a national document's target
	SourcePlan                       // a real local plan's target (plan-targets.md)
	SourceExample                    // no source found: an example value the host sets
)

var sourceKindKeys = [...]string{
	SourceUnstated: "ind.source.unstated", SourceNational: "ind.source.national",
	SourcePlan: "ind.source.plan", SourceExample: "ind.source.example",
}

func init() {
	gongwei.RegisterMessages(
		gongwei.Message{Key: sourceKindKeys[SourceUnstated], ZhHans: "未注明", ZhHant: "未註明", En: "unstated"},
		gongwei.Message{Key: sourceKindKeys[SourceNational], ZhHans: "国家", ZhHant: "國家", En: "national"},
		gongwei.Message{Key: sourceKindKeys[SourcePlan], ZhHans: "地方计划", ZhHant: "地方計劃", En: "local plan"},
		gongwei.Message{Key: sourceKindKeys[SourceExample], ZhHans: "示例值", ZhHant: "示例值", En: "example"},
	)
}

// Label returns the kind's name in the language tag (国家, 地方计划, 示例值).
func (k SourceKind) Label(tag language.Tag) string {
	if k < 0 || int(k) >= len(sourceKindKeys) {
		k = SourceUnstated
	}
	return gongwei.NewPrinter(tag).Sprintf(sourceKindKeys[k])
}

// Milestone is the cumulative share of the year's work due by a date (inclusive): 30% by
// the end of June, 80% by the end of September, 100% by 10 December (plan-targets.md
// "Milestones through the year").
type Milestone struct {
	By    gongwei.Date    // the date the share is due by, inclusive
	Share decimal.Decimal // 0 < Share ≤ 1
}

// Plan is a work plan (工作计划): targets per indicator and unit for a period, milestones
// through the period, and the local parameters of estimated denominators. Targets are
// local, not national: [ExamplePlan] is one township's, to be replaced by the host's.
type Plan struct {
	Name       string         // the plan's title, shown on its reports
	Period     gongwei.Period // the period the targets are for (a year)
	Rows       []PlanRow      // the targets, one per (code, unit)
	Milestones []Milestone    // the cumulative shares due through the period, in date order
	// Estimates are the parameters of the estimated denominators (ht.management,
	// dm.management), by indicator code.
	Estimates map[Code]Estimate
	// Catalogue defines the indicators; nil means the national catalogue.
	Catalogue *Catalogue
	// ElderlyMinAge is the age the plan counts the elderly from: 0 for the
	// specification's 65 (healthrecord.ElderlyMinAge), or
	// healthrecord.ElderlyMinAgePlan60 for a plan that counts 60岁以上老年人
	// (plan-targets.md). Compute with it through [Plan.RecordOptions].
	ElderlyMinAge int
}

// RecordOptions returns the options of the record indicators that the plan sets (its
// elderly age), for Sources.RecordOptions.
func (p *Plan) RecordOptions() *RecordOptions { return &RecordOptions{ElderlyMinAge: p.ElderlyMinAge} }

// Validate reports every problem of the plan at once: a missing or invalid period, rows
// naming unknown indicators, invalid targets, a (code, unit) row twice, and milestones that
// are not in increasing date and share order inside the period with shares in (0, 1].
func (p *Plan) Validate() error {
	ve := gongwei.ValidationError{Record: "indicators.Plan"}
	ve.Check(p.Period.IsValid(), "Period", gongwei.CodeRequired)
	ve.Check(p.ElderlyMinAge == 0 || p.ElderlyMinAge == healthrecord.ElderlyMinAgePlan60 || p.ElderlyMinAge == healthrecord.ElderlyMinAge,
		"ElderlyMinAge", gongwei.CodeOutOfRange, healthrecord.ElderlyMinAgePlan60, healthrecord.ElderlyMinAge)
	seen := map[Key]bool{}
	for i, r := range p.Rows {
		f := "Rows[" + strconv.Itoa(i) + "]"
		if _, ok := p.Catalogue.Lookup(r.Code); !ok {
			ve.Add(f+".Code", CodeUnknownIndicator)
		}
		ve.Check(r.Target.IsValid(), f+".Target", gongwei.CodeFormat)
		k := Key{Code: r.Code, Unit: r.Unit}
		ve.Check(!seen[k], f, gongwei.CodeDuplicate)
		seen[k] = true
	}
	one := decimal.NewFromInt(1)
	for i, m := range p.Milestones {
		f := "Milestones[" + strconv.Itoa(i) + "]"
		ve.Check(m.Share.IsPositive() && !m.Share.GreaterThan(one), f+".Share", gongwei.CodeOutOfRange, 0, 1)
		ve.Check(!p.Period.IsValid() || p.Period.Contains(m.By), f+".By", gongwei.CodeOutOfRange, p.Period.Start, p.Period.Last())
		if i > 0 {
			prev := p.Milestones[i-1]
			ve.Check(prev.By.Before(m.By) && prev.Share.LessThan(m.Share), f, CodeMilestoneOrder)
		}
	}
	for code, e := range p.Estimates {
		if _, err := e.Patients(0); err != nil {
			ve.Add("Estimates["+string(code)+"]", gongwei.CodeOutOfRange, 0, 1)
		}
	}
	return ve.Err()
}

// Due returns the share of the year's work due by asOf: the share of the latest milestone
// dated on or before asOf, or zero when none is due yet.
func (p *Plan) Due(asOf gongwei.Date) decimal.Decimal {
	var due decimal.Decimal
	for _, m := range p.Milestones {
		if !m.By.After(asOf) && m.Share.GreaterThan(due) {
			due = m.Share
		}
	}
	return due
}

// EstimatedDenominator returns the estimated number of patients for code in a unit of the
// given population, from the plan's Estimates (see [Estimate.Patients]); false when the
// plan has no estimate for code. A computation adds it to a tally as the denominator:
// t.Add(code, unit, period, 0, n).
func (p *Plan) EstimatedDenominator(code Code, population int64) (int64, bool, error) {
	e, ok := p.Estimates[code.Family()]
	if !ok {
		return 0, false, nil
	}
	n, err := e.Patients(population)
	return n, true, err
}

// Status is the outcome of a plan row: 达标, 未达标 or 无数据.
type Status uint8

// The statuses. The numbering is part of JSON output: append only.
const (
	StatusNoData Status = iota // 无数据: no cell in the tally, or a zero denominator
	StatusMet                  // 达标
	StatusNotMet               // 未达标
)

var statusKeys = [...]string{StatusNoData: "ind.status.no_data", StatusMet: "ind.status.met", StatusNotMet: "ind.status.not_met"}

// Label returns the status in language tag: 达标 / 達標 / met.
func (s Status) Label(tag language.Tag) string { return keyedLabel(statusKeys[:], s, "Status", tag) }

// String returns "no_data", "met" or "not_met".
func (s Status) String() string { return keyedName(statusKeys[:], s, "Status") }

// MarshalText encodes the status as String does.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Progress is a row's standing against the milestone due.
type Progress uint8

// The progress states.
const (
	ProgressNotApplicable Progress = iota // the target is a ceiling (≤, <) or zero: milestones do not apply
	ProgressNotDue                        // no milestone is due yet
	ProgressOnTrack                       // actual ÷ target ≥ the share due
	ProgressBehind                        // actual ÷ target < the share due, or no data
)

var progressKeys = [...]string{
	ProgressNotApplicable: "ind.progress.na", ProgressNotDue: "ind.progress.not_due",
	ProgressOnTrack: "ind.progress.on_track", ProgressBehind: "ind.progress.behind",
}

// Label returns the progress state in language tag: 按进度 / 滞后 / …
func (p Progress) Label(tag language.Tag) string {
	return keyedLabel(progressKeys[:], p, "Progress", tag)
}

// String returns "na", "not_due", "on_track" or "behind".
func (p Progress) String() string { return keyedName(progressKeys[:], p, "Progress") }

// MarshalText encodes the progress state as String does.
func (p Progress) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Result is the evaluation of one plan row.
type Result struct {
	Indicator *Indicator // the catalogue's definition of the row's code
	Row       PlanRow    // the plan row evaluated
	// Actual is the rate formed from the tally's counts for (code, unit, plan period).
	Actual Rate
	// Value is Actual rounded to the indicator's places; HasData reports whether it exists.
	Value   decimal.Decimal
	HasData bool
	Status  Status // 达标, 未达标, or 无数据 without data
	// Due is the share of the target due by the evaluation date (0 to 1).
	Due decimal.Decimal
	// Achieved is Value ÷ target value, rounded half-up to 4 places (0.3333 = 33.33% of the
	// target); zero when the target is a ceiling or zero, or without data.
	Achieved decimal.Decimal
	// Progress is the row's standing against the milestone due on the evaluation date.
	Progress Progress
}

// Evaluation is a plan evaluated against a tally on a date.
type Evaluation struct {
	Plan    *Plan
	AsOf    gongwei.Date
	Results []Result
}

// progressPlaces is the precision of Result.Achieved.
const progressPlaces = 4

// Evaluate holds each row of plan against the tally cell (row code, row unit, plan
// period) as of asOf (the last day whose work the tally includes). For each row it gives
// the actual rate, the value rounded to the indicator's places, the status (达标 when the
// rounded value meets the target, 未达标 when not, 无数据 when the cell is absent or its
// denominator zero), and, for floor targets (≥, >), the share achieved (value ÷ target)
// against the milestone share due by asOf.
//
// Results are ordered by service (nbphs-spec §0 order), then as the plan lists them. The
// error wraps gongwei.ErrInvalid when the plan does not validate or asOf is before the
// plan's period.
func Evaluate(plan *Plan, t *Tally, asOf gongwei.Date) (*Evaluation, error) {
	if err := plan.Validate(); err != nil {
		return nil, err
	}
	if asOf.IsZero() || asOf.Before(plan.Period.Start) {
		return nil, fmt.Errorf("%w: evaluation date before the plan period", gongwei.ErrInvalid)
	}
	if t == nil {
		t = &Tally{}
	}
	ev := &Evaluation{Plan: plan, AsOf: asOf, Results: make([]Result, 0, len(plan.Rows))}
	due := plan.Due(asOf)
	for _, row := range plan.Rows {
		ind, _ := plan.Catalogue.Lookup(row.Code)
		r := Result{Indicator: ind, Row: row, Actual: Rate{Scale: ind.Scale}, Due: due}
		if c, ok := t.Get(Key{row.Code, row.Unit, plan.Period}); ok {
			r.Actual = ind.Rate(c)
			r.Value, r.HasData = r.Actual.Value(ind.Places)
		}
		switch {
		case !r.HasData:
			r.Status = StatusNoData
		case row.Target.Met(r.Value):
			r.Status = StatusMet
		default:
			r.Status = StatusNotMet
		}
		floor := row.Target.Op == OpAtLeast || row.Target.Op == OpAbove
		switch {
		case !floor || !row.Target.Value.IsPositive():
			r.Progress = ProgressNotApplicable
		default:
			if r.HasData {
				r.Achieved = r.Value.DivRound(row.Target.Value, progressPlaces)
			}
			switch {
			case due.IsZero():
				r.Progress = ProgressNotDue
			case r.HasData && !r.Achieved.LessThan(due):
				r.Progress = ProgressOnTrack
			default:
				r.Progress = ProgressBehind
			}
		}
		ev.Results = append(ev.Results, r)
	}
	slices.SortStableFunc(ev.Results, func(a, b Result) int { return int(a.Indicator.Service) - int(b.Indicator.Service) })
	return ev, nil
}

// ByService returns the results grouped by service, in service order; services without
// rows are left out.
func (ev *Evaluation) ByService() []ServiceResults {
	var out []ServiceResults
	for _, r := range ev.Results {
		if n := len(out); n == 0 || out[n-1].Service != r.Indicator.Service {
			out = append(out, ServiceResults{Service: r.Indicator.Service})
		}
		out[len(out)-1].Results = append(out[len(out)-1].Results, r)
	}
	return out
}

// ServiceResults are the results of one service.
type ServiceResults struct {
	Service Service
	Results []Result
}
