package recordfix

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// fixtureCreated is the creation date of every fixture record.
var fixtureCreated = gongwei.MustDate(2024, 3, 1)

// Resident builds the fixture recordtest.Resident documents.
func Resident(i int) *healthrecord.Resident {
	birth := gongwei.MustDate(1950, 1, 1).AddDays(i % 20000)
	mobile := healthrecord.MustParsePhone(fmt.Sprintf("139%08d", i%100000000))
	landline := healthrecord.MustParsePhone(fmt.Sprintf("010-6%07d", i%10000000))
	tags := []healthrecord.Tag{healthrecord.TagHypertension}
	if birth.AgeYears(fixtureCreated) >= 65 {
		tags = append(tags, healthrecord.TagElderly)
	}
	residence, since := healthrecord.ResidenceRegistered, gongwei.Date{}
	if i%2 == 0 {
		residence, since = healthrecord.ResidenceNonRegistered, birth.AddYears(18)
	}
	ethnicities := healthrecord.Ethnicities()
	r := person(i, birth, 20000, 101, "居民")
	r.RegisteredAddress = fmt.Sprintf("北京市朝阳区和平街%d号", i)
	r.TownshipName, r.VillageName = "和平街道", "幸福村委会"
	r.Creator, r.Doctor = "建档员甲", "责任医生乙"
	r.Tags = tags
	r.Info = healthrecord.BasicInfo{
		Phone:            mobile,
		WorkUnit:         "和平农机合作社",
		ContactName:      "联系人" + fmt.Sprint(i),
		ContactPhone:     landline,
		Residence:        residence,
		LivingSince:      since,
		Ethnicity:        ethnicities[i%len(ethnicities)],
		ABO:              healthrecord.BloodA,
		Rh:               healthrecord.RhPositive,
		Education:        healthrecord.EducationJuniorHigh,
		Occupation:       healthrecord.OccupationAgriculture,
		Marital:          healthrecord.MaritalMarried,
		Payments:         []healthrecord.PaymentMethod{healthrecord.PaymentUrbanResident, healthrecord.PaymentOther},
		PaymentOther:     "大病保险",
		DrugAllergies:    []healthrecord.DrugAllergy{healthrecord.AllergyPenicillin, healthrecord.AllergyOther},
		DrugAllergyOther: "头孢类",
		Exposures:        []healthrecord.Exposure{healthrecord.ExposureChemicals},
		Illnesses: []healthrecord.PastIllness{
			{Disease: healthrecord.DiseaseHypertension, Diagnosed: birth.AddYears(15)},
			{Disease: healthrecord.DiseaseCancer, Diagnosed: birth.AddYears(16), Detail: "胃"},
		},
		Operations:   healthrecord.ProcedureHistory{Flag: healthrecord.HistoryPresent, Events: []healthrecord.HistoryEvent{{Name: "阑尾切除术", Date: birth.AddYears(12)}}},
		Injuries:     healthrecord.ProcedureHistory{Flag: healthrecord.HistoryPresent, Events: []healthrecord.HistoryEvent{{Name: "左桡骨骨折", Date: birth.AddYears(10)}}},
		Transfusions: healthrecord.ProcedureHistory{Flag: healthrecord.HistoryPresent, Events: []healthrecord.HistoryEvent{{Name: "术中失血", Date: birth.AddYears(12)}}},
		Family: healthrecord.FamilyHistory{
			Father:   []healthrecord.FamilyDisease{healthrecord.FamilyHypertension, healthrecord.FamilyStroke},
			Mother:   []healthrecord.FamilyDisease{healthrecord.FamilyDiabetes},
			Siblings: []healthrecord.FamilyDisease{healthrecord.FamilyNone},
			Children: []healthrecord.FamilyDisease{healthrecord.FamilyOther},
			Other:    "哮喘",
		},
		Hereditary:      healthrecord.HereditaryHistory{Flag: healthrecord.HistoryPresent, Disease: "血友病"},
		Disabilities:    []healthrecord.Disability{healthrecord.DisabilityHearing, healthrecord.DisabilityOther},
		DisabilityOther: "嗅觉障碍",
		Living: healthrecord.LivingEnvironment{
			Kitchen:   healthrecord.KitchenRangeHood,
			Fuel:      healthrecord.FuelNaturalGas,
			Water:     healthrecord.WaterTap,
			Toilet:    healthrecord.ToiletSanitary,
			Livestock: healthrecord.LivestockNone,
		},
		Updated: fixtureCreated.AddDays(30),
	}
	return r
}

