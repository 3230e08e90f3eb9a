package maternal

import (
	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Validate reports every problem of p at once as a *gongwei.ValidationError (which
// wraps gongwei.ErrInvalid). It checks what the pregnancy record alone can show:
// required fields and codes; dates in their order (nothing before the LMP, no prenatal
// contact or test after the pregnancy ended, no postpartum contact before delivery or
// without one, nothing after the woman's death); a gestational age beyond 45 weeks on
// any pregnancy date (CodeGestationTooLong); booking after delivery
// (CodeBookedAfterDelivery); a death more than 42 days after the pregnancy ended
// (CodeDeathWindow); the numbers of the visits. Checks against the woman's health
// record (a male record, dates before her birth) are [Pregnancy.ValidateFor]'s. Errors
// name fields and codes, never values.
//
// Plausibility: the mother's birth is not before 1880 nor after the booking, every
// other date is neither before 1880 nor before her birth nor after the day of recording
// (gongwei.CheckBirthDate, gongwei.CheckEventDate with gongwei.Today); every measurement
// is finite and within its plausible range, blood pressures by the checkup form's rule
// (healthrecord.CheckBloodPressure); texts are checked by gongwei.CheckText.
func (p *Pregnancy) Validate() error {
	var ve gongwei.ValidationError
	ve.Record = "maternal.Pregnancy"
	p.validate(&ve, gongwei.Today())
	return ve.Err()
}

// ValidateFor is Validate plus the checks against the woman's health record r: the
// record must be female (CodeNotFemale) and its ID must be p.Resident; no pregnancy date
// may precede her birth.
func (p *Pregnancy) ValidateFor(r *healthrecord.Resident) error {
	var ve gongwei.ValidationError
	ve.Record = "maternal.Pregnancy"
	p.validate(&ve, gongwei.Today())
	p.checkResident(&ve, r)
	return ve.Err()
}

// checkResident adds the checks of p against the woman's health record r.
func (p *Pregnancy) checkResident(ve *gongwei.ValidationError, r *healthrecord.Resident) {
	if r != nil {
		ve.Check(r.ID == p.Resident, "Resident", gongwei.CodeNotAllowed)
		ve.Check(r.Sex == gongwei.Female, "Resident", CodeNotFemale)
		if lmp := p.Dating.LMPDate(); !r.BirthDate.IsZero() && !lmp.IsZero() && lmp.Before(r.BirthDate) && !ve.Has("Dating.LMP", gongwei.CodeBeforeBirth) {
			ve.Add("Dating.LMP", gongwei.CodeBeforeBirth)
		}
		if death := r.DeathDate(); !death.IsZero() {
			p.eachDate(func(field string, d gongwei.Date) {
				if d.After(death) && !ve.Has(field, CodeAfterDeath) {
					ve.Add(field, CodeAfterDeath)
				}
			})
		}
	}
}

// eachDate calls f with the path and value of every non-zero date of p that records
// something that happened (not the planned ones).
func (p *Pregnancy) eachDate(f func(field string, d gongwei.Date)) {
	g := func(field string, d gongwei.Date) {
		if !d.IsZero() {
			f(field, d)
		}
	}
	g("Dating.LMP", p.Dating.LMP)
	g("Dating.Scan", p.Dating.Scan)
	g("Booked", p.Booked)
	if e := p.FirstExam; e != nil {
		g("FirstExam.Date", e.Date)
	}
	for i, v := range p.Visits {
		if !v.Date.IsZero() {
			f("Visits["+itoa(i)+"].Date", v.Date)
		}
	}
	for i, t := range p.Tests {
		if !t.Date.IsZero() {
			f("Tests["+itoa(i)+"].Date", t.Date)
		}
	}
	if s := p.Screening; s != nil {
		g("Screening.Date", s.Date)
	}
	if d := p.Delivery; d != nil {
		g("Delivery.Date", d.Date)
		g("Delivery.Discharged", d.Discharged)
	}
	if e := p.Ended; e != nil {
		g("Ended.Date", e.Date)
	}
	for i, v := range p.Postpartum {
		if !v.Date.IsZero() {
			f("Postpartum["+itoa(i)+"].Date", v.Date)
		}
	}
	if d := p.Death; d != nil {
		g("Death.Date", d.Date)
	}
}

// eachProvider calls f with the path prefix and the provider of every contact of p.
func (p *Pregnancy) eachProvider(f func(path string, pr healthrecord.Provider)) {
	if e := p.FirstExam; e != nil {
		f("FirstExam.", e.Provider)
	}
	for i, v := range p.Visits {
		if !gongwei.TextValid(v.Provider.Institution, gongwei.TextShort) || !gongwei.TextValid(string(v.Provider.Staff), gongwei.TextShort) {
			f("Visits["+itoa(i)+"].", v.Provider)
		}
	}
	for i, v := range p.Postpartum {
		if !gongwei.TextValid(v.Provider.Institution, gongwei.TextShort) || !gongwei.TextValid(string(v.Provider.Staff), gongwei.TextShort) {
			f("Postpartum["+itoa(i)+"].", v.Provider)
		}
	}
}

// checkRawCodes checks the codes of p as given, before normalize (gongwei.NormalizeCode
// rewrites invalid UTF-8).
func (p *Pregnancy) checkRawCodes(ve *gongwei.ValidationError) {
	p.eachProvider(func(path string, pr healthrecord.Provider) {
		gongwei.CheckRawText(ve, path+"Provider.Institution", pr.Institution, gongwei.TextShort)
	})
	if d := p.Delivery; d != nil {
		gongwei.CheckRawText(ve, "Delivery.Institution", d.Institution, gongwei.TextShort)
	}
}

// checkPlausible bounds every date of p (eachDate) by 1880, the mother's birth and the
// day of recording, the mother's birth by the booking, and checks the texts.
func (p *Pregnancy) checkPlausible(ve *gongwei.ValidationError, today gongwei.Date) {
	gongwei.CheckBirthDate(ve, "MotherBirth", p.MotherBirth, p.Booked, today)
	p.eachDate(func(field string, d gongwei.Date) {
		gongwei.CheckEventDate(ve, field, d, p.MotherBirth, gongwei.Date{}, today)
	})
	text := func(field, s string, k gongwei.TextKind) {
		if !gongwei.TextValid(s, k) {
			gongwei.CheckText(ve, field, s, k)
		}
	}
	text("Resident", string(p.Resident), gongwei.TextShort)
	p.eachProvider(func(path string, pr healthrecord.Provider) {
		text(path+"Provider.Institution", pr.Institution, gongwei.TextShort)
		text(path+"Provider.Staff", string(pr.Staff), gongwei.TextShort)
	})
	if e := p.FirstExam; e != nil {
		text("FirstExam.PastHistory", e.PastHistory, gongwei.TextNote)
		text("FirstExam.FamilyHistory", e.FamilyHistory, gongwei.TextNote)
		text("FirstExam.PersonalHistory", e.PersonalHistory, gongwei.TextNote)
	}
	if d := p.Delivery; d != nil {
		text("Delivery.Institution", d.Institution, gongwei.TextShort)
	}
	if d := p.Death; d != nil {
		text("Death.Cause", d.Cause, gongwei.TextNote)
	}
}

// pregnancyDate checks a date of pregnancy (booking, a prenatal contact, a test, the
// delivery): after the LMP, no more than 45 weeks after it, not after the woman's death.
func (p *Pregnancy) pregnancyDate(ve *gongwei.ValidationError, field string, d gongwei.Date) {
	lmp := p.Dating.LMPDate()
	switch {
	case d.IsZero():
		ve.Add(field, gongwei.CodeRequired)
		return
	case lmp.IsZero():
	case d.Before(lmp):
		ve.Add(field, gongwei.CodeOrder)
	case !Of(lmp, d).Plausible():
		ve.Add(field, CodeGestationTooLong)
	}
	if p.Death != nil && !p.Death.Date.IsZero() && d.After(p.Death.Date) {
		ve.Add(field, CodeAfterDeath)
	}
}

// prenatalDate is pregnancyDate for a contact that must precede the end of pregnancy.
func (p *Pregnancy) prenatalDate(ve *gongwei.ValidationError, field string, d gongwei.Date) {
	p.pregnancyDate(ve, field, d)
	if end := p.EndDate(); !d.IsZero() && !end.IsZero() && d.After(end) {
		ve.Add(field, CodeAfterEnd)
	}
}

func (p *Pregnancy) validate(ve *gongwei.ValidationError, today gongwei.Date) {
	defer p.checkPlausible(ve, today)
	ve.Check(p.Resident != "", "Resident", gongwei.CodeRequired)
	if p.Village == "" {
		ve.Add("Village", gongwei.CodeRequired)
	} else if _, err := healthrecord.ParseVillage(string(p.Village)); err != nil {
		ve.Add("Village", gongwei.CodeFormat)
	}
	ve.Check(p.Version >= 0, "Version", gongwei.CodeNotAllowed)
	p.Dating.validate(ve, "Dating.")
	if p.Dating.ByScan() && !p.Dating.LMP.IsZero() && p.Dating.Scan.Before(p.Dating.LMP) {
		ve.Add("Dating.Scan", gongwei.CodeOrder)
	}
	p.pregnancyDate(ve, "Booked", p.Booked)
	if p.Delivery != nil && !p.Booked.IsZero() && !p.Delivery.Date.IsZero() && p.Booked.After(p.Delivery.Date) {
		ve.Add("Booked", CodeBookedAfterDelivery)
	}
	if e := p.FirstExam; e != nil {
		p.prenatalDate(ve, "FirstExam.Date", e.Date)
		p.validateContact(ve, "FirstExam.", e.Contact)
		ve.CheckRange("FirstExam.Gravidity", float64(e.Gravidity), 1, 30)
		if e.Parity < 0 || e.Parity >= max(e.Gravidity, 1) {
			ve.Add("FirstExam.Parity", gongwei.CodeOutOfRange, 0, max(e.Gravidity-1, 0))
		}
		measure(ve, "FirstExam.Height", "height", e.Height)
		measure(ve, "FirstExam.Weight", "weight", e.Weight)
		healthrecord.CheckBloodPressure(ve, "FirstExam.", e.Systolic, e.Diastolic, false)
		seen := map[Lab]bool{}
		for i, l := range e.Labs {
			path := "FirstExam.Labs[" + itoa(i) + "]"
			switch {
			case !l.IsValid():
				ve.Add(path, gongwei.CodeUnknownCode)
			case seen[l]:
				ve.Add(path, gongwei.CodeDuplicate)
			}
			seen[l] = true
		}
	}
	numbered := map[int]gongwei.Date{}
	for i, v := range p.Visits {
		path := "Visits[" + itoa(i) + "]."
		p.prenatalDate(ve, path+"Date", v.Date)
		p.validateContact(ve, path, v.Contact)
		switch {
		case v.Number != 0 && (v.Number < 2 || v.Number > PrenatalVisits):
			ve.Add(path+"Number", gongwei.CodeOutOfRange, 2, PrenatalVisits)
		case v.Number != 0:
			if _, dup := numbered[v.Number]; dup {
				ve.Add(path+"Number", gongwei.CodeDuplicate)
			}
			numbered[v.Number] = v.Date
		}
		measure(ve, path+"Weight", "weight", v.Weight)
		healthrecord.CheckBloodPressure(ve, path, v.Systolic, v.Diastolic, false)
		if v.FundalHeight != 0 {
			ve.CheckRange(path+"FundalHeight", v.FundalHeight, FundalHeightRange.Min, FundalHeightRange.Max)
		}
		measure(ve, path+"FetalHeartRate", "pulse", float64(v.FetalHeartRate))
	}
	// Scheduled visits follow each other in number order, after the first exam.
	for i, v := range p.Visits {
		if v.Number == 0 || v.Date.IsZero() {
			continue
		}
		for n, d := range numbered {
			if !d.IsZero() && ((n < v.Number && d.After(v.Date)) || (n > v.Number && d.Before(v.Date))) {
				ve.Add("Visits["+itoa(i)+"].Date", gongwei.CodeOrder)
				break
			}
		}
		if p.FirstExam != nil && !p.FirstExam.Date.IsZero() && v.Date.Before(p.FirstExam.Date) && !ve.Has("Visits["+itoa(i)+"].Date", gongwei.CodeOrder) {
			ve.Add("Visits["+itoa(i)+"].Date", gongwei.CodeOrder)
		}
	}
	for i, t := range p.Tests {
		path := "Tests[" + itoa(i) + "]."
		ve.Check(t.Infection.IsValid(), path+"Infection", gongwei.CodeUnknownCode)
		ve.Check(t.Result == Negative || t.Result == Positive, path+"Result", gongwei.CodeUnknownCode)
		p.prenatalDate(ve, path+"Date", t.Date)
	}
	p.validateScreening(ve)
	p.validateOutcome(ve)
	p.validateProjects(ve)
}

func (p *Pregnancy) validateContact(ve *gongwei.ValidationError, path string, c Contact) {
	validateFactors(ve, path+"Factors", c.Factors)
}

func (p *Pregnancy) validateOutcome(ve *gongwei.ValidationError) {
	if d := p.Delivery; d != nil {
		p.pregnancyDate(ve, "Delivery.Date", d.Date)
		ve.Check(d.Place >= Hospital && d.Place <= OtherPlace, "Delivery.Place", gongwei.CodeUnknownCode)
		ve.Check(d.Mode == Vaginal || d.Mode == Caesarean, "Delivery.Mode", gongwei.CodeUnknownCode)
		ve.Check(!d.FirstCaesarean || d.Mode == Caesarean, "Delivery.FirstCaesarean", gongwei.CodeNotAllowed)
		ve.Check(d.LiveBirths >= 0, "Delivery.LiveBirths", gongwei.CodeNotAllowed)
		ve.Check(d.Stillbirths >= 0, "Delivery.Stillbirths", gongwei.CodeNotAllowed)
		ve.Check(d.LiveBirths+d.Stillbirths >= 1, "Delivery.LiveBirths", gongwei.CodeRequired)
		if !d.Discharged.IsZero() && !d.Date.IsZero() && d.Discharged.Before(d.Date) {
			ve.Add("Delivery.Discharged", gongwei.CodeOrder)
		}
		ve.Check(p.Ended == nil, "Ended", gongwei.CodeNotAllowed)
	}
	if e := p.Ended; e != nil {
		p.pregnancyDate(ve, "Ended.Date", e.Date)
		ve.Check(e.Reason >= Miscarriage && e.Reason <= Lost, "Ended.Reason", gongwei.CodeUnknownCode)
	}
	for i, v := range p.Postpartum {
		path := "Postpartum[" + itoa(i) + "]."
		p.validateContact(ve, path, v.Contact)
		ve.Check(v.Kind == PostpartumHomeVisit || v.Kind == PostpartumCheck42, path+"Kind", gongwei.CodeUnknownCode)
		ve.Check(v.Recovery == 0 || v.Recovery == Recovered || v.Recovery == NotRecovered, path+"Recovery", gongwei.CodeUnknownCode)
		ve.Check(v.Kind == PostpartumCheck42 || (v.Recovery == 0 && !v.Closed), path+"Recovery", gongwei.CodeNotAllowed)
		healthrecord.CheckBloodPressure(ve, path, v.Systolic, v.Diastolic, false)
		switch {
		case v.Date.IsZero():
			ve.Add(path+"Date", gongwei.CodeRequired)
		case p.Delivery == nil || p.Delivery.Date.IsZero():
			ve.Add(path+"Date", CodeNoDelivery)
		case v.Date.Before(p.Delivery.Date):
			ve.Add(path+"Date", gongwei.CodeOrder)
		case v.Kind == PostpartumHomeVisit && v.Date.Before(p.HomeVisitBase()):
			ve.Add(path+"Date", gongwei.CodeOrder) // a home visit follows discharge
		}
		if p.Death != nil && !p.Death.Date.IsZero() && v.Date.After(p.Death.Date) {
			ve.Add(path+"Date", CodeAfterDeath)
		}
	}
	if d := p.Death; d != nil {
		lmp := p.Dating.LMPDate()
		end := p.EndDate()
		switch {
		case d.Date.IsZero():
			ve.Add("Death.Date", gongwei.CodeRequired)
		case !lmp.IsZero() && d.Date.Before(lmp):
			ve.Add("Death.Date", gongwei.CodeOrder)
		case !end.IsZero() && end.DaysUntil(d.Date) > PuerperiumDays:
			ve.Add("Death.Date", CodeDeathWindow)
		case end == d.Date && !lmp.IsZero() && !Of(lmp, d.Date).Plausible():
			ve.Add("Death.Date", CodeGestationTooLong)
		}
	}
}

// FundalHeightRange is the plausibility range of a fundal height (宫底高度) in cm: a
// physical limit of the library's own (the distance from the pubic symphysis to the top
// of the uterus cannot exceed the length of an adult trunk), not a clinical threshold.
// The checkup form has no such measurement to share a range with.
var FundalHeightRange = healthrecord.PlausibleRange{Quantity: "fundal_height", Unit: "cm", Min: 1, Max: 60}

// measure checks an optional measurement (0 = not recorded) against the plausibility
// range of the health checkup form (healthrecord.CheckupRange).
func measure(ve *gongwei.ValidationError, field, quantity string, x float64) {
	if x == 0 {
		return
	}
	if r, ok := healthrecord.CheckupRange(quantity); ok && !r.Contains(x) {
		ve.Add(field, gongwei.CodeOutOfRange, r.Min, r.Max)
	}
}
