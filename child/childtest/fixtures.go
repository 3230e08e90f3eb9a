// Package childtest checks implementations of child.Store against the contract
// documented on child.Store (TestStore), and builds valid records for hosts' tests
// (Child, Visit).
//
// Typical usage inside a store implementation's test:
//
//	func TestConformance(t *testing.T) {
//		childtest.TestStore(t, func(t *testing.T) child.Store { return mystore.Open(t) })
//	}
package childtest

import (
	"fmt"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Child returns a valid child record number i (i ≥ 1) with every field set: resident
// "R<i>", mother "M<i>", village 110105001101, born 2024-01-<i mod 28 + 1>, Version 0.
// Its ID is the resident ID, as child.Service assigns it.
func Child(i int) *child.Child {
	birth := gongwei.MustDate(2024, time.January, i%28+1)
	res := healthrecord.ResidentID(fmt.Sprintf("R%d", i))
	return &child.Child{
		ID:             child.ChildID(res),
		Resident:       res,
		Village:        "110105001101",
		Mother:         healthrecord.ResidentID(fmt.Sprintf("M%d", i)),
		Sex:            gongwei.Sex(1 + i%2),
		BirthDate:      birth,
		DischargeDate:  birth.AddDays(3),
		GestationWeeks: 38, GestationDays: 2,
		BirthWeightG:  3200,
		BirthLengthCm: 50,
		Multiple:      true,
		Defects:       []string{"Q21.1"},
		Screening: child.Screening{Hypothyroidism: child.ScreenNormal, PKU: child.ScreenNormal,
			Other: child.ScreenNotDone, Hearing: child.HearingPass},
		Maternal:  child.MaternalFlags{HBsAgPositive: true, SyphilisPositive: true, HIVPositive: true},
		DeathDate: birth.AddYears(2),
	}
}

// Visit returns a valid visit of c of kind k on date on with every field set and its ID
// as child.Service assigns it by default.
func Visit(c *child.Child, k child.VisitKind, on gongwei.Date) *child.Visit {
	return &child.Visit{
		ID:       child.VisitID(fmt.Sprintf("%s-%s-%s", c.ID, digits(on), k)),
		Child:    c.ID,
		Kind:     k,
		Date:     on,
		Provider: healthrecord.Provider{Institution: "12110105MB0000000X", Staff: "S1"},
		Measurement: child.Measurement{WeightKg: 8.1, LengthHeightCm: 68.5, Position: child.Recumbent,
			HeadCm: 43.2, Oedema: true},
		HbGL:    112,
		Hearing: child.CheckNormal, Vision: child.CheckAbnormal,
		Teeth: 2, Caries: 1,
		TCMGuidance:   true,
		ActiveRickets: true, ChronicDisease: true, RecurrentInfections: true,
		Referred: true,
	}
}

func digits(d gongwei.Date) string {
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d%02d%02d", y, int(m), dd)
}
