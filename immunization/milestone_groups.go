package immunization

// fiveVaccines are the milestones of 五苗全程接种: the primary series of the five
// vaccines of the original programme, BCG, HepB (3 doses), polio (3 doses), DTaP (3
// doses) and measles (MMR dose 1), each due within the first year. Which five vaccines
// the plans mean is UNCONFIRMED in reference (plan-targets.md names the target only);
// implemented as the conventional reading.
var fiveVaccines = []string{"BCG", "HepB3", "Polio3", "DTaP3", "MMR1"}

// FiveVaccineMilestones returns the names of the rows of Milestones that make up
// 五苗全程接种 (the full primary series of the five vaccines of the original programme:
// BCG, HepB3, Polio3, DTaP3, MMR1), for the indicators that count it.
func FiveVaccineMilestones() []string { return append([]string(nil), fiveVaccines...) }

// HepBBirthDoseMilestone is the name of the row of Milestones of the HepB birth dose
// (乙肝疫苗首针, within 24 hours of birth).
const HepBBirthDoseMilestone = "HepB1"
