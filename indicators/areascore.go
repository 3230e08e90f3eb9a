package indicators

import (
	"fmt"
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// NoDataRule is what an assessment scheme does with a row that has no data (no cell, or
// a zero denominator: nothing happened to count).
type NoDataRule int

// The no-data rules seen in assessment schemes (plan-services.md §1.2: no national rule
// was found). NoDataExclude is the zero value.
const (
	// NoDataExclude leaves the row out and shares its points among the area's other rows
	// (an area with no data at all is left out of the total, whose weights are
	// renormalised): a local scheme's "未发生…的不扣分" (no deduction where no event
	// occurred) applied to proportional scoring.
	NoDataExclude NoDataRule = iota
	// NoDataZero scores the row 0 (an open-source county system).
	NoDataZero
	// NoDataFull gives the row its full points (a deduction sheet's "不扣分" read
	// literally).
	NoDataFull
)

// AreaScheme is an assessment scheme that weighs service areas (项目) and scores each
// plan row of an area with a share of its points. Weights per service area are set by
// provinces and counties: no national weights were found (plan-services.md §1.2), so the
// host supplies them.
type AreaScheme struct {
	// Name and Source say whose scheme this is.
	Name, Source string
	// Weights are the points of each service area; the total score is scaled to 100 over
	// the weights of the areas scored. An area of the plan without a weight is not scored.
	Weights map[Service]decimal.Decimal
	// NoData is what a row without data earns.
	NoData NoDataRule
	// Stepped, when set, scores rows by stepped deduction instead of proportionally.
	Stepped *StepRule
}

// StepRule is a stepped deduction (plan-services.md §1.2, a 2013 city sheet: "−0.5 for
// each 2% shortfall … 扣完为止"): a row below its target loses Deduct of its points for
// each Step (in the indicator's scale, e.g. 2 percentage points) or part of one that the
// value falls short, down to zero. A value beyond a ceiling target falls short by how
// far it exceeds it.
type StepRule struct {
	Step   decimal.Decimal // > 0
	Deduct decimal.Decimal // share of the row's points per step, 0 to 1
}

// credit returns the credit of a value against a target under the rule.
func (s StepRule) credit(value decimal.Decimal, t Target) decimal.Decimal {
	short := t.Value.Sub(value)
	if t.Op == OpAtMost || t.Op == OpBelow {
		short = value.Sub(t.Value)
	}
	if !short.IsPositive() || t.Met(value) {
		return decimal.NewFromInt(1)
	}
	steps := short.Div(s.Step).Ceil()
	return decimal.Max(decimal.Zero, decimal.NewFromInt(1).Sub(steps.Mul(s.Deduct)))
}

// ExampleAreaScheme is the example township's scheme: every service area of the
// specification weighs the same (1 point each, scaled to 100), each row of an area an
// equal share of it, scored proportionally — full points at the target, value ÷ target of
// them below a floor, target ÷ value above a ceiling (the commonest rule, plan-services.md
// §1.2: "按百分比得分"; nbphs-spec §15 egt/elt) — and rows without data left out with
// their area's points shared by its other rows (NoDataExclude). The equal weights are an
// example (no per-area weights were found), not a national scheme.
func ExampleAreaScheme() AreaScheme {
	w := map[Service]decimal.Decimal{}
	for _, s := range Services() {
		w[s] = decimal.NewFromInt(1)
	}
	return AreaScheme{
		Name:    "example: equal weight per service area, proportional points, no data left out",
		Source:  "plan-services.md §1.2 (proportional points; no national area weights or no-data rule found)",
		Weights: w,
		NoData:  NoDataExclude,
	}
}

// RowScore is one plan row's part of an area score.
type RowScore struct {
	Result Result // the plan row's evaluation
	// Credit is 0 to 1 (value ÷ target below a floor); Points is the row's share of the
	// area's 100 points times Credit.
	Credit, Points decimal.Decimal
	// Excluded reports a row without data left out under NoDataExclude.
	Excluded bool
}

// AreaScore is one service area's score out of 100 and its rows.
type AreaScore struct {
	Service Service         // the service area
	Weight  decimal.Decimal // the area's weight in the total (AreaScheme's)
	// Score is Σ row points, out of 100 (rounded half-up to 2 places).
	Score decimal.Decimal
	// Scored is false for an area all of whose rows were excluded.
	Scored bool
	// Rows are the area's plan rows with their credits and points.
	Rows []RowScore
}

// AreaAssessment is an evaluation scored by an AreaScheme.
type AreaAssessment struct {
	Scheme AreaScheme  // the scheme the evaluation was scored by
	Areas  []AreaScore // each service area's score, in service order
	// Score is Σ area score × weight ÷ Σ weights of the areas scored, out of 100, rounded
	// half-up to 2 places.
	Score decimal.Decimal
	// Excluded counts the rows left out for lack of data.
	Excluded int
}

// Area returns the score of service s, and false when the plan has no row of it.
func (a *AreaAssessment) Area(s Service) (AreaScore, bool) {
	for _, x := range a.Areas {
		if x.Service == s {
			return x, true
		}
	}
	return AreaScore{}, false
}

// AssessAreas scores ev by scheme s: for each service area with a weight, each row gets
// 100 ÷ (the area's rows counted) points, times its credit (proportional: egt for a floor
// target, elt for a ceiling, see [Assess]); rows without data follow s.NoData. Credits are
// kept to 10 places and scores rounded half-up to 2. The error wraps gongwei.ErrInvalid
// for a negative weight or an unknown no-data rule.
func AssessAreas(ev *Evaluation, s AreaScheme) (*AreaAssessment, error) {
	if s.NoData < NoDataExclude || s.NoData > NoDataFull {
		return nil, fmt.Errorf("%w: unknown no-data rule %d", gongwei.ErrInvalid, s.NoData)
	}
	if st := s.Stepped; st != nil && (!st.Step.IsPositive() || st.Deduct.IsNegative() || st.Deduct.GreaterThan(decimal.NewFromInt(1))) {
		return nil, fmt.Errorf("%w: stepped rule", gongwei.ErrInvalid)
	}
	hundred, one := decimal.NewFromInt(100), decimal.NewFromInt(1)
	out := &AreaAssessment{Scheme: s}
	var sum, weights decimal.Decimal
	for _, g := range ev.ByService() {
		w, ok := s.Weights[g.Service]
		if !ok {
			continue
		}
		if w.IsNegative() {
			return nil, fmt.Errorf("%w: negative weight for %s", gongwei.ErrInvalid, g.Service)
		}
		area := AreaScore{Service: g.Service, Weight: w}
		counted := 0
		for _, r := range g.Results {
			rs := RowScore{Result: r}
			switch {
			case r.HasData && s.Stepped != nil:
				rs.Credit = s.Stepped.credit(r.Value, r.Row.Target)
			case r.HasData:
				rule := RuleEGT
				if r.Row.Target.Op == OpAtMost || r.Row.Target.Op == OpBelow {
					rule = RuleELT
				}
				rs.Credit = proportional(rule, r.Value, r.Row.Target.Value)
			case s.NoData == NoDataFull:
				rs.Credit = one
			case s.NoData == NoDataExclude:
				rs.Excluded = true
				out.Excluded++
			}
			if !rs.Excluded {
				counted++
			}
			area.Rows = append(area.Rows, rs)
		}
		if counted > 0 {
			share := hundred.DivRound(decimal.NewFromInt(int64(counted)), creditPlaces)
			var pts decimal.Decimal
			for i := range area.Rows {
				if !area.Rows[i].Excluded {
					area.Rows[i].Points = share.Mul(area.Rows[i].Credit).Round(creditPlaces)
					pts = pts.Add(area.Rows[i].Points)
				}
			}
			area.Score, area.Scored = pts.Round(scorePlaces), true
			sum = sum.Add(pts.Mul(w))
			weights = weights.Add(w)
		}
		out.Areas = append(out.Areas, area)
	}
	if weights.IsPositive() {
		out.Score = sum.DivRound(weights, scorePlaces)
	}
	return out, nil
}

// UnitPlan returns the rows of p whose codes are not in skip, copied for each of units:
// the plan a township holds its villages to (以村达标率, the per-village table). The
// period, milestones, estimates and catalogue are p's.
func UnitPlan(p *Plan, units []Unit, skip ...Code) *Plan {
	out := &Plan{Name: p.Name, Period: p.Period, Milestones: p.Milestones, Estimates: p.Estimates, Catalogue: p.Catalogue}
	for _, u := range units {
		for _, r := range p.Rows {
			if slices.Contains(skip, r.Code) {
				continue
			}
			r.Unit = u
			out.Rows = append(out.Rows, r)
		}
	}
	return out
}

// VillageRate is one plan code's 以村达标率: the share of the villages with data that
// meet the target.
type VillageRate struct {
	Code Code // the plan row's indicator code
	// Met and WithData count villages; Rate is Met ÷ WithData (a Percent rate).
	Met, WithData int64
}

// Rate returns Met ÷ WithData as a percentage.
func (v VillageRate) Rate() Rate {
	return Rate{Numerator: v.Met, Denominator: v.WithData, Scale: Percent}
}

// VillageRates returns 以村达标率 for every code of ev (an evaluation of a UnitPlan), in
// the order of first appearance: villages meeting the target over villages with data
// (plan-targets.md: "基本公共卫生服务项目达标率 … each village ≥85%").
func VillageRates(ev *Evaluation) []VillageRate {
	var out []VillageRate
	at := map[Code]int{}
	for _, r := range ev.Results {
		i, ok := at[r.Row.Code]
		if !ok {
			i = len(out)
			at[r.Row.Code] = i
			out = append(out, VillageRate{Code: r.Row.Code})
		}
		if r.HasData {
			out[i].WithData++
			if r.Status == StatusMet {
				out[i].Met++
			}
		}
	}
	return out
}

// UnitScore is one unit's line of the performance table (绩效): its score under a
// scheme, the rows met and the rows with data.
type UnitScore struct {
	Unit          Unit
	Score         decimal.Decimal
	Met, WithData int
	Assessment    *AreaAssessment
}

// UnitScores scores each unit of ev (an evaluation of a UnitPlan) on its own rows with
// scheme s, in the order the units first appear. Sorted by score, it is the per-village
// (or per-team, for a tally whose units are teams) performance table.
func UnitScores(ev *Evaluation, s AreaScheme) ([]UnitScore, error) {
	var units []Unit
	by := map[Unit][]Result{}
	for _, r := range ev.Results {
		if _, ok := by[r.Row.Unit]; !ok {
			units = append(units, r.Row.Unit)
		}
		by[r.Row.Unit] = append(by[r.Row.Unit], r)
	}
	out := make([]UnitScore, 0, len(units))
	for _, u := range units {
		sub := &Evaluation{Plan: ev.Plan, AsOf: ev.AsOf, Results: by[u]}
		a, err := AssessAreas(sub, s)
		if err != nil {
			return nil, err
		}
		us := UnitScore{Unit: u, Score: a.Score, Assessment: a}
		for _, r := range by[u] {
			if r.HasData {
				us.WithData++
				if r.Status == StatusMet {
					us.Met++
				}
			}
		}
		out = append(out, us)
	}
	return out, nil
}

// GroupUnits returns the cells of t whose unit has a group in groupOf, merged under the
// group's unit (counts add, as a roll-up does): the tally of doctor teams (家庭医生团队),
// each responsible for some villages, from the villages' tally. Cells of other units are
// left out.
func GroupUnits(t *Tally, groupOf map[Unit]Unit) *Tally {
	out := NewTally(0)
	for k, c := range t.All() {
		g, ok := groupOf[k.Unit]
		if !ok {
			continue
		}
		k.Unit = g
		out.AddCounts(k, c)
	}
	return out
}
