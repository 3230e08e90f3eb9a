package healthrecord

import (
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// ContractID is the key of a family-doctor contract in a Store.
type ContractID string

// TeamID identifies a family-doctor team (家庭医生团队) in the host's register.
type TeamID string

// TeamRole is the role of a member of a family-doctor team.
type TeamRole string

// Team roles. A team is built around a family doctor (a general practitioner, a
// township health centre doctor, a village doctor or a TCM doctor) with a community
// nurse and a public health physician; pharmacists, health managers and specialists
// may join (《关于推进家庭医生签约服务的指导意见》, 国医改办发〔2016〕1号, and
// 国卫基层发〔2018〕35号, as reported by third-party sources; not in the shared references).
const (
	RoleFamilyDoctor  TeamRole = "family_doctor"  // 家庭医生（全科医生、乡镇卫生院医师、中医类别医师）
	RoleVillageDoctor TeamRole = "village_doctor" // 乡村医生
	RoleNurse         TeamRole = "nurse"          // 社区护士
	RolePublicHealth  TeamRole = "public_health"  // 公共卫生医师（含助理）
	RolePharmacist    TeamRole = "pharmacist"     // 药师
	RoleHealthManager TeamRole = "health_manager" // 健康管理师
	RoleSpecialist    TeamRole = "specialist"     // 专科医生
)

var teamRoles = []TeamRole{
	RoleFamilyDoctor, RoleVillageDoctor, RoleNurse, RolePublicHealth, RolePharmacist,
	RoleHealthManager, RoleSpecialist,
}

// TeamRoles returns every team role, in a fixed order.
func TeamRoles() []TeamRole { return append([]TeamRole(nil), teamRoles...) }

// IsValid reports whether r is one of the roles defined here.
func (r TeamRole) IsValid() bool {
	for _, x := range teamRoles {
		if x == r {
			return true
		}
	}
	return false
}

// Label returns the name of the role in the language tag.
func (r TeamRole) Label(tag language.Tag) string {
	if !r.IsValid() {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf("contract.role." + string(r))
}

// TeamMember is one member of a family-doctor team named on a contract.
type TeamMember struct {
	// Staff identifies the health worker.
	Staff StaffID
	// Role is the member's role in the team.
	Role TeamRole
}

// Contract is a family-doctor contract (家庭医生签约服务协议): a resident signs with a team,
// one of whose doctors is responsible, for a period (normally one year, renewable), for a
// service package. Tags record the key populations (重点人群) the resident was signed as.
type Contract struct {
	// ID is the store key; the Registry assigns one when it is empty.
	ID ContractID
	// Resident is who signed.
	Resident ResidentID
	// Team is the family-doctor team signed with.
	Team TeamID
	// Doctor is the responsible family doctor (签约医生).
	Doctor StaffID
	// Members lists the team members named on the contract, with their roles.
	Members []TeamMember
	// Period is the service period: from the day the contract takes effect to the day
	// after its last day (half-open, as every gongwei.Period).
	Period gongwei.Period
	// Tags are the key populations the resident was signed as.
	Tags []Tag
	// Package is the name of the service package (服务包) signed for.
	Package string
	// Signed is the date the contract was signed.
	Signed gongwei.Date
	// Version is the optimistic-concurrency version, managed by the Registry.
	Version int64
}

// Clone returns a deep copy of c.
func (c *Contract) Clone() *Contract {
	x := *c
	x.Members = append([]TeamMember(nil), c.Members...)
	x.Tags = append([]Tag(nil), c.Tags...)
	return &x
}

// ActiveOn reports whether the contract is in force on d: d lies in its Period.
func (c *Contract) ActiveOn(d gongwei.Date) bool { return c.Period.Contains(d) }

// HasTag reports whether c carries tag t.
func (c *Contract) HasTag(t Tag) bool {
	for _, x := range c.Tags {
		if x == t {
			return true
		}
	}
	return false
}

// Validate reports every problem of c at once as a *gongwei.ValidationError: a missing
// ID, resident, team, doctor, signing date or period; a period that ends before it
// starts or starts before the signing date; a member without a staff ID, with an unknown
// role or listed twice; an unknown or repeated tag; a signing date before 1880 or after
// the day of recording (gongwei.CheckEventDate), a period outside gongwei.CheckPlannedDate's
// bounds, or invalid text.
func (c *Contract) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "healthrecord.Contract"
	today := gongwei.Today()
	gongwei.CheckEventDate(&ve, "Signed", c.Signed, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckPlannedDate(&ve, "Period.Start", c.Period.Start, today)
	gongwei.CheckPlannedDate(&ve, "Period.End", c.Period.End, today)
	gongwei.CheckText(&ve, "Package", c.Package, gongwei.TextName)
	gongwei.CheckText(&ve, "Team", string(c.Team), gongwei.TextShort)
	gongwei.CheckText(&ve, "Doctor", string(c.Doctor), gongwei.TextShort)
	ve.Check(c.ID != "", "ID", gongwei.CodeRequired)
	ve.Check(c.Resident != "", "Resident", gongwei.CodeRequired)
	ve.Check(c.Team != "", "Team", gongwei.CodeRequired)
	ve.Check(c.Doctor != "", "Doctor", gongwei.CodeRequired)
	ve.Check(!c.Signed.IsZero(), "Signed", gongwei.CodeRequired)
	switch {
	case c.Period.Start.IsZero():
		ve.Add("Period.Start", gongwei.CodeRequired)
	case !c.Signed.IsZero() && c.Period.Start.Before(c.Signed):
		ve.Add("Period.Start", gongwei.CodeOrder)
	}
	switch {
	case c.Period.End.IsZero():
		ve.Add("Period.End", gongwei.CodeRequired)
	case !c.Period.Start.IsZero() && !c.Period.Start.Before(c.Period.End):
		ve.Add("Period.End", gongwei.CodeOrder)
	}
	seen := make(map[StaffID]bool, len(c.Members))
	for i, m := range c.Members {
		field := "Members[" + strconv.Itoa(i) + "]"
		switch {
		case m.Staff == "":
			ve.Add(field+".Staff", gongwei.CodeRequired)
		case seen[m.Staff]:
			ve.Add(field+".Staff", gongwei.CodeDuplicate)
		}
		seen[m.Staff] = true
		switch {
		case m.Role == "":
			ve.Add(field+".Role", gongwei.CodeRequired)
		case !m.Role.IsValid():
			ve.Add(field+".Role", gongwei.CodeUnknownCode)
		}
	}
	checkContractTags(&ve, "Tags", c.Tags)
	return ve.Err()
}

// checkTags reports unknown and repeated tags.
func checkContractTags(ve *gongwei.ValidationError, field string, tags []Tag) {
	for i, t := range tags {
		f := field + "[" + strconv.Itoa(i) + "]"
		if !isListedTag(t) {
			ve.Add(f, gongwei.CodeUnknownCode)
			continue
		}
		for _, u := range tags[:i] {
			if u == t {
				ve.Add(f, gongwei.CodeDuplicate)
				break
			}
		}
	}
}

func isListedTag(t Tag) bool {
	for _, x := range AllTags {
		if x == t {
			return true
		}
	}
	return false
}
