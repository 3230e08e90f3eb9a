package worklist

import (
	"context"
	"iter"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
)

// Status is where an item stands in the range asked about.
type Status uint8

// The statuses of an item.
const (
	// Due: the item's window is open on some day of the range and it has not been
	// given (for a follow-up, its due date falls in the range).
	Due Status = iota + 1
	// Overdue: the window closed before the range began and the item can still be
	// given late.
	Overdue
	// Missed: the item is due or overdue at the start of the range and counts as
	// missed by its end under its service's rule: the range is the last chance to
	// give it.
	Missed
)

var statusKeys = [...]string{"", "worklist.status.due", "worklist.status.overdue", "worklist.status.missed"}

// String returns a stable identifier of s ("due", "overdue", "missed").
func (s Status) String() string {
	if s < Due || s > Missed {
		return ""
	}
	return statusKeys[s][len("worklist.status."):]
}

// Label returns the status's name in language tag.
func (s Status) Label(tag language.Tag) string {
	if s < Due || s > Missed {
		return gongwei.NewPrinter(tag).Sprintf(string(gongwei.CodeUnknownCode))
	}
	return gongwei.NewPrinter(tag).Sprintf(statusKeys[s])
}

// Service names the service an item belongs to.
type Service string

// The services of the worklist's sources.
const (
	Hypertension Service = "hypertension"
	Diabetes     Service = "diabetes"
	Mental       Service = "mental"
	Tuberculosis Service = "tuberculosis"
	Maternal     Service = "maternal"
	Child        Service = "child"
	Immunization Service = "immunization"
	Checkup      Service = "checkup"
	Contract     Service = "contract"
)

// Label returns the service's name in language tag.
func (s Service) Label(tag language.Tag) string {
	return gongwei.NewPrinter(tag).Sprintf("worklist.service." + string(s))
}

// Item is one thing due for a resident.
type Item struct {
	// Service is the service the item belongs to.
	Service Service
	// Status is where the item stands in the range.
	Status Status
	// Window is when the item is due: Start included, End excluded. A follow-up due
	// by a date has a window ending the day after it; a zero Start means the window
	// opened with the previous contact.
	Window gongwei.Period
	// Source cites the rule the item comes from ("nbphs-spec §7.2").
	Source string
	// Urgent marks an urgent item: the active follow-up of an urgent referral, an
	// overdue visit of a TB or severe mental disorder patient.
	Urgent bool
	// Group groups the items that the rules let be given at one visit: items of one
	// resident with the same non-empty Group are merged into one of [Entry.Visits].
	Group string

	// What names the item: a key of the library's message catalog, or a text of the
	// host's own (a key the catalog does not hold is printed as it is), formatted with
	// Args; an argument with a Label(language.Tag) method (a contact, a vaccine, a
	// Service) is replaced by its label in the language asked for.
	What string
	Args []any
}

// Label returns what the item is in language tag ("高血压随访", "MMR 第1剂").
func (it Item) Label(tag language.Tag) string {
	args := make([]any, len(it.Args))
	for i, a := range it.Args {
		if l, ok := a.(interface{ Label(language.Tag) string }); ok {
			a = l.Label(tag)
		}
		args[i] = a
	}
	return gongwei.NewPrinter(tag).Sprintf(it.What, args...)
}

// Due returns the last day of the item's window (its due date), or the zero Date for an
// open-ended window.
func (it Item) Due() gongwei.Date {
	if it.Window.End.IsZero() {
		return gongwei.Date{}
	}
	return it.Window.Last()
}

// Visit is a group of one resident's items given at one contact.
type Visit struct {
	// Date is the day the visit should be made by: the earliest due date of its items
	// (the first day of the range for an overdue one).
	Date gongwei.Date
	// Items are indexes into [Entry.Items].
	Items []int
}

// Urgency is the rank of an entry in the list: lower comes first.
type Urgency uint8

