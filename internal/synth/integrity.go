package synth

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Pattern is a way of fabricating records that the county can inject (Config.Inject),
// each one of those documented in public cases (peers.md: records made up to meet the
// 建档率 target, records bulk-created in one sitting, dead residents' records still
// updated under the accounts of staff who had left). Its unit is what the rate applies
// to.
type Pattern string

// The patterns.
const (
	// InjectAfterDeath: a hypertension or diabetes patient (unit: the resident) has a
	// death registration (County.Deaths) dated on their first follow-up of the year,
	// while their record stays open and the later follow-ups are still written.
	InjectAfterDeath Pattern = "after_death"
	// InjectDepartedStaff: a village doctor's account (unit: the staff ID) whose holder
	// left on July 1 (County.Staff) goes on writing the village's records. A clean
	// departure hands the account's work to a successor's account.
	InjectDepartedStaff Pattern = "departed_staff"
	// InjectNightBurst: a village (unit: its 12-digit code) whose residents' health
	// records were all typed in one night by the village doctor's account, a few
	// seconds apart, from 22:00 on December 20 of the year, with consecutive phone
	// numbers made up to fill the form.
	InjectNightBurst Pattern = "night_burst"
	// InjectClonedReadings: a hypertension patient with at least three follow-ups (unit:
	// the patient ID) whose blood pressures and heart rates are copied, visit by visit,
	// from an earlier patient of the same village.
	InjectClonedReadings Pattern = "cloned_readings"
	// InjectDigitPreference: a village doctor's account (unit: the staff ID) whose
	// blood pressures all end in 0: rounded to the nearest 10 mmHg.
	InjectDigitPreference Pattern = "digit_preference"
	// InjectConstantReadings: a hypertension patient with at least four follow-ups
	// (unit: the patient ID) whose blood pressure is the first one's at every visit.
	InjectConstantReadings Pattern = "constant_readings"
	// InjectTwoPlaces: a township (unit: its 9-digit code) whose public health account
	// writes the follow-ups of its first two villages itself, each between 09:00 and
	// 09:09 of the visit's day: in two villages within minutes on the days both have
	// one.
	InjectTwoPlaces Pattern = "two_places"
	// InjectWorkload: a township (unit: its 9-digit code) whose older people's
	// checkups of the year were all entered by its public health account as given on
	// one day (a day of March to November drawn from the code): more face-to-face
	// services than one person gives in a day, in a township of some 1,000 residents
	// or more.
	InjectWorkload Pattern = "workload"
	// InjectQuota: a village (unit: its 12-digit code) whose reported figures
	// (County.Figures) stop exactly at their targets: each rate's numerator the fewest
	// that meets the target of indicators.ExamplePlan, whatever the records give.
	InjectQuota Pattern = "quota"
	// InjectClonedCheckups: an older person's checkup (unit: the checkup ID) whose
	// measures (temperature, pulse, respiration, both arms' blood pressures, height,
	// weight, waist) are copied from the checkup of an earlier resident of the same
	// village: checkups identical except for identity.
	InjectClonedCheckups Pattern = "cloned_checkups"
)

// Injection gives each pattern's rate: the share (0 to 1) of its units that show it.
// The zero Injection injects nothing. It is comparable, as Config is.
type Injection struct {
	AfterDeath, DepartedStaff, NightBurst, ClonedReadings, DigitPreference float64
	ConstantReadings, TwoPlaces                                            float64
	Workload, Quota, ClonedCheckups                                        float64
}

// rate returns the field of in holding pattern p's rate, or nil for an unknown p: the
// one mapping of patterns to fields that Rate and With share.
func (in *Injection) rate(p Pattern) *float64 {
	switch p {
	case InjectAfterDeath:
		return &in.AfterDeath
	case InjectDepartedStaff:
		return &in.DepartedStaff
	case InjectNightBurst:
		return &in.NightBurst
	case InjectClonedReadings:
		return &in.ClonedReadings
	case InjectDigitPreference:
		return &in.DigitPreference
	case InjectConstantReadings:
		return &in.ConstantReadings
	case InjectTwoPlaces:
		return &in.TwoPlaces
	case InjectWorkload:
		return &in.Workload
	case InjectQuota:
		return &in.Quota
	case InjectClonedCheckups:
		return &in.ClonedCheckups
	}
	return nil
}

