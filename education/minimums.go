package education

import (
	"slices"

	"github.com/gongwei-lib/gongwei"
)

// Item is one line of the yearly minimums.
type Item string

// The items checked by [Check].
const (
	ItemPrintKinds    Item = "print_kinds"    // kinds of printed material
	ItemAVKinds       Item = "av_kinds"       // kinds of audio-visual material
	ItemBoards        Item = "boards"         // bulletin boards kept
	ItemBoardRenewals Item = "board_renewals" // renewals of each board
	ItemConsultations Item = "consultations"  // public consultation events
	ItemLectures      Item = "lectures"       // health lectures
)

// Minimum is the yearly minimum of one item for one institution kind.
type Minimum struct {
	// Item is the kind of activity counted.
	Item Item
	// PerYear is the yearly minimum; 0 means none is set for this institution kind.
	PerYear int
	// Stock marks an item that is a standing count (boards kept) rather than a count of
	// activities accumulating through the year: it is required in full from 1 January.
	Stock bool
}

// BoardRenewalMonths is the longest a board may go without new content: "at least once
// every 2 months" (nbphs-spec §2.1 [R8]).
const BoardRenewalMonths = 2

// Minimums are the yearly minimums of nbphs-spec §2.1 [R8] [R9] per institution kind:
// ≥12 kinds of printed material and ≥6 kinds of audio-visual material a year (every
// institution); ≥2 bulletin boards for a centre, ≥1 for a village clinic or station, each
// renewed at least every 2 months (so 6 renewals per board a year); ≥9 public consultation
// events a year for a centre (the figure is UNCONFIRMED in reference — [R8] cuts off
// before the number, plan-targets.md gives "≥9 a year"; implemented as given), none set
// for villages; lectures ≥12 a year for a centre (≥1 a month) and ≥6 for a village clinic
// or station (≥1 every 2 months).
var Minimums = map[Institution][]Minimum{
	Centre: {
		{Item: ItemPrintKinds, PerYear: 12},
		{Item: ItemAVKinds, PerYear: 6},
		{Item: ItemBoards, PerYear: 2, Stock: true},
		{Item: ItemBoardRenewals, PerYear: 12 / BoardRenewalMonths},
		{Item: ItemConsultations, PerYear: 9},
		{Item: ItemLectures, PerYear: 12},
	},
	Station: {
		{Item: ItemPrintKinds, PerYear: 12},
		{Item: ItemAVKinds, PerYear: 6},
		{Item: ItemBoards, PerYear: 1, Stock: true},
		{Item: ItemBoardRenewals, PerYear: 12 / BoardRenewalMonths},
		{Item: ItemLectures, PerYear: 6},
	},
}

// Result is one item's standing on a date.
type Result struct {
	// Item is the kind of activity counted.
	Item Item
	// Required is the pro-rata minimum on the date; PerYear the year's minimum; Done the
	// count so far (for board renewals: the fewest renewals of any board).
	Required, PerYear, Done int
	// Met reports whether Done reaches Required.
	Met bool
}

// Report is the outcome of [Check].
type Report struct {
	// Results are the standings of the items of the institution kind's [Minimums], in
	// their order.
	Results []Result
	// StaleBoards lists the boards whose content is older than [BoardRenewalMonths] on
	// the date (last renewal, or first posting, on or before the date two months back).
	StaleBoards []string
}

// Met reports whether every item is met and no board is stale.
func (r Report) Met() bool {
	for _, x := range r.Results {
		if !x.Met {
			return false
		}
	}
	return len(r.StaleBoards) == 0
}

// CompletedMonths is the number of calendar months of asOf's year that have ended on or
// before asOf (0 in January before the 31st, 12 on 31 December).
func CompletedMonths(asOf gongwei.Date) int {
	m := int(asOf.Month()) - 1
	if asOf.AddDays(1).Month() != asOf.Month() {
		m++ // asOf is the month's last day
	}
	return m
}

// ProRata is the part of a yearly minimum due by asOf: floor(perYear × completed months
// ÷ 12), so a minimum of 12 asks one a month and 9 asks 2 by the end of March (9×3/12 =
// 2.25).
func ProRata(perYear int, asOf gongwei.Date) int { return perYear * CompletedMonths(asOf) / 12 }

// Check says which minimums of institution kind inst (table [Minimums]) are met on asOf,
// pro rata through the year ([ProRata]; standing counts in full), from the activities of
// one institution (activities of other years, or after asOf, are ignored). Kinds of
// material are distinct titles; boards are distinct board titles; each board's renewals
// are its board records dated in the year (the first posting counts as its first
// renewal).
func Check(inst Institution, activities []*Activity, asOf gongwei.Date) Report {
	year := gongwei.Year(asOf.Year())
	prints, avs := map[string]bool{}, map[string]bool{}
	renewals := map[string]int{}
	last := map[string]gongwei.Date{}
	counts := map[Kind]int{}
	for _, a := range activities {
		if a == nil || !year.Contains(a.Date) || a.Date.After(asOf) {
			continue
		}
		counts[a.Kind]++
		switch a.Kind {
		case KindPrint:
			prints[a.Title] = true
		case KindAV:
			avs[a.Title] = true
		case KindBoard:
			renewals[a.Title]++
			if a.Date.After(last[a.Title]) {
				last[a.Title] = a.Date
			}
		}
	}
	var rep Report
	fewest := 0
	for i, b := range sortedKeys(renewals) {
		if i == 0 || renewals[b] < fewest {
			fewest = renewals[b]
		}
		if !last[b].After(asOf.AddMonths(-BoardRenewalMonths)) {
			rep.StaleBoards = append(rep.StaleBoards, b)
		}
	}
	done := map[Item]int{
		ItemPrintKinds: len(prints), ItemAVKinds: len(avs), ItemBoards: len(renewals),
		ItemBoardRenewals: fewest, ItemConsultations: counts[KindConsultation], ItemLectures: counts[KindLecture],
	}
	for _, m := range Minimums[inst] {
		if m.Item == ItemBoards && len(renewals) < m.PerYear {
			done[ItemBoardRenewals] = 0 // a missing board has no renewal
		}
	}
	for _, m := range Minimums[inst] {
		req := ProRata(m.PerYear, asOf)
		if m.Stock {
			req = m.PerYear
		}
		r := Result{Item: m.Item, PerYear: m.PerYear, Required: req, Done: done[m.Item]}
		r.Met = r.Done >= r.Required
		rep.Results = append(rep.Results, r)
	}
	return rep
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
