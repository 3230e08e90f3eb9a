package immunization

import "github.com/gongwei-lib/gongwei"

// VaccineDose is a vaccine and a series dose number (as [Evaluation.SeriesDose]).
type VaccineDose struct {
	Vaccine Vaccine
	Dose    int
}

// Milestone is one row of the timeliness table (及时接种, immunization.md §1.2): a dose
// that should be given before an age. Coverage and timeliness indicators are counted per
// milestone.
type Milestone struct {
	// Name is a short stable name, e.g. "HepB3"; indicator codes are qualified by it.
	Name string
	// Doses lists the (vaccine, series dose) pairs that fulfil the milestone.
	Doses []VaccineDose
	// Before is the limit: the dose is timely when given before birth + Before.
	Before Span
}

// Milestones is the timeliness table of the 2021 edition (immunization.md §1.2),
// MilestonesOf(NIP2021): HepB-1 within 24 hours (on civil dates: on the day of birth);
// BCG before 3 months; HepB-3, polio-3, DTaP-3, MMR-1 and JE-L-1 or JE-I-2 before 12
// months; MPSV-A-2 before 18 months; MMR-2, HepA-L or HepA-I-1 and DTaP-4 before 24
// months; JE-L-2 or JE-I-3 before 3 years (HepA-I-2 and JE-I-4 apply only to the
// inactivated series and are left out here); MPSV-AC-1 before 4 years; polio-4 before 5
// years; DT (DTaP from 2025) and MPSV-AC-2 before 7 years. The 3 y, 4 y and 5 y rows are
// UNCONFIRMED in reference; implemented as given.
var Milestones = MilestonesOf(NIP2021)

// MilestonesOf returns the timeliness table of edition ed: each row's limit is the
// complete-before limit (DoseRule.Before) of the dose in ed's tables, the one source of
// the limits that [Evaluate] ([Evaluation.CompleteBefore], [Evaluation.Timely]),
// [Forecast] ([Recommendation.CompleteBefore]) and the indicators read. A host with a
// provincial edition gets its table here.
func MilestonesOf(ed *Edition) []Milestone {
	at := func(rules []DoseRule, dose int) Span { return limit(rules, dose-1) }
	return []Milestone{
		{"HepB1", []VaccineDose{{HepB, 1}}, at(ed.HepB, 1)},
		{"BCG", []VaccineDose{{BCG, 1}}, at(ed.BCG, 1)},
		{"HepB3", []VaccineDose{{HepB, 3}}, at(ed.HepB, 3)},
		{"Polio3", []VaccineDose{{IPV, 3}, {BOPV, 3}}, at(ed.Polio, 3)},
		{"DTaP3", []VaccineDose{{DTaP, 3}, {DT, 3}}, at(ed.DTP, 3)},
		{"MMR1", []VaccineDose{{MMR, 1}, {MR, 1}, {MM, 1}, {MV, 1}}, at(ed.MMR, 1)},
		{"JE1", []VaccineDose{{JEL, 1}, {JEI, 2}}, at(ed.JEL, 1)},
		{"MPSVA2", []VaccineDose{{MPSVA, 2}}, at(ed.MenA, 2)},
		{"MMR2", []VaccineDose{{MMR, 2}, {MR, 2}, {MM, 2}, {MV, 2}}, at(ed.MMR, 2)},
		{"HepA1", []VaccineDose{{HepAL, 1}, {HepAI, 1}}, at(ed.HepAL, 1)},
		{"DTaP4", []VaccineDose{{DTaP, 4}, {DT, 4}}, at(ed.DTP, 4)},
		{"JE2", []VaccineDose{{JEL, 2}, {JEI, 3}}, at(ed.JEL, 2)},
		{"MPSVAC1", []VaccineDose{{MPSVAC, 1}}, at(ed.MenAC, 1)},
		{"Polio4", []VaccineDose{{IPV, 4}, {BOPV, 4}}, at(ed.Polio, 4)},
		{"DT", []VaccineDose{{DT, 5}, {DTaP, 5}}, at(ed.DTP, 5)},
		{"MPSVAC2", []VaccineDose{{MPSVAC, 2}}, at(ed.MenAC, 2)},
	}
}

// Limit returns the milestone's limit date for a child born on birth.
func (m Milestone) Limit(birth gongwei.Date) gongwei.Date { return m.Before.From(birth) }

// Given returns the date of the first valid dose in evs that fulfils m, or the zero
// Date. A dose fulfils m by what it counts as ([Evaluation.Counts]): a DTaP-IPV/Hib dose
// counted as IPV dose 3 fulfils Polio3.
func (m Milestone) Given(evs []Evaluation) gongwei.Date {
	var first gongwei.Date
	for _, e := range evs {
		for as, dose := range e.Counts {
			for _, vd := range m.Doses {
				if as == vd.Vaccine && dose == vd.Dose && (first.IsZero() || e.Dose.Date.Before(first)) {
					first = e.Dose.Date
				}
			}
		}
	}
	return first
}