// Rate returns the rate of pattern p.
func (in Injection) Rate(p Pattern) float64 {
	if f := in.rate(p); f != nil {
		return *f
	}
	return 0
}

// With returns in with pattern p's rate set to rate.
func (in Injection) With(p Pattern, rate float64) Injection {
	if f := in.rate(p); f != nil {
		*f = rate
	}
	return in
}

// Injected reports whether the unit (see Pattern) shows pattern p in this county: a
// function of the seed, the pattern and the unit only.
func (c *County) Injected(p Pattern, unit string) bool {
	rate := c.cfg.Inject.Rate(p)
	return rate > 0 && c.draw(string(p), unit) < rate
}

// draw returns a uniform number in [0, 1) fixed by the seed, the purpose and the unit.
func (c *County) draw(purpose, unit string) float64 {
	h := fnv.New64a()
	var seed [8]byte
	for i := range seed {
		seed[i] = byte(c.cfg.Seed >> (8 * i))
	}
	h.Write(seed[:])
	h.Write([]byte(purpose))
	h.Write([]byte{0})
	h.Write([]byte(unit))
	x := h.Sum64() // mixed (splitmix64's finaliser): FNV's high bits barely change with the last byte
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11) / (1 << 53)
}

// Demonstration shares of the clean county's staff and deaths (made-up, not figures).
const (
	cleanLeavers    = 0.05 // village doctors who leave on July 1 and hand over their account's work
	cleanDeathShare = 0.02 // chronic patients registered dead after their last service
	// townshipServed is the residents of a township one public health account of its
	// health centre serves: a township of more has one account more for each (made-up,
	// so that no account gives more face-to-face services a day than a person can).
	townshipServed = 10000
)

// VillageDoctor returns the staff ID of the doctor of village v's clinic (村医): "V"
// and the township's and village's 6 digits.
func VillageDoctor(v healthrecord.Village) string { return "V" + string(v[6:]) }

// TownshipStaff returns the staff ID of the public health staff of township t's health
// centre (given as a village or township code): "T" and the township's 3 digits.
func TownshipStaff(code string) string { return "T" + code[6:9] }

// townshipAccounts returns how many public health accounts township code's (a
// village's or township's code) health centre has: one for each townshipServed
// residents begun.
func (c *County) townshipAccounts(code string) int {
	t, _ := strconv.Atoi(code[6:9])
	from, to := c.TownshipRange(t)
	return max(1, (to-from+townshipServed-1)/townshipServed)
}

// townshipAccount returns the ID of the k-th (0-based) public health account of
// township code: TownshipStaff, then with "-2", "-3" and on.
func townshipAccount(code string, k int) string {
	if k == 0 {
		return TownshipStaff(code)
	}
	return TownshipStaff(code) + "-" + strconv.Itoa(k+1)
}

// successor returns the account that takes over the work of staff id after they leave.
func successor(id string) string { return id + "S" }

// StaffMember is one account of the county's staff register, as a host supplies it to
// the integrity checks.
type StaffMember struct {
	// ID is the account (gongwei.Actor.Staff of the records it writes).
	ID string
	// Institution is the code of the institution the account works for: the township
	// centre's for its public health staff, the village clinic's for a village doctor.
	Institution string
	// Within is the division the account acts within: the township for its public
	// health staff, the village for a village doctor.
	Within gongwei.Division
	// Left is the day the holder left; the zero Date for staff still in post.
	Left gongwei.Date
	// Injected: the account goes on writing after Left (InjectDepartedStaff).
	Injected bool
}

