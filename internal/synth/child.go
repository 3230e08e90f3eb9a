package synth

import (
	"math"
	"math/rand/v2"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// Demonstration shares (per mille) of the children's year.
const (
	pretermBirths      = 60  // born at 32-36 weeks (a tenth of them at 28-31)
	unknownBirthWeight = 10  // birth weight not recorded
	hospitalBirth      = 965 // born in hospital (discharged after 2-4 days); the rest at home
	multipleBirths     = 10  // twins
	diseaseScreened    = 950 // screened for 甲低 and PKU (8 of them abnormal)
	screeningMissing   = 20  // screening not recorded; the rest not screened
	hearingScreened    = 930 // newborn hearing screen done (20 of them refer)
	motherHBsAgPos     = 50  // mother HBsAg positive
	motherHBsAgUnknown = 20  // mother's HBsAg status unknown
	malnourishedChild  = 20  // children growing on a low track (z about -2.5)
	visitOnTime        = 880 // a scheduled visit made in its window
	visitLate          = 60  // made after it, before the service counts as missed; the rest missed
	hbTested           = 880 // Hb tested at a visit where it is scheduled
	hearingChecked     = 900 // hearing checked at a visit where it is scheduled
	visionChecked      = 920 // eye and vision check at a visit
	tcmGiven           = 850 // TCM guidance at a visit where it is scheduled
)

// Birth is the birth facts of a child that both the child health record and the
// immunization registration carry, drawn once from the child's own stream.
type Birth struct {
	// GestationWeeks and GestationDays are the gestational age at birth (weeks+days).
	GestationWeeks, GestationDays int
	// WeightG is the birth weight in grams, 0 when not recorded.
	WeightG int
	// LengthCm is the birth length in cm, 0 when not recorded.
	LengthCm float64
	// Discharged is the day mother and child left hospital, zero for a birth at home.
	Discharged gongwei.Date
	// Multiple marks a twin or other multiple birth.
	Multiple bool
	// MotherHBsAg is the mother's hepatitis B surface antigen status.
	MotherHBsAg immunization.HBsAg
	// WeightZ and LengthZ are the child's growth track (z-scores of the WHO standard
	// around which its measurements are drawn).
	WeightZ, LengthZ float64
}

// isChild reports whether p is a child of 0-6 on the year's last day (born on or before
// it and under 7 completed years).
func (c *County) isChild(p *Person) bool {
	last := c.period.Last()
	b := p.Resident.BirthDate
	return !b.After(last) && b.AgeYears(last) < 7
}

// Birth returns the birth facts of child p, or false when p is not a child of 0-6 on the
// year's last day.
func (c *County) Birth(p *Person) (Birth, bool) {
	if !c.isChild(p) {
		return Birth{}, false
	}
	return c.birth(p), true
}

// birth draws the birth facts of p, whatever its age.
func (c *County) birth(p *Person) Birth {
	r := c.rng(p.Index, drawBirth)
	sex := p.Resident.Sex
	var b Birth
	b.GestationWeeks, b.GestationDays = between(r, 37, 41), r.IntN(7)
	if chance(r, pretermBirths) {
		b.GestationWeeks = between(r, 32, 36)
		if r.IntN(10) == 0 {
			b.GestationWeeks = between(r, 28, 31)
		}
	}
	b.Multiple = chance(r, multipleBirths)
	// The growth track: length z ~ N(0,1); weight correlated with it (0.7) so that
	// weight-for-length stays plausible; a few children on a low track.
	b.LengthZ = r.NormFloat64()
	b.WeightZ = 0.7*b.LengthZ + 0.71*r.NormFloat64()
	if chance(r, malnourishedChild) {
		b.LengthZ, b.WeightZ = -2.5+0.4*r.NormFloat64(), -2.5+0.4*r.NormFloat64()
	}
	// Birth weight and length at the track's centile of the WHO standard at birth,
	// scaled down for preterm and twin births (a demonstration approximation: 7 % per
	// week before 39 weeks, 10 % for twins).
	scale := 1.0
	if b.GestationWeeks < 39 {
		scale -= 0.07 * float64(39-b.GestationWeeks)
	}
	if b.Multiple {
		scale -= 0.1
	}
	w0, _ := child.Centile(child.WeightForAge, sex, 0, clampZ(b.WeightZ))
	l0, _ := child.Centile(child.LengthHeightForAge, sex, 0, clampZ(b.LengthZ))
	if !chance(r, unknownBirthWeight) {
		b.WeightG = max(int(w0*scale*1000/10)*10, 600)
		b.LengthCm = math.Max(math.Round(l0*(0.6+0.4*scale)*10)/10, 30)
	}
	if chance(r, hospitalBirth) {
		b.Discharged = p.Resident.BirthDate.AddDays(between(r, 2, 4))
	}
	switch x := r.IntN(1000); {
	case x < motherHBsAgPos:
		b.MotherHBsAg = immunization.HBsAgPositive
	case x < motherHBsAgPos+motherHBsAgUnknown:
		b.MotherHBsAg = immunization.HBsAgUnknown
	default:
		b.MotherHBsAg = immunization.HBsAgNegative
	}
	return b
}

// clampZ keeps a drawn z-score within ±4.
func clampZ(z float64) float64 { return math.Max(-4, math.Min(4, z)) }

// ChildCase is a child's management record with its visits from birth to the year's
// last day.
type ChildCase struct {
	Child  *child.Child
	Visits []*child.Visit
}

// Child returns the child health management of person p, or nil when p is not a child
// of 0-6 on the year's last day. The record carries the birth details (Birth) and the
// newborn screening (mostly done, some not recorded); the visits follow the national
// schedule (child.Plan) from birth to the year's last day (or the day before death):
// most in their window, some late, some missed, with weight, length/height and head
// circumference drawn around the child's growth track on the WHO standard, Hb tests,
// hearing and vision checks and TCM guidance where scheduled, each mostly done. The
// child is standalone: the mother is not linked.
func (c *County) Child(p *Person) *ChildCase {
	b, ok := c.Birth(p)
	if !ok {
		return nil
	}
	res := p.Resident
	r := c.rng(p.Index, drawChild)
	v := res.Archive.Village()
	ch := &child.Child{
		ID: child.ChildID(res.ID), Resident: res.ID, Village: v, Sex: res.Sex, BirthDate: res.BirthDate,
		DischargeDate: b.Discharged, GestationWeeks: b.GestationWeeks, GestationDays: b.GestationDays,
		BirthWeightG: b.WeightG, BirthLengthCm: b.LengthCm, Multiple: b.Multiple,
		Maternal: child.MaternalFlags{HBsAgPositive: b.MotherHBsAg == immunization.HBsAgPositive},
	}
	if res.Closure.Reason == healthrecord.ClosedDeath {
		ch.DeathDate = res.Closure.Date
	}
	switch x := r.IntN(1000); {
	case x < diseaseScreened:
		ch.Screening.Hypothyroidism, ch.Screening.PKU = child.ScreenNormal, child.ScreenNormal
		if x < 8 {
			ch.Screening.Hypothyroidism = child.ScreenAbnormal
		}
	case x < diseaseScreened+screeningMissing:
	default:
		ch.Screening.Hypothyroidism, ch.Screening.PKU = child.ScreenNotDone, child.ScreenNotDone
	}
	switch x := r.IntN(1000); {
	case x < 20:
		ch.Screening.Hearing = child.HearingRefer
	case x < hearingScreened:
		ch.Screening.Hearing = child.HearingPass
	case x < hearingScreened+screeningMissing:
	default:
		ch.Screening.Hearing = child.HearingNotScreened
	}

	cs := &ChildCase{Child: ch}
	upTo := c.period.Last()
	if !ch.DeathDate.IsZero() {
		upTo = ch.DeathDate.AddDays(-1)
	}
	plan := child.Plan(ch)
	// Which contacts carry which extra tasks.
	tasks := map[child.VisitKind]uint8{}
	for _, it := range plan {
		tasks[it.Kind] |= taskBit(it.Task)
	}
	hbDone := false // the 6-8-month Hb is given once, at the 6- or the 8-month visit
	for _, it := range plan {
		if it.Task != child.TaskVisit || it.Window.Start.After(upTo) {
			continue
		}
		var d gongwei.Date
		switch x := r.IntN(1000); {
		case x < visitOnTime:
			d = dayIn(r, it.Window.Start, it.Window.Last())
		case x < visitOnTime+visitLate:
			d = dayIn(r, it.Window.End, it.MissedFrom.AddDays(-1))
		default:
			continue
		}
		if d.After(upTo) {
			continue
		}
		age := ch.AgeDays(d)
		vis := &child.Visit{ID: child.VisitID(string(ch.ID) + "-" + digits8(d) + "-" + string(it.Kind)), Child: ch.ID, Kind: it.Kind, Date: d, Provider: centre(v),
			Measurement: measure(r, res.Sex, age, b)}
		if it.Kind == child.KindNewborn || it.Kind == child.KindFullMonth {
			vis.Provider = clinic(v)
		}
		t := tasks[it.Kind]
		if chance(r, visionChecked) {
			vis.Vision = child.CheckNormal
		}
		if t&taskBit(child.TaskHearing) != 0 && chance(r, hearingChecked) {
			vis.Hearing = child.CheckNormal
			if r.IntN(100) < 2 {
				vis.Hearing = child.CheckAbnormal
			}
		}
		hbHere := t&taskBit(child.TaskHb) != 0 || (it.Kind == child.Kind8m && !hbDone)
		if it.Kind == child.Kind8m && hbDone {
			hbHere = false
		}
		if hbHere && chance(r, hbTested) {
			// Hb ~ N(123, 10) g/L: about one child in ten below 110 (demonstration).
			vis.HbGL = math.Round(math.Max(70, math.Min(160, 123+10*r.NormFloat64())))
			if it.Kind == child.Kind6m || it.Kind == child.Kind8m {
				hbDone = true
			}
		}
		if t&taskBit(child.TaskTCM) != 0 && chance(r, tcmGiven) {
			vis.TCMGuidance = true
		}
		if age >= 180 {
			vis.Teeth = min(20, max(0, (age-180)/30+r.IntN(3)))
			if vis.Teeth > 0 && r.IntN(100) < 8 {
				vis.Caries = 1
			}
		}
		cs.Visits = append(cs.Visits, vis)
	}
	return cs
}

// taskBit maps a task to a bit of a contact's task set.
func taskBit(t child.Task) uint8 {
	switch t {
	case child.TaskHb:
		return 1
	case child.TaskHearing:
		return 2
	case child.TaskVision:
		return 4
	case child.TaskTCM:
		return 8
	}
	return 16
}

// measure draws the measurement of a child aged age days on its growth track: weight
// and length/height at the WHO centile of the track plus a visit-to-visit wobble
// (N(0, 0.25)), head circumference under 3 years. Past the standard's last day (1826,
// 5 years) the 5-year centile is extended by 2 kg and 6.5 cm a year (a demonstration
// approximation, not a reference). Length is lying under 731 days, height standing.
func measure(r *rand.Rand, sex gongwei.Sex, age int, b Birth) child.Measurement {
	zw, zl := clampZ(b.WeightZ+0.25*r.NormFloat64()), clampZ(b.LengthZ+0.25*r.NormFloat64())
	at, extra := age, 0.0
	if at > child.MaxAgeDays {
		at, extra = child.MaxAgeDays, float64(age-child.MaxAgeDays)/365.25
	}
	w, errW := child.Centile(child.WeightForAge, sex, at, zw)
	l, errL := child.Centile(child.LengthHeightForAge, sex, at, zl)
	if errW != nil || errL != nil {
		return child.Measurement{}
	}
	m := child.Measurement{
		WeightKg:       math.Round((w+2*extra)*10) / 10,
		LengthHeightCm: math.Round((l+6.5*extra)*10) / 10,
		Position:       child.Recumbent,
	}
	if age >= child.LengthHeightSwitchDays {
		m.Position = child.Standing
	}
	if age < 3*365 {
		if h, err := child.Centile(child.HeadCircumferenceForAge, sex, at, clampZ(0.5*b.LengthZ+0.85*r.NormFloat64())); err == nil {
			m.HeadCm = math.Round(h*10) / 10
		}
	}
	return m
}
