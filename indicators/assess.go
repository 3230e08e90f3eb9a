package indicators

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/shopspring/decimal"
)

// Rule is a partial-credit rule of an assessment item, with the vocabulary of a public
// assessment code base (nbphs-spec §15, [R64]).
type Rule string

// The rules (nbphs-spec §15).
const (
	// RuleEGT: full credit when the value ≥ the target ("baseline"), else proportional:
	// min(1, value ÷ target).
	RuleEGT Rule = "egt"
	// RuleELT: full credit when the value ≤ the target, else proportional: target ÷ value.
	// The rule, not the target's strictness, decides: a value equal to a "<14" target
	// earns full credit under elt, though the row's status is 未达标.
	RuleELT Rule = "elt"
	// RuleY01: full credit if the answer is yes.
	RuleY01 Rule = "Y01"
	// RuleN01: full credit if the answer is no.
	RuleN01 Rule = "N01"
	// RuleAttach: scored by hand from uploaded evidence; the credit comes from
	// Inputs.Manual.
	RuleAttach Rule = "attach"
	// RuleEmpty: reported only; the item carries no weight.
	RuleEmpty Rule = "empty"
)

// Item is one line of an assessment scheme.
type Item struct {
	Code   Code            // the indicator assessed (a plan row's code, or a Y01/N01/attach item's)
	Unit   Unit            // the unit whose plan row it scores
	Weight decimal.Decimal // points; the score is scaled to 100 over the weights of the scored items
	Rule   Rule            // how the row's result becomes a credit
}

// Scheme is an assessment scheme (考核方案): weighted items with partial-credit rules.
// Schemes are provincial or county documents (nbphs-spec §15: no national grade bands are
// documented); a host supplies its own. [ProportionalScheme] derives a plain one from a plan.
type Scheme struct {
	Name  string // the scheme's title, as its document names it
	Items []Item // the weighted items, in the document's order
}

// ProportionalScheme returns a scheme with one item of weight 1 per plan row: egt for a
// floor target (≥, >), elt for a ceiling (≤, <). It is a neutral default, not a national
// scheme.
func ProportionalScheme(p *Plan) Scheme {
	s := Scheme{Name: "proportional"}
	for _, r := range p.Rows {
		rule := RuleEGT
		if r.Target.Op == OpAtMost || r.Target.Op == OpBelow {
			rule = RuleELT
		}
		s.Items = append(s.Items, Item{Code: r.Code, Unit: r.Unit, Weight: decimal.NewFromInt(1), Rule: rule})
	}
	return s
}

// Inputs are the answers an assessment needs beyond the evaluated plan.
type Inputs struct {
	// Answers are the yes/no results of Y01 and N01 items, by code.
	Answers map[Code]bool
	// Manual are the credits (0 to 1) of attach items, by code.
	Manual map[Code]decimal.Decimal
}

// ItemScore is the outcome of one item.
type ItemScore struct {
	Item   Item            // the scheme's item
	Credit decimal.Decimal // 0 to 1
	Points decimal.Decimal // Weight × Credit
}

// Assessment is an evaluated plan scored by a scheme.
type Assessment struct {
	// Items are the scores of the scheme's items, in its order.
	Items []ItemScore
	// Score is Σ points ÷ Σ weights × 100, rounded half-up to 2 places.
	Score decimal.Decimal
}

// creditPlaces is the precision of a proportional credit.
const creditPlaces = 10

// scorePlaces is the precision of the score out of 100.
const scorePlaces = 2