// Staff returns the staff register: every village doctor (with the successors of those
// who left) and each township's public health staff.
func (c *County) Staff() []StaffMember {
	var out []StaffMember
	july := gongwei.MustDate(c.cfg.Year, time.July, 1)
	for t := 1; t <= c.cfg.Townships; t++ {
		town := c.Township(t)
		for k := range c.townshipAccounts(town) {
			out = append(out, StaffMember{ID: townshipAccount(town, k), Institution: town + "000", Within: gongwei.Division(town)})
		}
		for _, v := range c.townshipVillages(t) {
			m := StaffMember{ID: VillageDoctor(v), Institution: string(v), Within: gongwei.Division(v)}
			switch {
			case c.Injected(InjectDepartedStaff, m.ID):
				m.Left, m.Injected = july, true
			case c.left(m.ID):
				m.Left = july
				out = append(out, StaffMember{ID: successor(m.ID), Institution: m.Institution, Within: m.Within})
			}
			out = append(out, m)
		}
	}
	return out
}

// left reports whether village doctor id leaves cleanly on July 1.
func (c *County) left(id string) bool {
	return !c.Injected(InjectDepartedStaff, id) && c.draw("leaves", id) < cleanLeavers
}

// Author returns who writes a record of the kind (its healthrecord.AuditEntry.Kind) with
// the ID, of village v, documenting a service on date (the zero Date for a record that
// documents none, such as a household), and when: the village doctor for the village's
// records (their successor after a clean departure), the township's public health staff
// for checkups, vaccinations, supervision and education (one of its accounts, drawn from
// the ID, in a township of more than 10,000 residents); on the service's day at a
// working hour (08:00 to 17:59, the minute drawn from the ID), or as the injected
// patterns make it.
func (c *County) Author(kind, id string, v healthrecord.Village, date gongwei.Date) (gongwei.Actor, time.Time) {
	var a gongwei.Actor
	switch kind {
	case "healthrecord.Checkup", "immunization.Registration", "immunization.Vaccination", "supervision.Unit",
		"supervision.Inspection", "supervision.Complaint", "supervision.Clue", "supervision.CaseReport",
		"supervision.EmergencyReport", "education.Activity",
		"villageclinic.Visit", "villageclinic.Training", "womenshealth.Report", "education.SurveyResponse":
		town := string(v[:9])
		a = gongwei.Actor{Staff: TownshipStaff(town), Institution: town + "000", Within: gongwei.Division(town)}
		if n := c.townshipAccounts(town); n > 1 {
			a.Staff = townshipAccount(town, int(c.draw("account", kind+"\x00"+id)*float64(n)))
		}
	default:
		a = gongwei.Actor{Staff: VillageDoctor(v), Institution: string(v), Within: gongwei.Division(v)}
		if !date.Before(gongwei.MustDate(c.cfg.Year, time.July, 1)) && c.left(a.Staff) {
			a.Staff = successor(a.Staff)
		}
	}
	if date.IsZero() {
		date = c.period.Start
	}
	u := c.draw("minute", kind+"\x00"+id)
	minute := int(u * 600) // 10 working hours
	at := time.Date(date.Year(), date.Month(), date.Day(), 8+minute/60, minute%60, int(u*36000)%60, 0, gongwei.Shanghai())
	if kind == "chronic.Visit" && c.Injected(InjectTwoPlaces, string(v[:9])) && c.firstTwo(v) {
		town := string(v[:9])
		a = gongwei.Actor{Staff: TownshipStaff(town), Institution: town + "000", Within: gongwei.Division(town)}
		at = time.Date(date.Year(), date.Month(), date.Day(), 9, int(u*10), 0, 0, gongwei.Shanghai())
	}
	if kind == "healthrecord.Resident" && c.Injected(InjectNightBurst, string(v)) {
		_, serial := c.villageSerial(id)
		at = time.Date(c.cfg.Year, time.December, 20, 22, 0, 0, 0, gongwei.Shanghai()).Add(time.Duration(serial) * 4 * time.Second)
	}
	return a, at
}

// villageSerial returns the archive serial of a resident ID (the 17-digit archive
// number) and whether it is one.
func (c *County) villageSerial(id string) (healthrecord.Village, int) {
	a, err := healthrecord.ParseArchiveNumber(id)
	if err != nil {
		return "", 0
	}
	return a.Village(), a.Serial()
}

