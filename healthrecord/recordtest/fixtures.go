package recordtest

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Contract returns a valid one-year family-doctor contract of resident r signed and
// taking effect on signed, with every field but Version filled: team "T001", its family
// doctor "D001", a nurse and a public health physician, the elderly and hypertension
// tags, and a basic service package.
func Contract(r *healthrecord.Resident, signed gongwei.Date) *healthrecord.Contract {
	return &healthrecord.Contract{
		ID:       healthrecord.ContractID(string(r.ID) + "-" + signed.String()),
		Resident: r.ID,
		Team:     "T001",
		Doctor:   "D001",
		Members: []healthrecord.TeamMember{
			{Staff: "D001", Role: healthrecord.RoleFamilyDoctor},
			{Staff: "N001", Role: healthrecord.RoleNurse},
			{Staff: "P001", Role: healthrecord.RolePublicHealth},
		},
		Period:  gongwei.Period{Start: signed, End: signed.AddYears(1)},
		Tags:    []healthrecord.Tag{healthrecord.TagElderly, healthrecord.TagHypertension},
		Package: "基础服务包",
		Signed:  signed,
	}
}

// Event returns a valid service event of resident r: a service of kind on date on, by
// institution "110105001000" and staff "D001", with a Ref unique per kind and date.
func Event(r *healthrecord.Resident, kind healthrecord.EventKind, on gongwei.Date) healthrecord.ServiceEvent {
	return healthrecord.ServiceEvent{
		Resident: r.ID,
		Kind:     kind,
		Date:     on,
		Provider: healthrecord.Provider{Institution: "110105001000", Staff: "D001"},
		Ref:      string(kind) + "-" + on.String(),
	}
}

// ResidentAt returns Resident(i) moved to the archive number a (17 digits), with its ID
// set to those digits. Tests of jurisdiction prefixes use it to place residents in
// different counties, townships and villages. It panics on a malformed archive number.
func ResidentAt(i int, a string) *healthrecord.Resident {
	r := Resident(i)
	r.Archive = healthrecord.MustParseArchiveNumber(a)
	r.ID = healthrecord.ResidentID(r.Archive.String())
	return r
}