// Assess scores an evaluated plan. For egt and elt items the value and the target are
// those of the evaluation's result for (code, unit); an item whose result has no data
// earns no credit (a missing figure scores nothing — the library's choice, stated here,
// as the references give no rule). Weights must be non-negative; empty items are left out
// of the total. The error wraps gongwei.ErrInvalid for an unknown rule, a negative weight,
// an egt or elt item without a result in the evaluation, or a manual credit outside 0–1.
func Assess(ev *Evaluation, s Scheme, in Inputs) (*Assessment, error) {
	one := decimal.NewFromInt(1)
	a := &Assessment{}
	var points, weights decimal.Decimal
	for _, it := range s.Items {
		if it.Weight.IsNegative() {
			return nil, fmt.Errorf("%w: negative weight for %s", gongwei.ErrInvalid, it.Code)
		}
		var credit decimal.Decimal
		switch it.Rule {
		case RuleEGT, RuleELT:
			r, ok := ev.find(it.Code, it.Unit)
			if !ok {
				return nil, fmt.Errorf("%w: no plan row for %s", gongwei.ErrInvalid, it.Code)
			}
			if r.HasData {
				credit = proportional(it.Rule, r.Value, r.Row.Target.Value)
			}
		case RuleY01:
			if in.Answers[it.Code] {
				credit = one
			}
		case RuleN01:
			if ans, ok := in.Answers[it.Code]; ok && !ans {
				credit = one
			}
		case RuleAttach:
			credit = in.Manual[it.Code]
			if credit.IsNegative() || credit.GreaterThan(one) {
				return nil, fmt.Errorf("%w: manual credit for %s outside 0-1", gongwei.ErrInvalid, it.Code)
			}
		case RuleEmpty:
			a.Items = append(a.Items, ItemScore{Item: it})
			continue
		default:
			return nil, fmt.Errorf("%w: unknown rule %q", gongwei.ErrInvalid, it.Rule)
		}
		p := it.Weight.Mul(credit)
		a.Items = append(a.Items, ItemScore{Item: it, Credit: credit, Points: p})
		points = points.Add(p)
		weights = weights.Add(it.Weight)
	}
	if weights.IsPositive() {
		a.Score = points.Mul(decimal.NewFromInt(100)).DivRound(weights, scorePlaces)
	}
	return a, nil
}

// proportional is the egt / elt credit (nbphs-spec §15).
func proportional(rule Rule, value, target decimal.Decimal) decimal.Decimal {
	one := decimal.NewFromInt(1)
	if rule == RuleEGT {
		if value.GreaterThanOrEqual(target) || !target.IsPositive() {
			return one
		}
		return value.DivRound(target, creditPlaces)
	}
	if value.LessThanOrEqual(target) {
		return one
	}
	return target.DivRound(value, creditPlaces) // value > target ≥ 0, so value > 0
}

func (ev *Evaluation) find(code Code, unit Unit) (Result, bool) {
	for _, r := range ev.Results {
		if r.Row.Code == code && r.Row.Unit == unit {
			return r, true
		}
	}
	return Result{}, false
}

// Funding tiers of the assessment score (plan-targets.md "Funding and assessment":
// "score ≥80: full amount; 60 to 80: 70%; <60, or violations: 50%"). The boundaries are
// read as: 80 itself is full ("≥80"); 60 itself is 70% (because "<60" is the 50% tier);
// 60 ≤ score < 80 is 70%. These are one local plan's tiers, not national ones.
var (
	tierFull    = decimal.NewFromInt(1)
	tierReduced = decimal.RequireFromString("0.7")
	tierLow     = decimal.RequireFromString("0.5")
	tierFullAt  = decimal.NewFromInt(80)
	tierRedAt   = decimal.NewFromInt(60)
)

// FundingTier returns the share of the funding a score out of 100 earns: 1 for a score
// ≥80, 0.7 for 60 ≤ score < 80, 0.5 below 60 (plan-targets.md). The plan also gives 0.5
// for violations whatever the score; the caller applies that, as the tier takes the score
// only.
func FundingTier(score decimal.Decimal) decimal.Decimal {
	switch {
	case score.GreaterThanOrEqual(tierFullAt):
		return tierFull
	case score.GreaterThanOrEqual(tierRedAt):
		return tierReduced
	}
	return tierLow
}