// authored returns ctx carrying the author of a record (Author) and the instant of the
// write (healthrecord.WithWriteTime).
func (c *County) authored(ctx context.Context, kind, id string, v healthrecord.Village, date gongwei.Date) context.Context {
	a, at := c.Author(kind, id, v, date)
	return healthrecord.WithWriteTime(gongwei.WithActor(ctx, a), at)
}

// Death is a death registration the host receives from the civil registry or the
// hospital, with the ground truth of the injection.
type Death struct {
	// Resident is the resident registered dead.
	Resident healthrecord.ResidentID
	// Date is the day of death the registration gives.
	Date gongwei.Date
	// Injected: the resident's services go on after Date (InjectAfterDeath).
	Injected bool
}

// Deaths returns the death registrations of the persons [from, to) whose records stay
// open: the chronic patients of InjectAfterDeath, registered dead on their first
// follow-up of the year, and a clean share registered dead the day after their last
// dated record.
func (c *County) Deaths(from, to int) []Death {
	var out []Death
	for i := from; i < to; i++ {
		v, serial := c.villageOf(i)
		a, err := v.Archive(serial)
		if err != nil {
			continue
		}
		id := a.String()
		inject, clean := c.Injected(InjectAfterDeath, id), c.draw("death", id) < cleanDeathShare
		if !inject && !clean {
			continue
		}
		p := c.Person(i)
		if p.Resident.Closure.Reason != healthrecord.NotClosed {
			continue
		}
		first, last := gongwei.Date{}, gongwei.Date{}
		seen := func(d gongwei.Date) {
			if !d.IsZero() && (last.IsZero() || d.After(last)) {
				last = d
			}
		}
		visits := 0
		for _, cs := range c.Chronic(p) {
			for _, vis := range cs.Visits {
				d := vis.Date()
				seen(d)
				if !c.period.Contains(d) || cs.Patient.Condition != chronic.Hypertension && cs.Patient.Condition != chronic.Diabetes {
					continue
				}
				visits++
				if first.IsZero() || d.Before(first) {
					first = d
				}
			}
			seen(cs.Closure.Date)
		}
		if visits < 2 {
			continue
		}
		if inject {
			out = append(out, Death{Resident: p.Resident.ID, Date: first, Injected: true})
			continue
		}
		for _, ck := range p.Checkups {
			seen(ck.Date)
		}
		for _, ct := range p.Contracts {
			seen(ct.Signed)
		}
		for _, e := range p.Events {
			seen(e.Date)
		}
		if ch := c.Child(p); ch != nil {
			for _, vis := range ch.Visits {
				seen(vis.Date)
			}
		}
		if im := c.Immunization(p); im != nil {
			for _, vac := range im.Vaccinations {
				seen(vac.Dose.Date)
			}
		}
		if pr := c.Pregnancy(p); pr != nil {
			seen(pr.Booked)
		}
		out = append(out, Death{Resident: p.Resident.ID, Date: last.AddDays(1)})
	}
	return out
}

// Chronic returns the chronic-disease cases of person p (most residents have none):
// hypertension and type 2 diabetes by age (chronicShares), severe mental disorders among
// adults, and TB notified in the six months before the year or during it, with the year's
// follow-ups (visits before the year only for TB courses that began then). Adherence is
// imperfect: some patients miss quarters, some are followed up by phone, some are lost,
// some are registered late in the year, and readings put patients on and off target with
// a few emergencies, so that classification gives a mix of classes. The readings show
// the patterns of Config.Inject that touch them (InjectClonedReadings,
// InjectDigitPreference).
func (c *County) Chronic(p *Person) []ChronicCase {
	out, _ := c.tamper(p, c.chronicRaw(p))
	return out
}

// Cloned returns the hypertension patients of p whose readings were copied from
// another patient's (InjectClonedReadings), and the patients they were copied from.
func (c *County) Cloned(p *Person) (clones, sources []chronic.PatientID) {
	_, pairs := c.tamper(p, c.chronicRaw(p))
	for _, pr := range pairs {
		clones, sources = append(clones, pr[0]), append(sources, pr[1])
	}
	return clones, sources
}

