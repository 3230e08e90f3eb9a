package healthrecord_test

import (
	"testing"

	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

func TestHouseholdValidate(t *testing.T) {
	head := recordtest.Resident(1)
	wife := recordtest.Resident(2)
	tests := []struct {
		name   string
		mutate func(h *healthrecord.Household)
		want   []string
	}{
		{"fixture", func(h *healthrecord.Household) {}, nil},
		{"with a spouse", func(h *healthrecord.Household) {
			h.Members = append(h.Members, healthrecord.HouseholdMember{Resident: wife.ID, Relation: healthrecord.RelationWife})
		}, nil},
		{"required", func(h *healthrecord.Household) { h.Village, h.Head, h.Address = "", "", " " },
			[]string{"Village required", "Head required", "Address required", "Members[0].Relation resident.household_head"}},
		{"village range", func(h *healthrecord.Household) { h.Village = "110105001200" }, []string{"Village archive.village"}},
		{"head not a member", func(h *healthrecord.Household) { h.Members = nil }, []string{"Head resident.household_head"}},
		{"head with another relation", func(h *healthrecord.Household) { h.Members[0].Relation = healthrecord.RelationSpouse },
			[]string{"Members[0].Relation resident.household_head", "Head resident.household_head"}},
		{"two heads", func(h *healthrecord.Household) {
			h.Members = append(h.Members, healthrecord.HouseholdMember{Resident: wife.ID, Relation: healthrecord.RelationHead})
		}, []string{"Members[1].Relation resident.household_head"}},
		{"member errors", func(h *healthrecord.Household) {
			h.Members = append(h.Members, healthrecord.HouseholdMember{Relation: "03"},
				healthrecord.HouseholdMember{Resident: head.ID, Relation: healthrecord.RelationHead})
		}, []string{"Members[1].Resident required", "Members[1].Relation unknown_code", "Members[2].Resident duplicate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := recordtest.Household(1, head)
			tt.mutate(h)
			wantProblems(t, h.Validate(), tt.want...)
		})
	}
}

func TestHouseholdCloneAndMember(t *testing.T) {
	h := recordtest.Household(1, recordtest.Resident(1))
	c := h.Clone()
	c.Members[0].Relation = healthrecord.RelationSon
	if h.Members[0].Relation != healthrecord.RelationHead {
		t.Error("clone shares Members")
	}
	if m, ok := h.Member(h.Head); !ok || m.Relation != healthrecord.RelationHead {
		t.Error("Member(head)")
	}
	if _, ok := h.Member("nobody"); ok {
		t.Error("Member(nobody)")
	}
}