// The urgencies, most urgent first.
const (
	// Urgent: an urgent item (see [Item.Urgent]).
	Urgent Urgency = iota + 1
	// Late: an item overdue or missed.
	Late
	// Routine: only items due.
	Routine
)

// Entry is one resident of the worklist with everything due.
type Entry struct {
	// Resident is the resident's health record.
	Resident healthrecord.ResidentID
	// Name is the resident's name, for the list's order and the printed list. It is
	// personal data: never log it.
	Name string
	// Village is the resident's 12-digit village code.
	Village healthrecord.Village
	// VillageName is the village's name from the health record.
	VillageName string
	// Urgency ranks the entry.
	Urgency Urgency
	// Items are what is due, ordered by urgency, then due date, then service.
	Items []Item
	// Visits are the items merged into contacts, earliest first.
	Visits []Visit
}

// Source is one service's rule for the worklist: it appends to dst the items of subject
// s due, overdue or missed in range r, and returns the extended slice. A source reads
// only the records of its own service; it must not keep s.
type Source interface {
	Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item
}

// SourceFunc adapts a function to a [Source].
type SourceFunc func(dst []Item, s *indicators.Subject, r gongwei.Period) []Item

// Append calls f.
func (f SourceFunc) Append(dst []Item, s *indicators.Subject, r gongwei.Period) []Item {
	return f(dst, s, r)
}

// Sources returns the sources of every service the library implements, in the order
// their items are listed when nothing else orders them.
func Sources() []Source {
	return []Source{ChronicSource{}, MaternalSource{}, ChildSource{}, ImmunizationSource{}, CheckupSource{}, ContractSource{}}
}

// List makes the worklist from its sources.
type List struct {
	sources []Source
}

// New returns a List asking sources (none: [Sources]).
func New(sources ...Source) *List {
	if len(sources) == 0 {
		sources = Sources()
	}
	return &List{sources: sources}
}

// Entry returns the entry of subject s for range r, and false when nothing of s is due,
// overdue or missed in r, s has no health record, or the record is not active on the
// range's last day (created later, or closed by death or moving out: healthrecord's
// Resident.ActiveOn).
func (l *List) Entry(s *indicators.Subject, r gongwei.Period) (*Entry, bool) {
	if s == nil || s.Resident == nil || !r.IsValid() || !s.Resident.ActiveOn(r.Last()) {
		return nil, false
	}
	var items []Item
	for _, src := range l.sources {
		items = src.Append(items, s, r)
	}
	if len(items) == 0 {
		return nil, false
	}
	res := s.Resident
	e := &Entry{Resident: res.ID, Name: res.Name, Village: res.Archive.Village(), VillageName: res.VillageName, Urgency: Routine, Items: items}
	slices.SortStableFunc(e.Items, compareItems)
	for _, it := range e.Items {
		e.Urgency = min(e.Urgency, urgencyOf(it))
	}
	e.Visits = merge(e.Items, r)
	return e, true
}

func urgencyOf(it Item) Urgency {
	switch {
	case it.Urgent:
		return Urgent
	case it.Status == Overdue || it.Status == Missed:
		return Late
	}
	return Routine
}

func compareItems(a, b Item) int {
	if c := int(urgencyOf(a)) - int(urgencyOf(b)); c != 0 {
		return c
	}
	if c := a.Due().Compare(b.Due()); c != 0 {
		if a.Due().IsZero() {
			return 1
		}
		if b.Due().IsZero() {
			return -1
		}
		return c
	}
	return strings.Compare(string(a.Service), string(b.Service))
}

