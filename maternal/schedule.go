package maternal

import (
	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// Site is where a contact of the schedule is to be given.
type Site int

// The sites of nbphs-spec §5 and §5.1.
const (
	// SitePrimary is the woman's township health centre or community health service
	// centre (乡镇卫生院、社区卫生服务中心), which books her and issues the 《母子健康手册》.
	SitePrimary Site = iota + 1
	// SiteMidwifery is a facility licensed for midwifery (有助产技术服务资质的医疗卫生机构):
	// a primary institution without the licence urges the woman to go to one for the
	// mid- and late-pregnancy visits.
	SiteMidwifery
	// SiteHome is the woman's home (the postpartum home visit).
	SiteHome
	// SiteDeliveryFacility is the primary centre after a normal delivery, or the facility
	// of the delivery after an abnormal one (the 42-day check).
	SiteDeliveryFacility
)

// Label returns the site's name in language tag.
func (s Site) Label(tag language.Tag) string {
	if s < SitePrimary || s > SiteDeliveryFacility {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(siteKeys[s-1])
}

var siteKeys = [...]string{"maternal.site.primary", "maternal.site.midwifery", "maternal.site.home", "maternal.site.delivery"}

// Window is the gestational-age window of a prenatal visit: from the first day of
// week From (From+0) to the last day of week To (To+6), both included. "16–20 weeks"
// reads as 16+0 to 20+6, and "before 13 weeks" (孕13周前) as 0+0 to 12+6.
type Window struct {
	From, To int // completed weeks, inclusive
}

// Start returns the first day of the window.
func (w Window) Start() Gestation { return Weeks(w.From, 0) }

// End returns the last day of the window.
func (w Window) End() Gestation { return Weeks(w.To, 6) }

// Contains reports whether g lies in the window.
func (w Window) Contains(g Gestation) bool { return g >= w.Start() && g <= w.End() }

// PrenatalContact is one of the five prenatal visits of the schedule.
type PrenatalContact struct {
	// Number is 1-5 (第1次产前检查, 第2～5次产前随访).
	Number int
	// Window is when it is given.
	Window Window
	// Site is where.
	Site Site
	// Form names the record form: 第1次产前检查服务记录表 or 第2～5次产前随访服务记录表.
	Form string
}

// EarlyBookingWeeks is the booking limit: a pregnancy is booked early (早孕建册) when the
// handbook is issued and the first prenatal check given before 13 weeks of gestation
// (孕13周前), that is by 12+6 (nbphs-spec §5.1, §5.4).
const EarlyBookingWeeks = 13

// PrenatalSchedule is the five prenatal visits of the national specification: one in
// early pregnancy before 13 weeks, two in mid-pregnancy at 16–20 and 21–24 weeks and two
// in late pregnancy at 28–36 and 37–40 weeks (nbphs-spec §5 "Minimum contacts", §5.1).
// The first is given at the woman's primary centre; the others at a facility licensed
// for midwifery (the primary centre itself if it holds the licence).
var PrenatalSchedule = [5]PrenatalContact{
	{Number: 1, Window: Window{0, EarlyBookingWeeks - 1}, Site: SitePrimary, Form: "第1次产前检查服务记录表"},
	{Number: 2, Window: Window{16, 20}, Site: SiteMidwifery, Form: "第2～5次产前随访服务记录表"},
	{Number: 3, Window: Window{21, 24}, Site: SiteMidwifery, Form: "第2～5次产前随访服务记录表"},
	{Number: 4, Window: Window{28, 36}, Site: SiteMidwifery, Form: "第2～5次产前随访服务记录表"},
	{Number: 5, Window: Window{37, 40}, Site: SiteMidwifery, Form: "第2～5次产前随访服务记录表"},
}

// PrenatalVisits is the minimum number of prenatal contacts (nbphs-spec §5: 1 early, 2
// mid, 2 late).
const PrenatalVisits = 5

// Postpartum windows (nbphs-spec §5.1, §5.4).
const (
	// HomeVisitDays: the postpartum home visit (产后访视) is given within 1 week after
	// discharge (出院后1周内), combined with the newborn visit: by discharge + 7 days. The
	// "3–7 days" of the 2011 edition is UNCONFIRMED in reference; the 3rd edition's
	// wording is implemented.
	HomeVisitDays = 7
	// HomeVisitCountDays: the postpartum visit rate counts a visit within 28 days of
	// discharge (出院后28天内) (nbphs-spec §5.4); a visit later than that is missed.
	HomeVisitCountDays = 28
	// CheckDay: the postpartum health check (产后42天健康检查) is given at about day 42
	// after delivery. The reference gives no closing limit, so the check stays due until
	// it is recorded or the case is closed.
	CheckDay = 42
	// PuerperiumDays: pregnancy care and risk grading run from pregnancy to 42 days after
	// it ends (nbphs-spec §5.2: "dynamic from pregnancy to 42 days postpartum").
	PuerperiumDays = 42
)

// Status is where a scheduled contact stands on a date.
type Status int

// The statuses of a scheduled contact.
const (
	// Upcoming: its window has not opened yet.
	Upcoming Status = iota + 1
	// Due: the window is open and the contact not recorded.
	Due
	// Overdue: the window has closed without the contact, and it can still be given
	// late: before the next prenatal visit's window opens (before delivery for the 5th
	// visit), within 28 days of discharge for the postpartum home visit.
	Overdue
	// Missed: the window has closed without the contact and the time to catch up has
	// passed, or the pregnancy ended first.
	Missed
	// Done: recorded (possibly out of its window: see Item.OnTime).
	Done
	// NotApplicable: the pregnancy ended (delivery, loss, move-out, death) before the
	// window opened; or, for a postpartum contact, there was no delivery.
	NotApplicable
)

var statusKeys = [...]string{"maternal.status.upcoming", "maternal.status.due", "maternal.status.overdue", "maternal.status.missed", "maternal.status.done", "maternal.status.na"}

// Label returns the status's name in language tag.
func (s Status) Label(tag language.Tag) string {
	if s < Upcoming || s > NotApplicable {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(statusKeys[s-1])
}

// String returns the status in English ("due", "overdue", ...).
func (s Status) String() string { return s.Label(language.English) }

// ContactKind names a contact of the schedule.
type ContactKind int

// The contacts: the five prenatal visits, the postpartum home visit and the 42-day check.
const (
	Prenatal1 ContactKind = iota + 1
	Prenatal2
	Prenatal3
	Prenatal4
	Prenatal5
	HomeVisit // 产后访视
	Check42   // 产后42天健康检查
)

var contactKeys = [...]string{"maternal.contact.1", "maternal.contact.2", "maternal.contact.3", "maternal.contact.4", "maternal.contact.5", "maternal.contact.home", "maternal.contact.42"}

// Label returns the contact's name in language tag.
func (k ContactKind) Label(tag language.Tag) string {
	if k < Prenatal1 || k > Check42 {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(contactKeys[k-1])
}

// String returns the contact's name in English.
func (k ContactKind) String() string { return k.Label(language.English) }

// Item is one line of a pregnancy's schedule on a date.
type Item struct {
	// Kind is the contact: a prenatal visit, the postpartum home visit or the 42-day
	// check.
	Kind ContactKind
	// Status is upcoming, due, overdue, missed or done on the date asked.
	Status Status
	// Opens and Closes are the first and last day of the window (Closes is zero for
	// the 42-day check, which has no closing limit).
	Opens, Closes gongwei.Date
	// Site is where the contact is given.
	Site Site
	// Done is the date it was recorded, when Status is Done.
	Done gongwei.Date
	// OnTime reports whether a Done contact fell in its window.
	OnTime bool
}

// Schedule returns the seven contacts of the pregnancy (five prenatal visits, postpartum
// home visit, 42-day check) with their status on date on (nbphs-spec §5.1). A prenatal
// visit counts as done when a contact with its number is recorded: the first exam for
// number 1, a follow-up visit for the others; additional visits count for none. A
// pregnancy that is not dated gives no prenatal items.
//
// A prenatal visit whose window has closed stays Overdue until the next visit's window
// opens (the 5th until delivery) and is Missed afterwards; the 4th and 5th windows touch,
// so a 4th visit not given by 36+6 is missed. The postpartum home visit opens on the day
// of discharge (of delivery when no discharge is recorded), is Due for 7 days, Overdue
// to day 28 and Missed after. The 42-day check opens on delivery + 42 days and has no
// closing limit.
func (p *Pregnancy) Schedule(on gongwei.Date) []Item {
	var out []Item
	lmp := p.Dating.LMPDate()
	end := p.EndDate()
	if !lmp.IsZero() {
		for i, c := range PrenatalSchedule {
			it := Item{
				Kind:   ContactKind(c.Number),
				Opens:  lmp.AddDays(int(c.Window.Start())),
				Closes: lmp.AddDays(int(c.Window.End())),
				Site:   c.Site,
			}
			catchUpEnd := end // last day to catch up, exclusive
			if i+1 < len(PrenatalSchedule) {
				next := lmp.AddDays(int(PrenatalSchedule[i+1].Window.Start()))
				if catchUpEnd.IsZero() || next.Before(catchUpEnd) {
					catchUpEnd = next
				}
			}
			if d, ok := p.prenatalDone(c.Number); ok {
				it.Status, it.Done = Done, d
				it.OnTime = !d.Before(it.Opens) && !d.After(it.Closes)
			} else {
				it.Status = status(on, it.Opens, it.Closes, catchUpEnd, end)
			}
			out = append(out, it)
		}
	}
	out = append(out, p.homeVisitItem(on), p.check42Item(on))
	return out
}

// status places on against a window [opens, closes] with catching up possible before
// catchUpEnd (zero: open-ended) in a pregnancy that ended on end (zero: ongoing).
func status(on, opens, closes, catchUpEnd, end gongwei.Date) Status {
	switch {
	case !end.IsZero() && !end.After(opens):
		return NotApplicable
	case on.Before(opens):
		return Upcoming
	case !on.After(closes) && (end.IsZero() || on.Before(end)):
		return Due
	case !on.After(closes):
		return Missed // the pregnancy ended inside the window
	case catchUpEnd.IsZero() || on.Before(catchUpEnd):
		return Overdue
	}
	return Missed
}

// prenatalDone returns the date of the recorded prenatal visit number n.
func (p *Pregnancy) prenatalDone(n int) (gongwei.Date, bool) {
	if n == 1 {
		if p.FirstExam != nil && !p.FirstExam.Date.IsZero() {
			return p.FirstExam.Date, true
		}
		return gongwei.Date{}, false
	}
	for _, v := range p.Visits {
		if v.Number == n {
			return v.Date, true
		}
	}
	return gongwei.Date{}, false
}

// HomeVisitBase returns the day the postpartum home visit is counted from: the discharge
// date, or the delivery date when no discharge is recorded (a home birth). It is zero
// without a delivery.
func (p *Pregnancy) HomeVisitBase() gongwei.Date {
	if p.Delivery == nil {
		return gongwei.Date{}
	}
	if !p.Delivery.Discharged.IsZero() {
		return p.Delivery.Discharged
	}
	return p.Delivery.Date
}

func (p *Pregnancy) homeVisitItem(on gongwei.Date) Item {
	it := Item{Kind: HomeVisit, Site: SiteHome}
	base := p.HomeVisitBase()
	if base.IsZero() {
		it.Status = NotApplicable
		return it
	}
	it.Opens, it.Closes = base, base.AddDays(HomeVisitDays)
	if v, ok := p.firstPostpartum(PostpartumHomeVisit); ok {
		it.Status, it.Done = Done, v.Date
		it.OnTime = !v.Date.Before(it.Opens) && !v.Date.After(it.Closes)
		return it
	}
	var died gongwei.Date
	if p.Death != nil {
		died = p.Death.Date
	}
	it.Status = status(on, it.Opens, it.Closes, base.AddDays(HomeVisitCountDays+1), died)
	return it
}

func (p *Pregnancy) check42Item(on gongwei.Date) Item {
	it := Item{Kind: Check42, Site: SiteDeliveryFacility}
	if p.Delivery == nil || p.Delivery.Date.IsZero() {
		it.Status = NotApplicable
		return it
	}
	it.Opens = p.Delivery.Date.AddDays(CheckDay)
	if v, ok := p.firstPostpartum(PostpartumCheck42); ok {
		it.Status, it.Done, it.OnTime = Done, v.Date, true
		return it
	}
	switch {
	case p.Death != nil && !p.Death.Date.After(it.Opens):
		it.Status = NotApplicable
	case on.Before(it.Opens):
		it.Status = Upcoming
	default:
		it.Status = Due
	}
	return it
}

// firstPostpartum returns the earliest postpartum contact of kind k.
func (p *Pregnancy) firstPostpartum(k PostpartumKind) (PostpartumVisit, bool) {
	var best PostpartumVisit
	found := false
	for _, v := range p.Postpartum {
		if v.Kind == k && (!found || v.Date.Before(best.Date)) {
			best, found = v, true
		}
	}
	return best, found
}

// Pending returns the items of the schedule on date on that need action: Due or Overdue.
func (p *Pregnancy) Pending(on gongwei.Date) []Item {
	var out []Item
	for _, it := range p.Schedule(on) {
		if it.Status == Due || it.Status == Overdue {
			out = append(out, it)
		}
	}
	return out
}
