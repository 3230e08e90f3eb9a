package synth

import (
	"math/rand/v2"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/maternal"
)

// pregnancyRates are the pregnancies per mille of women a year by age on the year's last
// day (15-19, 20-24, ..., 45-49): a made-up shape giving about 9 births per 1,000
// residents, not a census figure.
var pregnancyRates = [...]int{4, 55, 88, 58, 24, 6, 1}

// Demonstration shares (per mille) of the maternal year.
const (
	earlyBookings     = 780 // booked before 13 weeks; 150 at 13-19 weeks, the rest at 20-27
	scannedDating     = 400 // dated by an early ultrasound scan
	miscarriages      = 50  // early bookers whose pregnancy ends in a miscarriage
	movedAway         = 15  // pregnancies leaving the programme (moved out, lost)
	pretermDeliveries = 60  // delivered at 33-36 weeks (300 with twins or a serious condition)
	pretermEnRoute    = 150 // preterm births on the way to hospital
	hospitalBirths    = 965 // delivered in hospital; home and en route share the rest
	caesareans        = 300 // by caesarean section (800 with a scarred uterus)
	twinPregnancies   = 10  // twins
	stillbirths       = 4   // a stillbirth
	timelyTests       = 880 // three infections tested at the first examination
	lateTests         = 70  // tested at 28-36 weeks; the rest at delivery (or not at all)
	untestedInfection = 20  // one infection never tested
	hbsagPositive     = 50  // HBsAg positive (purple)
	homeVisitInWeek   = 860 // postpartum home visit within a week of discharge
	homeVisitLate     = 60  // at 8-28 days; the rest none
	check42Done       = 780 // 42-day check done
)

// prenatalAttendance is the share (per mille) of women attending visits 2, 3, 4 and 5
// when their window is open to them.
var prenatalAttendance = [...]int{930, 910, 900, 860}

// riskConditions draw the conditions recorded at booking (per mille of pregnancies):
// most none (green, unless age or BMI make it yellow or orange), then yellow, orange and
// red conditions of maternal.Factors.
var riskConditions = []struct {
	share  int
	factor maternal.Factor
}{
	{40, maternal.FactorMildAnaemia}, {35, maternal.FactorScarredUterus}, {25, maternal.FactorMildCondition},
	{10, maternal.FactorART}, {60, maternal.FactorSeriousCondition}, {22, maternal.FactorSevereCondition},
}