// Child builds the fixture recordtest.Child documents.
func Child(i int) *healthrecord.Resident {
	r := person(i, fixtureCreated.AddDays(-(i % 2500)), 2500, 1, "儿童")
	r.Tags = []healthrecord.Tag{healthrecord.TagChild}
	return r
}

// person builds what the fixture people of Resident and Child share: person i born on
// birth, with the ID and archive numbers of identity (span, first), the name prefix
// followed by i, the household of the archive, the fixture creation date, the address,
// the institution and an electronic archive.
func person(i int, birth gongwei.Date, span, first int, prefix string) *healthrecord.Resident {
	id, arch := identity(i, birth, span, first)
	return &healthrecord.Resident{
		ID:          healthrecord.ResidentID(arch.String()),
		Archive:     arch,
		IDNumber:    id,
		Name:        prefix + fmt.Sprint(i),
		Sex:         id.Sex(),
		BirthDate:   birth,
		Household:   HouseholdIDOf(arch),
		Created:     fixtureCreated,
		Address:     fmt.Sprintf("北京市朝阳区幸福路%d号", i),
		Institution: "和平街道社区卫生服务中心",
		Electronic:  true,
	}
}

// identity returns the ID number and archive number of fixture person i, born on
// birth (a date that repeats every span people): the sequence code's parity gives the
// sex and i/span keeps the numbers distinct beyond span people; the archive is number
// 1+i%99999 of village 110105001 + (first+(i/99999)%99).
func identity(i int, birth gongwei.Date, span, first int) (healthrecord.IDNumber, healthrecord.ArchiveNumber) {
	id, err := healthrecord.NewIDNumber("110105", birth, i%2+2*((i/span)%500))
	if err != nil {
		panic(err)
	}
	village := healthrecord.Village(fmt.Sprintf("110105001%03d", first+(i/99999)%99))
	arch, err := village.Archive(1 + i%99999)
	if err != nil {
		panic(err)
	}
	return id, arch
}

// HouseholdIDOf builds the fixture recordtest.HouseholdIDOf documents.
func HouseholdIDOf(a healthrecord.ArchiveNumber) healthrecord.HouseholdID {
	return healthrecord.HouseholdID("H" + a.String())
}

// Household builds the fixture recordtest.Household documents.
func Household(i int, head *healthrecord.Resident) *healthrecord.Household {
	return &healthrecord.Household{
		ID:      HouseholdIDOf(head.Archive),
		Village: head.Archive.Village(),
		Head:    head.ID,
		Address: fmt.Sprintf("北京市朝阳区幸福路%d号", i),
		Members: []healthrecord.HouseholdMember{{Resident: head.ID, Relation: healthrecord.RelationHead}},
	}
}

// PutDistinctResidents stores Resident(1) … Resident(n) in s at version 1, each with an
// ID number of its own (Resident's repeat every 20,000): born 1950-01-01 plus i/1000
// days, sequence i%1000, in 110105, for i up to 999,999. It is the load of the
// benchmarks that stream many residents.
func PutDistinctResidents(ctx context.Context, s healthrecord.ResidentStore, n int) error {
	for i := 1; i <= n; i++ {
		r := Resident(i)
		id, err := healthrecord.NewIDNumber("110105", gongwei.MustDate(1950, 1, 1).AddDays(i/1000), i%1000)
		if err != nil {
			return err
		}
		r.IDNumber = id
		r.Version = 1
		if err := s.PutResident(ctx, r, 0); err != nil {
			return err
		}
	}
	return nil
}