// merge groups items into visits: items with the same non-empty Group share one,
// dated by the earliest due date of its items (not before r.Start).
func merge(items []Item, r gongwei.Period) []Visit {
	var out []Visit
	keys := map[string]int{}
	for i, it := range items {
		d := it.Due()
		if d.IsZero() || d.Before(r.Start) {
			d = r.Start
		}
		if j, ok := keys[it.Group]; ok && it.Group != "" {
			out[j].Items = append(out[j].Items, i)
			if d.Before(out[j].Date) {
				out[j].Date = d
			}
			continue
		}
		if it.Group != "" {
			keys[it.Group] = len(out)
		}
		out = append(out, Visit{Date: d, Items: []int{i}})
	}
	slices.SortStableFunc(out, func(a, b Visit) int { return a.Date.Compare(b.Date) })
	return out
}

// Query is the jurisdiction and the range of a worklist.
type Query struct {
	// Prefix is the leading digits of the archive numbers (and village codes) of the
	// jurisdiction: 9 for a township, 12 for a village; empty for all.
	Prefix string
	// Team keeps only the residents under a contract with this family-doctor team in
	// force on some day of the range; empty for any.
	Team healthrecord.TeamID
	// Range is the days asked about, such as a week.
	Range gongwei.Period
}

// Lookback is how far before the range a worklist reads records: the latest
// follow-up that set the next due date, this year's checkups and the contracts that
// may end in the range. A follow-up interval of the services is at most three months
// (nbphs-spec §7.2, §9.2), so a year is enough for every rule here.
const Lookback = 366

// Window returns the period of records a worklist of range r reads: from Lookback
// days before r to its end.
func Window(r gongwei.Period) gongwei.Period {
	return gongwei.Period{Start: r.Start.AddDays(-Lookback), End: r.End}
}

// Entries yields the entry of each subject with something due in q.Range, in the
// order of subjects (a store's scan yields them by resident), and in q's team when it
// names one. It holds one subject and one entry at a time. The stream follows the
// library's convention: a failure of subjects is yielded once and the stream stops.
func (l *List) Entries(subjects iter.Seq2[*indicators.Subject, error], q Query) iter.Seq2[*Entry, error] {
	return func(yield func(*Entry, error) bool) {
		for s, err := range subjects {
			if err != nil {
				yield(nil, err)
				return
			}
			if s == nil || s.Resident == nil || !strings.HasPrefix(s.Resident.Archive.String(), q.Prefix) {
				continue
			}
			if q.Team != "" && !inTeam(s.Contracts, q.Team, q.Range) {
				continue
			}
			if e, ok := l.Entry(s, q.Range); ok && !yield(e, nil) {
				return
			}
		}
	}
}

func inTeam(cs []*healthrecord.Contract, t healthrecord.TeamID, r gongwei.Period) bool {
	for _, c := range cs {
		if c != nil && c.Team == t && c.Period.Overlaps(r) {
			return true
		}
	}
	return false
}

// Stream yields the entries of q from stores (see [Subjects]) in resident order,
// memory per resident.
func (l *List) Stream(ctx context.Context, st Stores, q Query) iter.Seq2[*Entry, error] {
	if !q.Range.IsValid() {
		return func(yield func(*Entry, error) bool) {
			yield(nil, errRange)
		}
	}
	return l.Entries(Subjects(ctx, st, q.Prefix, Window(q.Range)), q)
}

// Collect returns the entries of q from stores in worklist order ([Sort]). It keeps
// the entries only (a resident's name, village and items), never the records read.
func (l *List) Collect(ctx context.Context, st Stores, q Query) ([]*Entry, error) {
	var out []*Entry
	for e, err := range l.Stream(ctx, st, q) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	Sort(out)
	return out, nil
}

// Sort orders entries as a worklist is read: by urgency, then village code, then name
// in pinyin order (golang.org/x/text/collate, simplified Chinese), then resident ID.
func Sort(entries []*Entry) {
	col := collate.New(language.SimplifiedChinese)
	slices.SortStableFunc(entries, func(a, b *Entry) int {
		if c := int(a.Urgency) - int(b.Urgency); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Village), string(b.Village)); c != 0 {
			return c
		}
		if c := col.CompareString(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(string(a.Resident), string(b.Resident))
	})
}
