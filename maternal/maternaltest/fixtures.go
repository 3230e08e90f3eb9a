package maternaltest

import (
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/maternal"
)

// FixtureVillage is the village of the fixture women unless a test moves them.
const FixtureVillage healthrecord.Village = "110105001101"

// Woman returns a valid, complete female health record number n (n >= 1), born on
// 1994-01-01 plus 2n days (aged about 30 in 2024), in village v with serial n, distinct
// in archive and ID number from every other n. It builds on recordtest's fixtures.
func Woman(n int, v healthrecord.Village) *healthrecord.Resident {
	base := gongwei.MustDate(1950, 1, 1).DaysUntil(gongwei.MustDate(1994, 1, 1))
	if base%2 != 0 {
		base++ // an even recordtest index gives a female ID number
	}
	r := recordtest.ResidentAt(base+2*n, fmt.Sprintf("%s%05d", v, n))
	if r.Sex != gongwei.Female {
		panic("maternaltest: fixture woman is not female")
	}
	return r
}

// Provider is the provider of every fixture contact.
var Provider = healthrecord.Provider{Institution: "110105001000", Staff: "D001"}

// Pregnancy returns a valid, complete pregnancy of woman w with last menstrual period
// lmp, every field filled but Ended and Death (which a delivered, living woman cannot
// have together with her postpartum contacts) and Version: dated by LMP and confirmed by
// a scan at 8+0; booked and first examined at 10+0 with every laboratory test, height
// 160 cm and weight 55 kg (BMI 21.5), no risk conditions; the three infection tests
// negative at 10+0; visits 2-5 at 17+0, 22+0, 30+0 and 38+0; a vaginal hospital delivery
// of one live infant at 40+0 (lmp + 280), discharged 3 days later; the home visit 5 days
// after discharge; the 42-day check on day 42, recovered and closed. Its ID is the
// resident ID, a hyphen and the booking date's 8 digits (the Registry's default).
func Pregnancy(w *healthrecord.Resident, lmp gongwei.Date) *maternal.Pregnancy {
	at := func(weeks int) gongwei.Date { return lmp.AddDays(7 * weeks) }
	contact := func(d gongwei.Date) maternal.Contact {
		return maternal.Contact{Date: d, Provider: Provider, Factors: []maternal.Factor{}}
	}
	var labs []maternal.Lab
	for _, l := range maternal.FirstExamLabs {
		labs = append(labs, l.Lab)
	}
	booked := at(10)
	delivered := lmp.AddDays(maternal.DaysToDue)
	discharged := delivered.AddDays(3)
	p := &maternal.Pregnancy{
		Resident:    w.ID,
		Village:     w.Archive.Village(),
		MotherBirth: w.BirthDate,
		Dating:      maternal.Dating{LMP: lmp, Scan: at(8), ScanAge: maternal.Weeks(8, 0)},
		Booked:      booked,
		Rural:       true,
		FirstExam: &maternal.FirstExam{
			Contact:   contact(booked),
			Gravidity: 2, Parity: 1,
			PastHistory: "无", FamilyHistory: "无", PersonalHistory: "无",
			Height: 160, Weight: 55, Systolic: 112, Diastolic: 72,
			Gynaecological: true,
			Labs:           labs,
		},
		Tests: []maternal.InfectionTest{
			{Infection: maternal.HIV, Date: booked, Result: maternal.Negative},
			{Infection: maternal.Syphilis, Date: booked, Result: maternal.Negative},
			{Infection: maternal.HBV, Date: booked, Result: maternal.Negative},
		},
		Delivery: &maternal.Delivery{
			Date: delivered, Place: maternal.Hospital, Institution: "110105000001",
			Mode: maternal.Vaginal, LiveBirths: 1, Discharged: discharged,
		},
		Postpartum: []maternal.PostpartumVisit{
			{Contact: contact(discharged.AddDays(5)), Kind: maternal.PostpartumHomeVisit, Systolic: 110, Diastolic: 70},
			{Contact: contact(delivered.AddDays(42)), Kind: maternal.PostpartumCheck42, Systolic: 110, Diastolic: 70, Recovery: maternal.Recovered, Closed: true},
		},
	}
	for i, w := range []int{17, 22, 30, 38} {
		p.Visits = append(p.Visits, maternal.PrenatalVisit{
			Contact: contact(at(w)), Number: i + 2, Weight: 58 + float64(i), Systolic: 115, Diastolic: 75,
			FundalHeight: float64(w - 2), FetalHeartRate: 140,
		})
	}
	p.ID = maternal.PregnancyID(string(w.ID) + "-" + fmt.Sprintf("%04d%02d%02d", booked.Year(), booked.Month(), booked.Day()))
	return p
}

// Booked returns Pregnancy(w, lmp) as it stands on booking: the dating, the booking, the
// first exam and the three tests, and nothing later.
func Booked(w *healthrecord.Resident, lmp gongwei.Date) *maternal.Pregnancy {
	p := Pregnancy(w, lmp)
	p.Visits, p.Delivery, p.Postpartum = nil, nil, nil
	return p
}