// minClonedVisits is the fewest follow-ups a cloned series has.
const minClonedVisits = 3

// tamper applies the injected patterns to p's cases and returns the cloned pairs.
func (c *County) tamper(p *Person, cases []ChronicCase) ([]ChronicCase, [][2]chronic.PatientID) {
	if c.cfg.Inject.ClonedReadings <= 0 && c.cfg.Inject.DigitPreference <= 0 && c.cfg.Inject.ConstantReadings <= 0 {
		return cases, nil
	}
	var pairs [][2]chronic.PatientID
	for _, cs := range cases {
		if cs.Patient.Condition != chronic.Hypertension {
			continue
		}
		if len(cs.Visits) >= minClonedVisits && c.Injected(InjectClonedReadings, string(cs.Patient.ID)) {
			if src := c.cloneSource(p); src != nil {
				for k, v := range cs.Visits {
					if k >= len(src.Visits) {
						break
					}
					from, to := src.Visits[k].Hypertension, v.Hypertension
					to.Systolic, to.Diastolic, to.HeartRate = from.Systolic, from.Diastolic, from.HeartRate
				}
				pairs = append(pairs, [2]chronic.PatientID{cs.Patient.ID, src.Patient.ID})
			}
		}
		if len(cs.Visits) >= 4 && c.Injected(InjectConstantReadings, string(cs.Patient.ID)) {
			first := cs.Visits[0].Hypertension
			for _, v := range cs.Visits[1:] {
				v.Hypertension.Systolic, v.Hypertension.Diastolic = first.Systolic, first.Diastolic
			}
		}
		for _, v := range cs.Visits {
			if c.Injected(InjectDigitPreference, string(v.Provider.Staff)) {
				f := v.Hypertension
				f.Systolic, f.Diastolic = round10(f.Systolic), round10(f.Diastolic)
			}
		}
	}
	return cases, pairs
}

func round10(x int) int { return int(math.Round(float64(x)/10)) * 10 }

// cloneSource returns the hypertension case the readings of a clone in p's village are
// copied from: the nearest earlier resident of the village with one of at least
// minClonedVisits follow-ups that is not itself a clone (untampered), or nil.
func (c *County) cloneSource(p *Person) *ChronicCase {
	v := p.Resident.Archive.Village()
	for j := p.Index - 1; j >= 0 && j >= p.Index-400; j-- {
		if w, _ := c.villageOf(j); w != v {
			return nil
		}
		for _, cs := range c.chronicRaw(c.Person(j)) {
			if cs.Patient.Condition == chronic.Hypertension && len(cs.Visits) >= minClonedVisits &&
				!c.Injected(InjectClonedReadings, string(cs.Patient.ID)) {
				return &cs
			}
		}
	}
	return nil
}

// authored returns ctx carrying the author of a record and the instant of the write
// (County.Author) when the load keeps an audit trail (Stores.Audit), and ctx otherwise.
func (sv *services) authored(ctx context.Context, c *County, kind, id string, v healthrecord.Village, date gongwei.Date) context.Context {
	if sv.stores.Audit == nil {
		return ctx
	}
	return c.authored(ctx, kind, id, v, date)
}

// write makes a write the load puts straight into the health record store through the
// services' write path (healthrecord.Trail), so that it is in the audit trail too.
func (sv *services) write(ctx context.Context, ch healthrecord.Change, put func(ctx context.Context) error) error {
	if sv.stores.Audit == nil {
		return put(ctx)
	}
	return sv.records.Trail().Write(ctx, ch, put)
}

// phone returns the mobile number of resident i, the serial-th of village v: drawn from
// the index (so that numbers look like a real village's, none consecutive but by
// chance), or consecutive in a village of InjectNightBurst.
func (c *County) phone(i int, v healthrecord.Village, serial int) healthrecord.Phone {
	n := int64(c.draw("phone", itoa(i)) * 1e9)
	if c.Injected(InjectNightBurst, string(v)) {
		n = int64(c.draw("phone", string(v))*1e8) + int64(serial)
	}
	p, err := healthrecord.ParsePhone(fmt.Sprintf("13%09d", n%1e9))
	if err != nil {
		panic(err) // 13 and nine digits is a mobile number
	}
	return p
}

