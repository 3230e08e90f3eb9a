package healthrecord

import (
	"slices"
	"strconv"

	"golang.org/x/text/language"

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

// Relation is a member's relation to the head of household, coded by GB/T 4761-2008
// 家庭关系代码. The table holds the major groups with the few detailed codes in common use
// (夫, 妻, 父亲, 母亲); it comes from public code, not from the reference (UNCONFIRMED in
// reference; implemented as found).
type Relation string

// Relations to the head of household.
const (
	RelationHead          Relation = "02" // 户主
	RelationSpouse        Relation = "10" // 配偶
	RelationHusband       Relation = "11" // 夫
	RelationWife          Relation = "12" // 妻
	RelationSon           Relation = "20" // 子
	RelationDaughter      Relation = "30" // 女
	RelationGrandchild    Relation = "40" // 孙子、孙女或外孙子、外孙女
	RelationParent        Relation = "50" // 父母
	RelationFather        Relation = "51" // 父亲
	RelationMother        Relation = "52" // 母亲
	RelationGrandparent   Relation = "60" // 祖父母或外祖父母
	RelationSibling       Relation = "70" // 兄弟姐妹
	RelationOtherRelative Relation = "97" // 其他亲属
	RelationNonRelative   Relation = "99" // 非亲属
)

// relationCodes is the GB/T 4761-2008 subset (UNCONFIRMED in reference).
var relationCodes = newBICodeSet("resident.relation",
	biCode{string(RelationHead), "户主", "戶主", "head of household"},
	biCode{string(RelationSpouse), "配偶", "配偶", "spouse"},
	biCode{string(RelationHusband), "夫", "夫", "husband"},
	biCode{string(RelationWife), "妻", "妻", "wife"},
	biCode{string(RelationSon), "子", "子", "son"},
	biCode{string(RelationDaughter), "女", "女", "daughter"},
	biCode{string(RelationGrandchild), "孙子、孙女或外孙子、外孙女", "孫子、孫女或外孫子、外孫女", "grandchild"},
	biCode{string(RelationParent), "父母", "父母", "parent"},
	biCode{string(RelationFather), "父亲", "父親", "father"},
	biCode{string(RelationMother), "母亲", "母親", "mother"},
	biCode{string(RelationGrandparent), "祖父母或外祖父母", "祖父母或外祖父母", "grandparent"},
	biCode{string(RelationSibling), "兄弟姐妹", "兄弟姐妹", "sibling"},
	biCode{string(RelationOtherRelative), "其他亲属", "其他親屬", "other relative"},
	biCode{string(RelationNonRelative), "非亲属", "非親屬", "not related"},
)

// IsValid reports whether r is a code of the table.
func (r Relation) IsValid() bool { return relationCodes.has(string(r)) }

// Label returns the name of r in the language tag.
func (r Relation) Label(tag language.Tag) string { return relationCodes.label(string(r), tag) }

// Relations lists the codes in order.
func Relations() []Relation { return biList[Relation](relationCodes) }

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
