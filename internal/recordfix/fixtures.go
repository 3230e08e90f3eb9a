package recordfix

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Contract builds the fixture recordtest.Contract documents.
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

// Event builds the fixture recordtest.Event documents.
func Event(r *healthrecord.Resident, kind healthrecord.EventKind, on gongwei.Date) healthrecord.ServiceEvent {
	return healthrecord.ServiceEvent{
		Resident: r.ID,
		Kind:     kind,
		Date:     on,
		Provider: healthrecord.Provider{Institution: "110105001000", Staff: "D001"},
		Ref:      string(kind) + "-" + on.String(),
	}
}

// ResidentAt builds the fixture recordtest.ResidentAt documents.
func ResidentAt(i int, a string) *healthrecord.Resident {
	r := Resident(i)
	r.Archive = healthrecord.MustParseArchiveNumber(a)
	r.ID = healthrecord.ResidentID(r.Archive.String())
	return r
}