// firstTwo reports whether v is one of the first two villages of its township.
func (c *County) firstTwo(v healthrecord.Village) bool {
	n := 0
	for _, w := range c.villages {
		if w[:9] == v[:9] {
			if w == v {
				return true
			}
			if n++; n == 2 {
				return false
			}
		}
	}
	return false
}

// checkupDay returns the day the checkups of res's township were entered as given when
// the township shows InjectWorkload, and the zero Date otherwise.
func (c *County) checkupDay(res *healthrecord.Resident) gongwei.Date {
	town := string(res.Archive.Village())[:9]
	if !c.Injected(InjectWorkload, town) {
		return gongwei.Date{}
	}
	march := gongwei.MustDate(c.cfg.Year, time.March, 1)
	return march.AddDays(int(c.draw("checkup day", town) * float64(march.DaysUntil(gongwei.MustDate(c.cfg.Year, time.November, 30)))))
}

// measure sets the measures of p's checkup ch (一般状况), drawn from its ID around
// ordinary adult values (made-up spreads), or copied from an earlier resident's
// checkup of the village when ch shows InjectClonedCheckups; the TCM item that the form
// anchors to BMI follows the weight and height.
func (c *County) measure(p *Person, ch *healthrecord.Checkup) {
	u := func(what string) float64 { return c.draw("measure "+what, string(ch.ID)) }
	num := func(x int) *int { return &x }
	dec := func(from, span float64, what string) *float64 {
		x := from + math.Round(u(what)*span*10)/10
		return &x
	}
	sbp, dbp := 105+int(u("sbp")*50), 60+int(u("dbp")*30)
	g := &ch.General
	g.Temperature = dec(36.0, 1.0, "temperature")
	g.Pulse, g.Respiration = num(60+int(u("pulse")*30)), num(16+int(u("respiration")*5))
	g.BPLeft = healthrecord.BloodPressure{Systolic: num(sbp), Diastolic: num(dbp)}
	g.BPRight = healthrecord.BloodPressure{Systolic: num(sbp - 4 + int(u("right sbp")*9)), Diastolic: num(dbp - 3 + int(u("right dbp")*7))}
	g.Height, g.Weight, g.Waist = dec(148, 32, "height"), dec(45, 35, "weight"), dec(66, 30, "waist")
	if c.Injected(InjectClonedCheckups, string(ch.ID)) {
		if src := c.checkupSource(p); src != nil {
			s := src.General
			g.Temperature, g.Pulse, g.Respiration, g.BPLeft, g.BPRight = s.Temperature, s.Pulse, s.Respiration, s.BPLeft, s.BPRight
			g.Height, g.Weight, g.Waist = s.Height, s.Weight, s.Waist
		}
	}
	if bmi, ok := ch.BMI(); ok && ch.TCM != nil {
		ch.TCM.Answers[8] = healthrecord.TCMItem9FromBMI(bmi)
	}
}

// checkupSource returns the checkup the measures of a clone in p's village are copied
// from: the checkup of the nearest earlier resident of the village who has one, or nil.
func (c *County) checkupSource(p *Person) *healthrecord.Checkup {
	v := p.Resident.Archive.Village()
	for j := p.Index - 1; j >= 0 && j >= p.Index-400; j-- {
		if w, _ := c.villageOf(j); w != v {
			return nil
		}
		if q := c.Person(j); len(q.Checkups) > 0 {
			return q.Checkups[0]
		}
	}
	return nil
}

// ClonedCheckups returns the checkups of p whose measures were copied from another
// resident's (InjectClonedCheckups).
func (c *County) ClonedCheckups(p *Person) []healthrecord.CheckupID {
	var out []healthrecord.CheckupID
	for _, ck := range p.Checkups {
		if c.Injected(InjectClonedCheckups, string(ck.ID)) && c.checkupSource(p) != nil {
			out = append(out, ck.ID)
		}
	}
	return out
}