// pregnancy returns the pregnancy of person p in the year (without the screening added by
// Pregnancy), or nil (men, girls and women
// outside 15-49, and most women): a pregnancy whose last menstrual period falls between
// 280 days before the year and 8 weeks before its end, booked early for most and late for
// some, with the first examination, the scheduled prenatal visits (some missed, extra
// visits for high-risk women), the three infection tests (some after 28 weeks, some at
// delivery), risk conditions (mostly green, some yellow, orange, red, purple), the
// delivery (mostly in hospital) and the postpartum contacts — everything dated up to the
// year's last day, so that pregnancies due next year are still ongoing. Women whose
// record closes during the year have none.
func (c *County) pregnancy(p *Person) *maternal.Pregnancy {
	res := p.Resident
	last := c.period.Last()
	age := res.BirthDate.AgeYears(last)
	if res.Sex != gongwei.Female || age < 15 || age > 49 || res.Closure.Reason != healthrecord.NotClosed {
		return nil
	}
	r := c.rng(p.Index, drawMaternal)
	// The window of LMPs is 589 days, 1.61 years: scale the yearly rate.
	if r.IntN(100000) >= pregnancyRates[(age-15)/5]*161 {
		return nil
	}
	lmp := dayIn(r, c.period.Start.AddDays(-maternal.DaysToDue), last.AddDays(-56))
	at := func(days int) gongwei.Date { return lmp.AddDays(days) }
	var booking int
	switch x := r.IntN(1000); {
	case x < earlyBookings:
		booking = between(r, 42, 90)
	case x < earlyBookings+150:
		booking = between(r, 91, 139)
	default:
		booking = between(r, 140, 195)
	}
	booked := at(booking)
	if booked.After(last) || booked.Before(res.BirthDate.AddYears(15)) {
		return nil
	}
	v := res.Archive.Village()
	preg := &maternal.Pregnancy{
		ID: maternal.PregnancyID(string(res.ID) + "-" + digits8(booked)), Resident: res.ID, Village: v,
		MotherBirth: res.BirthDate, Dating: maternal.Dating{LMP: lmp}, Booked: booked, Rural: r.IntN(100) < 85,
	}
	if booking <= 90 && chance(r, scannedDating) {
		preg.Dating.Scan, preg.Dating.ScanAge = booked, maternal.Gestation(booking)
	}

	// The outcome, drawn first so that every contact can be placed before it.
	twins := chance(r, twinPregnancies)
	var factors []maternal.Factor
	x := r.IntN(1000)
	for _, rc := range riskConditions {
		if x < rc.share {
			factors = append(factors, rc.factor)
			break
		}
		x -= rc.share
	}
	if twins {
		factors = append(factors, maternal.FactorMultiple)
	}
	scarred := len(factors) > 0 && factors[0] == maternal.FactorScarredUterus
	var end gongwei.Date // the delivery or the end of the pregnancy
	miscarried, moved := booking <= 90 && chance(r, miscarriages), chance(r, movedAway)
	delivery := between(r, 259, 290)
	serious := len(factors) > 0 && (factors[0] == maternal.FactorSeriousCondition || factors[0] == maternal.FactorSevereCondition)
	preterm := chance(r, pretermDeliveries) || ((twins || serious) && r.IntN(10) < 3)
	if preterm {
		delivery = between(r, 231, 258)
	}
	switch {
	case miscarried:
		end = booked.AddDays(between(r, 7, 56))
		if !end.After(last) {
			preg.Ended = &maternal.Ending{Date: end, Reason: maternal.Miscarriage}
		}
	case moved:
		end = booked.AddDays(between(r, 14, delivery-booking-7))
		if !end.After(last) {
			preg.Ended = &maternal.Ending{Date: end, Reason: maternal.MovedOut}
			if r.IntN(2) == 0 {
				preg.Ended.Reason = maternal.Lost
			}
		}
	default:
		end = at(delivery)
	}
	upTo := earlierOf(last, end) // the last day a prenatal contact may be dated

	// Infection tests: at the first examination for most, some at 28-36 weeks, the rest
	// at delivery; a few women never tested for one infection; some HBsAg positive.
	hbv := chance(r, hbsagPositive)
	var testDay gongwei.Date
	switch x := r.IntN(1000); {
	case x < timelyTests:
		testDay = booked
	case x < timelyTests+lateTests:
		testDay = laterOf(at(between(r, 196, 252)), booked)
	default:
		testDay = end
	}
	untested := maternal.Infection(0)
	if chance(r, untestedInfection) {
		untested = maternal.Infections[r.IntN(3)]
	}
	if !testDay.After(upTo) {
		for _, inf := range maternal.Infections {
			if inf == untested {
				continue
			}
			result := maternal.Negative
			if inf == maternal.HBV && hbv {
				result = maternal.Positive
			}
			preg.Tests = append(preg.Tests, maternal.InfectionTest{Infection: inf, Date: testDay, Result: result})
		}
	}
	// The conditions recorded at a contact: those found at booking, and hepatitis B from
	// the positive test on.
	at0 := func(d gongwei.Date) []maternal.Factor {
		fs := append([]maternal.Factor{}, factors...)
		if hbv && !testDay.After(d) && !testDay.After(upTo) {
			fs = append(fs, maternal.FactorHepatitis)
		}
		return fs
	}
	height, weight := prepregnancy(r)
	first := booked
	if r.IntN(10) == 0 {
		first = booked.AddDays(between(r, 1, 5))
	}
	if first.After(upTo) {
		return preg
	}
	var labs []maternal.Lab
	for _, l := range maternal.FirstExamLabs {
		if l.Required || r.IntN(100) < 80 {
			labs = append(labs, l.Lab)
		}
	}
	preg.FirstExam = &maternal.FirstExam{
		Contact:   maternal.Contact{Date: first, Provider: centre(v), Factors: at0(first)},
		Gravidity: between(r, 1, 3), Height: height, Weight: weight,
		Systolic: between(r, 98, 126), Diastolic: between(r, 58, 82), Gynaecological: r.IntN(100) < 90, Labs: labs,
		PastHistory: "无", FamilyHistory: "无", PersonalHistory: "无",
	}
	preg.FirstExam.Parity = r.IntN(preg.FirstExam.Gravidity)
	if scarred && preg.FirstExam.Parity == 0 {
		preg.FirstExam.Gravidity, preg.FirstExam.Parity = 2, 1
	}
	grade, _ := maternal.Assess(preg.FirstExam.Factors, res.BirthDate, first, preg.FirstExam.BMI())
	highRisk := grade.HighRisk()

	// Visits 2-5 in their windows (maternal.PrenatalSchedule), after the first exam and
	// before the end; an extra visit at 30-34 weeks for high-risk women.
	prev := first
	for k, pc := range maternal.PrenatalSchedule[1:] {
		attend := chance(r, prenatalAttendance[k])
		lo, hi := laterOf(at(7*pc.Window.From), prev.AddDays(1)), earlierOf(at(7*pc.Window.To+6), upTo)
		if !attend || hi.Before(lo) {
			continue
		}
		d := dayIn(r, lo, hi)
		weeks := lmp.DaysUntil(d) / 7
		preg.Visits = append(preg.Visits, maternal.PrenatalVisit{
			Contact: maternal.Contact{Date: d, Provider: centre(v), Factors: at0(d)}, Number: pc.Number,
			Weight: weight + float64(weeks-12)*0.4, Systolic: between(r, 100, 128), Diastolic: between(r, 60, 84),
			FundalHeight: float64(weeks - 2), FetalHeartRate: between(r, 124, 156),
		})
		prev = d
	}
	if highRisk {
		if d := at(between(r, 210, 238)); !d.After(upTo) && d.After(first) && !visitOn(preg, d) {
			preg.Visits = append(preg.Visits, maternal.PrenatalVisit{
				Contact: maternal.Contact{Date: d, Provider: centre(v), Factors: at0(d), Referred: r.IntN(3) == 0},
				Weight:  weight + float64(lmp.DaysUntil(d)/7-12)*0.4, Systolic: between(r, 100, 132), Diastolic: between(r, 60, 86),
				FundalHeight: float64(lmp.DaysUntil(d)/7 - 2), FetalHeartRate: between(r, 124, 156),
			})
		}
	}
	if miscarried || moved || end.After(last) {
		return preg
	}

	// The delivery and the postpartum contacts.
	d := &maternal.Delivery{Date: end, Place: maternal.Hospital, Mode: maternal.Vaginal, LiveBirths: 1}
	switch x := r.IntN(1000); {
	case preterm && x < pretermEnRoute:
		d.Place = maternal.EnRoute // a precipitate preterm labour
	case x < hospitalBirths:
	case x < hospitalBirths+25:
		d.Place = maternal.Home
	default:
		d.Place = maternal.EnRoute
	}
	if d.Place == maternal.Hospital {
		d.Institution = c.cfg.County + "000001"
		if r.IntN(5) == 0 {
			d.Institution = string(v[:9]) + "000"
		}
		if (scarred && r.IntN(10) < 8) || chance(r, caesareans) {
			d.Mode, d.FirstCaesarean = maternal.Caesarean, !scarred
		}
		d.Discharged = end.AddDays(between(r, 2, 3))
		if d.Mode == maternal.Caesarean {
			d.Discharged = end.AddDays(between(r, 4, 6))
		}
	}
	if twins {
		d.LiveBirths = 2
	}
	if chance(r, stillbirths) {
		d.LiveBirths, d.Stillbirths = d.LiveBirths-1, 1
	}
	preg.Delivery = d
	base := preg.HomeVisitBase()
	var home gongwei.Date
	switch x := r.IntN(1000); {
	case x < homeVisitInWeek:
		home = base.AddDays(between(r, 1, maternal.HomeVisitDays))
	case x < homeVisitInWeek+homeVisitLate:
		home = base.AddDays(between(r, maternal.HomeVisitDays+1, maternal.HomeVisitCountDays))
	}
	if !home.IsZero() && !home.After(last) {
		preg.Postpartum = append(preg.Postpartum, maternal.PostpartumVisit{
			Contact: maternal.Contact{Date: home, Provider: clinic(v), Factors: at0(home)}, Kind: maternal.PostpartumHomeVisit,
			Systolic: between(r, 100, 130), Diastolic: between(r, 60, 85),
		})
	}
	if chance(r, check42Done) {
		if d42 := end.AddDays(between(r, maternal.CheckDay, maternal.CheckDay+14)); !d42.After(last) {
			pv := maternal.PostpartumVisit{
				Contact: maternal.Contact{Date: d42, Provider: centre(v), Factors: at0(d42)}, Kind: maternal.PostpartumCheck42,
				Systolic: between(r, 100, 130), Diastolic: between(r, 60, 85), Recovery: maternal.Recovered, Closed: true,
			}
			if r.IntN(100) < 4 {
				pv.Recovery, pv.Closed = maternal.NotRecovered, false
			}
			preg.Postpartum = append(preg.Postpartum, pv)
		}
	}
	return preg
}

// prepregnancy draws a woman's height (cm) and weight (kg) at booking: BMI 18.5-24.9 for
// most, 25-27.9 for 13 %, 28-32 for 4 % and 17-18.4 for 3 % (demonstration shares).
func prepregnancy(r *rand.Rand) (height, weight float64) {
	height = float64(between(r, 150, 168))
	var bmi float64
	switch x := r.IntN(100); {
	case x < 80:
		bmi = tenths(r, 18.5, 24.9)
	case x < 93:
		bmi = tenths(r, 25, 27.9)
	case x < 97:
		bmi = tenths(r, 28, 32)
	default:
		bmi = tenths(r, 17, 18.4)
	}
	// Weight to one decimal from the BMI, kept within the BMI's band: the form's BMI is
	// recomputed from height and weight.
	weight = float64(int(bmi*height*height/1000)) / 10
	return height, weight
}

// visitOn reports whether the pregnancy has a prenatal visit on d.
func visitOn(p *maternal.Pregnancy, d gongwei.Date) bool {
	for _, v := range p.Visits {
		if v.Date == d {
			return true
		}
	}
	return false
}
