package healthrecord

import (
	"slices"
	"strconv"

	"github.com/gongwei-lib/gongwei"
)

// Household is a family record (家庭档案): the residents who live together, with a head
// of household (户主), their relation to the head and the family's address in a village.
type Household struct {
	// ID is the store key.
	ID HouseholdID
	// Village is the 12-digit village prefix of the archive numbers (county, township,
	// village or residents' committee) where the household lives.
	Village Village
	// Head is the head of household; it must be one of Members, with RelationHead.
	Head ResidentID
	// Address is the family's address.
	Address string
	// Members lists every member, the head included, with the relation to the head.
	Members []HouseholdMember
	// Version is the optimistic-concurrency version, managed like Resident.Version.
	Version int64
}

// HouseholdMember is one member of a household.
type HouseholdMember struct {
	Resident ResidentID
	Relation Relation
}

// ParseRelation reads a relation code; "01" 本人, which some systems give the head, is
// read as RelationHead.
func ParseRelation(s string) (Relation, error) {
	c := gongwei.NormalizeCode(s)
	if c == "01" {
		return RelationHead, nil
	}
	if Relation(c).IsValid() {
		return Relation(c), nil
	}
	return "", ErrUnknownCode
}

// CodeHouseholdHead: the head of household is not a member with relation 户主, or
// another member also has that relation.
const CodeHouseholdHead gongwei.Code = "resident.household_head"

// Validate checks the household and reports every problem at once: Village is a valid
// village prefix, Head and Address are given, each member has a resident and a known
// relation and is listed once, the head is a member with RelationHead and no one else
// has that relation. The address, head and members hold no invalid text
// (gongwei.CheckText).
func (h *Household) Validate() error {
	ve := gongwei.ValidationError{Record: "healthrecord.Household"}
	switch {
	case h.Village == "":
		ve.Add("Village", gongwei.CodeRequired)
	default:
		if _, err := ParseVillage(string(h.Village)); err != nil || len(h.Village) != 12 {
			ve.Add("Village", CodeArchiveVillage)
		}
	}
	ve.Check(h.Head != "", "Head", gongwei.CodeRequired)
	ve.Check(!blank(h.Address), "Address", gongwei.CodeRequired)
	gongwei.CheckText(&ve, "Address", h.Address, gongwei.TextAddress)
	gongwei.CheckText(&ve, "Head", string(h.Head), gongwei.TextShort)
	headSeen := false
	for i, m := range h.Members {
		f := "Members[" + strconv.Itoa(i) + "]"
		ve.Check(m.Resident != "", f+".Resident", gongwei.CodeRequired)
		gongwei.CheckText(&ve, f+".Resident", string(m.Resident), gongwei.TextShort)
		ve.Check(m.Relation.IsValid(), f+".Relation", gongwei.CodeUnknownCode)
		for j := 0; j < i; j++ {
			if m.Resident != "" && h.Members[j].Resident == m.Resident {
				ve.Add(f+".Resident", gongwei.CodeDuplicate)
				break
			}
		}
		isHead := m.Resident != "" && m.Resident == h.Head
		switch {
		case isHead && m.Relation != RelationHead:
			ve.Add(f+".Relation", CodeHouseholdHead)
		case !isHead && m.Relation == RelationHead:
			ve.Add(f+".Relation", CodeHouseholdHead)
		case isHead:
			headSeen = true
		}
	}
	if h.Head != "" && !headSeen {
		ve.Add("Head", CodeHouseholdHead)
	}
	return ve.Err()
}

// Member returns the member entry of resident id and whether it is one.
func (h *Household) Member(id ResidentID) (HouseholdMember, bool) {
	for _, m := range h.Members {
		if m.Resident == id {
			return m, true
		}
	}
	return HouseholdMember{}, false
}

// Clone returns a deep copy of h.
func (h *Household) Clone() *Household {
	c := *h
	c.Members = slices.Clone(h.Members)
	return &c
}
