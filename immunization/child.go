package immunization

import "github.com/gongwei-lib/gongwei"

// HBsAg is the mother's hepatitis B surface antigen status. The zero value is unknown,
// which the HepB rules treat like positive for the timing of dose 1 (immunization.md
// §1.4 HepB: "HBsAg-positive or unknown mother").
type HBsAg uint8

// Mother's HBsAg statuses.
const (
	HBsAgUnknown HBsAg = iota
	HBsAgNegative
	HBsAgPositive
)

// HIVStatus is what a medical institution has stated about a child's HIV infection
// (immunization.md §1.5). The zero value is "not exposed, or infection ruled out".
type HIVStatus uint8

// HIV statuses.
const (
	// HIVNone: the mother is not HIV-infected, or the child's infection is ruled out.
	HIVNone HIVStatus = iota
	// HIVExposed: the mother is HIV-infected and the child's infection is not ruled out:
	// BCG is deferred and no JE-L, HepA-L or bOPV is given (inactivated alternatives).
	HIVExposed
	// HIVInfected: confirmed infection without symptoms or immunosuppression:
	// measles-containing vaccine may be given; no BCG, JE-L, HepA-L or bOPV.
	HIVInfected
	// HIVInfectedSymptomatic: confirmed infection with symptoms or immunosuppression: no
	// BCG and no measles-containing vaccine either.
	HIVInfectedSymptomatic
)

// Child is what the schedule engine needs to know about a child: the birth date and the
// maternal and health flags the rules turn on. A zero flag means "nothing special".
type Child struct {
	// Birth is the date of birth. It is required.
	Birth gongwei.Date
	// MotherHBsAg is the mother's HBsAg status (HepB dose 1 within 12 hours, HBIG, and the
	// 4-dose series under 2,000 g; immunization.md §1.4 HepB).
	MotherHBsAg HBsAg
	// BirthWeight is the birth weight in grams; 0 when not recorded.
	BirthWeight int
	// HIV is the child's HIV status (immunization.md §1.5).
	HIV HIVStatus
	// Immunocompromised marks immunodeficiency or systemic immunosuppression (primary
	// immunodeficiency, thymus disease, chemotherapy, transplant, immunosuppressive drugs):
	// IPV for every polio dose, no live vaccines (immunization.md §1.4 Polio, §1.5).
	Immunocompromised bool
	// PreferInactivated chooses JE-I and HepA-I over JE-L and HepA-L for a child with no
	// dose of either yet (a guardian's or a province's choice).
	PreferInactivated bool
}

// liveRestricted reports whether the child gets the inactivated alternative instead of
// bOPV, JE-L and HepA-L (immunization.md §1.4 Polio, JE, HepA; §1.5).
func (c *Child) liveRestricted() bool { return c.HIV != HIVNone || c.Immunocompromised }

// noBCG reports whether BCG is contraindicated or deferred (immunization.md §1.4 BCG, §1.5).
func (c *Child) noBCG() bool { return c.HIV != HIVNone || c.Immunocompromised }

// noMeasles reports whether measles-containing vaccine is contraindicated (§1.5).
func (c *Child) noMeasles() bool { return c.HIV == HIVInfectedSymptomatic || c.Immunocompromised }

// Dose is one administered dose (or immunoglobulin) as recorded.
type Dose struct {
	// Vaccine is the product given.
	Vaccine Vaccine
	// Date is the date it was given.
	Date gongwei.Date
	// Number is the dose number as recorded on the card; informational only: the engine
	// decides which series dose a dose counts as.
	Number int
	// Outbreak marks a dose given in an outbreak (应急接种): it counts toward no routine
	// series (immunization.md §1.3, "outbreak doses such as measles at 6-7 months do not
	// count toward routine doses"; [ReasonOutbreak]), and an injectable live one still
	// spaces the next by 28 days.
	Outbreak bool
}

// Cohort dates of the catch-up rules (immunization.md §1.0, §1.4 MMR).
var (
	// mmrCohort: children born on or after 2019-10-01 complete 2 MMR doses.
	mmrCohort = gongwei.MustDate(2019, 10, 1)
	// expansionCohort: the 2007 programme expansion. The reference gives the year only;
	// 2007-01-01 is used (UNCONFIRMED in reference; implemented as given).
	expansionCohort = gongwei.MustDate(2007, 1, 1)
)
