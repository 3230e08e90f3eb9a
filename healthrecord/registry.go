package healthrecord

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ErrTimeline reports that a record was saved but the service event that goes with it
// could not be appended to the timeline. The error also wraps the store's error. The
// saved record is complete and its caller's copy updated; saving it again (with its new
// version) appends the missing event, since the timeline ignores a repeated event of the
// same source record.
var ErrTimeline = errors.New("healthrecord: record saved, timeline not updated")

// Timeline receives the service events of records the service packages save;
// *Registry implements it (Registry.RecordService).
type Timeline interface {
	RecordService(ctx context.Context, e ServiceEvent) error
}

var _ Timeline = (*Registry)(nil)

// AppendServices is how every service appends the events of a record it has just saved
// to the resident's timeline: each event goes to t in order; a repeat of an event
// already there (an error wrapping gongwei.ErrDuplicate) is ignored, so saving a record
// again after a failure appends what was missing. Any other failure is reported once,
// after every event has been tried, as an error wrapping ErrTimeline, the service's own
// timeline sentinel svc when it is not nil (chronic, child, maternal and immunization
// each have one wrapping ErrTimeline), and every cause. The record itself stays saved.
func AppendServices(ctx context.Context, t Timeline, svc error, events ...ServiceEvent) error {
	ctx = context.WithValue(ctx, appendedByServiceKey{}, true)
	var errs []error
	for _, e := range events {
		if err := t.RecordService(ctx, e); err != nil && !errors.Is(err, gongwei.ErrDuplicate) {
			errs = append(errs, err)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	if svc == nil {
		svc = ErrTimeline
	}
	return fmt.Errorf("%w: %w", svc, errors.Join(errs...))
}

// DefaultAttempts is how many times, by default, Register tries to allocate an archive
// number and Close re-reads a record that another writer changed meanwhile.
const DefaultAttempts = 8

// Options configures a Registry (see New). The zero value gives the defaults of every
// field. Every service package has an Options of the same shape: Records (the health
// record service, where the service uses it), Now (the clock of the day of recording)
// and the fields of its own.
type Options struct {
	// Attempts bounds the tries of Register and Close on a lost race (a version conflict
	// or an archive number taken meanwhile). Zero means DefaultAttempts.
	Attempts int
	// ResidentID assigns the ID of a resident saved without one. The default is the 17
	// digits of its archive number.
	ResidentID func(*Resident) ResidentID
	// HouseholdID assigns the ID of a household saved without one. The default is the ID
	// of its head.
	HouseholdID func(*Household) HouseholdID
	// CheckupID assigns the ID of a checkup saved without one. The default is the
	// resident's ID, a hyphen and the date's 8 digits: one checkup form per resident and
	// day.
	CheckupID func(*Checkup) CheckupID
	// ContractID assigns the ID of a contract saved without one. The default is the
	// resident's ID, a hyphen and the 8 digits of the signing date.
	ContractID func(*Contract) ContractID
	// Now is the clock that gives the day of recording (gongwei.Clock.Today: its civil
	// date in Asia/Shanghai), which bounds the dates of every record saved: none may lie
	// more than gongwei.RecordingToleranceDays after it. Nil means time.Now.
	Now gongwei.Clock
	// Audit, when set, receives an entry for every change the Registry makes (修改留痕;
	// see Trail). The services built on the Registry (their Options.Records) append to
	// it too unless given their own.
	Audit AuditStore
	// Unattributed lets writes be made without an actor on their context
	// (gongwei.WithActor): the opt-out of a host migrating from a system that recorded
	// none. Without it a write with no actor fails with gongwei.ErrNoActor.
	Unattributed bool
}

// Registry is the health record service over a host's Store, as database/sql's DB is
// over a driver. It does once, for every store, what a store must not have to repeat:
// it normalises input, validates every record before saving it, assigns IDs and archive
// numbers, bumps versions, appends service events to the timeline, and closes records.
// Reads pass through to the store.
//
// Saving follows one pattern. The record's Version is the version the caller read (0
// for a new record); the Registry stores a normalised copy with Version+1 on condition
// that the stored version is still Version, and on success updates the caller's record
// (normalised fields, assigned ID, new Version). A record that fails validation is not
// stored and the error wraps a *gongwei.ValidationError, so errors.Is(err,
// gongwei.ErrInvalid) and errors.As(err, &ve) both hold. A stale version gives an error
// wrapping gongwei.ErrConflict: read the record again, reapply the change and save
// again (see Example_optimisticLocking).
//
// A Registry is safe for concurrent use by multiple goroutines (its Store must be too).
type Registry struct {
	s           Store
	attempts    int
	residentID  func(*Resident) ResidentID
	householdID func(*Household) HouseholdID
	checkupID   func(*Checkup) CheckupID
	contractID  func(*Contract) ContractID
	now         gongwei.Clock
	trail       *Trail

	villages sync.Map // Village -> *sync.Mutex, serialising allocation in this process
}

// RegistryOptions is the former name of Options.
//
// Deprecated: use Options.
type RegistryOptions = Options

// NewRegistry returns a Registry over s. A nil opts gives the defaults.
//
// A Registry made by NewRegistry keeps the behaviour it always had: its writes need no
// actor (Options.Unattributed).
//
// Deprecated: use New, the constructor form of every service package.
func NewRegistry(s Store, opts *RegistryOptions) *Registry {
	var o Options
	if opts != nil {
		o = *opts
	}
	o.Unattributed = true
	return New(s, o)
}

// New returns a Registry over s configured by o; the zero Options gives the defaults.
func New(s Store, o Options) *Registry {
	g := &Registry{
		s:           s,
		attempts:    o.Attempts,
		residentID:  o.ResidentID,
		householdID: o.HouseholdID,
		checkupID:   o.CheckupID,
		contractID:  o.ContractID,
		now:         o.Now,
		trail:       NewTrail(o.Audit, o.Unattributed, o.Now),
	}
	if g.attempts <= 0 {
		g.attempts = DefaultAttempts
	}
	if g.residentID == nil {
		g.residentID = func(r *Resident) ResidentID { return ResidentID(r.Archive.String()) }
	}
	if g.householdID == nil {
		g.householdID = func(h *Household) HouseholdID { return HouseholdID(h.Head) }
	}
	if g.checkupID == nil {
		g.checkupID = func(c *Checkup) CheckupID {
			return CheckupID(string(c.Resident) + "-" + digits8(c.Date))
		}
	}
	if g.contractID == nil {
		g.contractID = func(c *Contract) ContractID {
			return ContractID(string(c.Resident) + "-" + digits8(c.Signed))
		}
	}
	return g
}

// Today returns the day of recording by the Registry's clock (Options.Now). The
// service packages built on a Registry bound their records' dates by it too.
func (g *Registry) Today() gongwei.Date { return g.now.Today() }

// Trail returns the write path of the Registry (Options.Audit, Options.Unattributed),
// which the services built on it use unless given their own.
func (g *Registry) Trail() *Trail {
	if g == nil {
		return nil
	}
	return g.trail
}

// residentChange describes a write of resident r for the Trail.
func (g *Registry) residentChange(op AuditOp, r *Resident, prev int64) Change {
	return Change{
		Op: op, Kind: "healthrecord.Resident", ID: string(r.ID), Resident: r.ID,
		Division: gongwei.Division(r.Archive.Village()), Prev: prev, Record: r,
		Stored: func(ctx context.Context) (any, error) { return g.s.Resident(ctx, r.ID) },
	}
}

// divisionOf returns the division of resident r's record (its village), or "".
func divisionOf(r *Resident) gongwei.Division {
	if r == nil {
		return ""
	}
	return gongwei.Division(r.Archive.Village())
}

// digits8 returns d as 8 digits YYYYMMDD, or "" for the zero Date.
func digits8(d gongwei.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

// collectProblems runs x's Validate method, if it has one, and the Registry's own checks,
// collecting every problem under the record name.
func collectProblems(record string, x any, extra func(*gongwei.ValidationError)) error {
	var ve gongwei.ValidationError
	ve.Record = record
	if v, ok := x.(interface{ Validate() error }); ok {
		ve.Merge("", v.Validate())
	}
	if extra != nil {
		extra(&ve)
	}
	return ve.Err()
}

// eventOn validates a service event against the day of recording of a Registry's clock.
type eventOn struct {
	e     ServiceEvent
	today gongwei.Date
}

func (x eventOn) Validate() error { return x.e.validateOn(x.today) }

// requireField adds CodeRequired for field unless ok or the record's own Validate already
// reported it.
func requireField(ve *gongwei.ValidationError, ok bool, field string) {
	if !ok && !ve.Has(field, gongwei.CodeRequired) {
		ve.Add(field, gongwei.CodeRequired)
	}
}

// prepareResident prepares a resident for saving: the type's own Normalize method if
// it has one, then the surrounding spaces of the name (the name itself is kept exactly as
// given, data-standards §6.2) and the tags in a canonical order without repeats.
func prepareResident(r *Resident) {
	if n, ok := any(r).(interface{ Normalize() }); ok {
		n.Normalize()
	}
	r.Name = strings.TrimSpace(r.Name)
	r.Tags = tagsInCanonicalOrder(r.Tags)
}

// tagsInCanonicalOrder removes repeated tags and orders them as AllTags, tags not in AllTags
// last in their given order. A nil or empty slice is returned unchanged.
func tagsInCanonicalOrder(tags []Tag) []Tag {
	if len(tags) == 0 {
		return tags
	}
	rank := func(t Tag) int {
		if i := slices.Index(AllTags, t); i >= 0 {
			return i
		}
		return len(AllTags)
	}
	out := make([]Tag, 0, len(tags))
	for _, t := range tags {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b Tag) int { return rank(a) - rank(b) })
	return out
}

func (g *Registry) validateResident(r *Resident) error {
	return collectProblems("healthrecord.Resident", r, func(ve *gongwei.ValidationError) {
		requireField(ve, r.ID != "", "ID")
		requireField(ve, !r.Archive.IsZero(), "Archive")
		requireField(ve, !r.Created.IsZero(), "Created")
		g.residentOnToday(ve, r)
	})
}

// residentOnToday bounds the dates of r by the Registry's day of recording.
func (g *Registry) residentOnToday(ve *gongwei.ValidationError, r *Resident) {
	today := g.Today()
	gongwei.CheckBirthDate(ve, "BirthDate", r.BirthDate, gongwei.Date{}, today)
	gongwei.CheckEventDate(ve, "Created", r.Created, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckEventDate(ve, "Info.Updated", r.Info.Updated, gongwei.Date{}, gongwei.Date{}, today)
	gongwei.CheckEventDate(ve, "Closure.Date", r.Closure.Date, gongwei.Date{}, gongwei.Date{}, today)
}

// DeathDate returns the date of death of a record closed by death, or the zero Date.
func (r *Resident) DeathDate() gongwei.Date {
	if r.Closure.Reason == ClosedDeath {
		return r.Closure.Date
	}
	return gongwei.Date{}
}

// CheckServiceDate adds the problems of d as the date of a service to resident r, found
// under field: before 1880, before r's birth (gongwei.CodeBeforeBirth), after r's death
// (gongwei.CodeAfterDeath) or after the Registry's day of recording
// (gongwei.CodeInFuture). A nil r bounds d by the day of recording only. The service
// packages call it for the dates of their records.
func (g *Registry) CheckServiceDate(ve *gongwei.ValidationError, field string, d gongwei.Date, r *Resident) {
	var birth, death gongwei.Date
	if r != nil {
		birth, death = r.BirthDate, r.DeathDate()
	}
	gongwei.CheckEventDate(ve, field, d, birth, death, g.Today())
}

// villageLock returns the mutex that serialises archive number allocation in v within
// this process. Other processes sharing the store are handled by retrying.
func (g *Registry) villageLock(v Village) *sync.Mutex {
	m, _ := g.villages.LoadOrStore(v, new(sync.Mutex))
	return m.(*sync.Mutex)
}

// Register creates a new record in village v: it allocates the next archive number in
// the village (the highest one stored, plus one: nbphs-spec §1.4 "assigned in order of
// creation"; see NextArchiveNumber), assigns the ID when r has none, validates and
// stores r as version 1, and appends the record's creation (EventBasicInfo, on r.Created)
// to the timeline. r must be new (Version 0); any archive number it holds is replaced.
//
// When another writer takes the same number meanwhile, Register tries the next one, up to
// the configured attempts. It fails with an error wrapping gongwei.ErrDuplicate when a
// record with r's ID number exists, with ErrArchiveSerial when the village has used every
// serial, and with a validation error (gongwei.ErrInvalid) when r is invalid. On success
// r holds the archive number, ID and version stored.
func (g *Registry) Register(ctx context.Context, v Village, r *Resident) error {
	const op = "healthrecord: register resident: "
	if v.Kind() == VillageInvalid {
		return fmt.Errorf(op+"%w", ErrArchiveVillage)
	}
	if err := g.trail.Check(ctx, Change{Kind: "healthrecord.Resident", Division: gongwei.Division(v)}); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if r.Version != 0 {
		ve := &gongwei.ValidationError{Record: "healthrecord.Resident"}
		ve.Add("Version", gongwei.CodeNotAllowed)
		return fmt.Errorf(op+"%w", ve)
	}
	mu := g.villageLock(v)
	mu.Lock()
	defer mu.Unlock()

	w := r.Clone()
	prepareResident(w)
	autoID := w.ID == ""
	var last error
	for range g.attempts {
		prevArchive, err := g.s.LastArchive(ctx, v)
		if err != nil {
			return fmt.Errorf(op+"%w", err)
		}
		a, err := NextArchiveNumber(v, prevArchive)
		if err != nil {
			return fmt.Errorf(op+"%w", err)
		}
		w.Archive = a
		if autoID {
			w.ID = g.residentID(w)
		}
		if err := g.validateResident(w); err != nil {
			return fmt.Errorf(op+"%w", err)
		}
		w.Version = 1
		w.Derived = w.DeriveOutcome()
		err = g.trail.Write(ctx, g.residentChange(AuditCreate, w, 0), func(ctx context.Context) error {
			return bulk.PutKeeping(ctx, g.s.PutResident, w, 0)
		})
		if err == nil {
			bulk.Remember(ctx, "resident", string(w.ID), w.Clone())
			*r = *w
			return g.appendOwn(ctx, w.BasicInfoEvent())
		}
		switch {
		case errors.Is(err, gongwei.ErrConflict) && autoID:
			// The ID is the archive number: another writer took it. Try the next.
		case errors.Is(err, gongwei.ErrDuplicate) && !g.idNumberTaken(ctx, w.IDNumber):
			// The archive number was taken, not the ID number. Try the next.
		default:
			return fmt.Errorf(op+"%w", err)
		}
		last = err
	}
	return fmt.Errorf(op+"no free archive number after %d attempts: %w", g.attempts, last)
}

// idNumberTaken reports whether a stored resident has the ID number id.
func (g *Registry) idNumberTaken(ctx context.Context, id IDNumber) bool {
	if id.IsZero() {
		return false
	}
	_, err := g.s.ResidentByIDNumber(ctx, id)
	return err == nil
}

// BasicInfoEvent returns the timeline event the Registry appends when it saves r: a
// basic-information service (EventBasicInfo) dated on r's creation, with r's ID as Ref.
func (r *Resident) BasicInfoEvent() ServiceEvent {
	return ServiceEvent{Resident: r.ID, Kind: EventBasicInfo, Date: r.Created, Ref: string(r.ID)}
}

// Event returns the timeline event the Registry appends when it saves c: a checkup
// (EventCheckup) on its date, with its ID as Ref.
func (c *Checkup) Event() ServiceEvent {
	return ServiceEvent{Resident: c.Resident, Kind: EventCheckup, Date: c.Date, Ref: string(c.ID)}
}

// appendOwn appends an event that goes with a saved record. A repeat of an event
// already on the timeline is fine; any other failure is reported as ErrTimeline.
func (g *Registry) appendOwn(ctx context.Context, e ServiceEvent) error {
	if e.Date.IsZero() {
		return nil
	}
	err := g.s.AppendEvent(ctx, e)
	if err == nil || errors.Is(err, gongwei.ErrDuplicate) {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrTimeline, err)
}

// SaveResident inserts (r.Version 0) or updates a resident record. A new record must
// already hold its archive number (use Register to allocate one); its ID, when empty,
// is assigned from it. It fails with a validation error (gongwei.ErrInvalid), with
// gongwei.ErrConflict on a stale version and gongwei.ErrDuplicate when another record
// has r's ID number or archive number. On success r holds what was stored.
func (g *Registry) SaveResident(ctx context.Context, r *Resident) error {
	const op = "healthrecord: save resident: "
	w := r.Clone()
	prepareResident(w)
	if w.ID == "" && !w.Archive.IsZero() {
		w.ID = g.residentID(w)
	}
	err := collectProblems("healthrecord.Resident", w, func(ve *gongwei.ValidationError) {
		requireField(ve, w.ID != "", "ID")
		requireField(ve, !w.Archive.IsZero(), "Archive")
		requireField(ve, !w.Created.IsZero(), "Created")
		ve.Check(w.Version >= 0, "Version", gongwei.CodeNotAllowed)
		g.residentOnToday(ve, w)
	})
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	w.Derived = w.DeriveOutcome()
	if err := WriteNext(ctx, g.trail, g.residentChange("", w, 0), w, &w.Version, g.s.PutResident); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	bulk.Remember(ctx, "resident", string(w.ID), w.Clone())
	*r = *w
	return g.appendOwn(ctx, w.BasicInfoEvent())
}

// Close ends the active life of the record id (终止管理, nbphs-spec §1.3): death, moving
// out or loss to follow-up, on c.Date. The date is required and may not precede the
// record's creation or the resident's birth; a move needs its destination (nbphs-spec
// §1.3: "for moves the destination"). Closing a closed record is an error (code
// CodeAlreadyClosed). The record is re-read and the closure reapplied when another
// writer changes it meanwhile. Close returns the record as stored.
func (g *Registry) Close(ctx context.Context, id ResidentID, c Closure) (*Resident, error) {
	const op = "healthrecord: close record: "
	c.Cause = gongwei.Normalize(c.Cause)
	c.Destination = gongwei.Normalize(c.Destination)
	var last error
	for range g.attempts {
		r, err := g.s.Resident(ctx, id)
		if err != nil {
			return nil, fmt.Errorf(op+"%w", err)
		}
		if r.Closure.Reason != NotClosed {
			ve := &gongwei.ValidationError{Record: "healthrecord.Resident"}
			ve.Add("Closure", CodeAlreadyClosed)
			return nil, fmt.Errorf(op+"%w", ve)
		}
		r.Closure = c
		prepareResident(r)
		err = collectProblems("healthrecord.Resident", r, func(ve *gongwei.ValidationError) {
			closureProblems(ve, r)
			g.residentOnToday(ve, r)
		})
		if err != nil {
			return nil, fmt.Errorf(op+"%w", err)
		}
		prev := r.Version
		r.Version = prev + 1
		r.Derived = r.DeriveOutcome()
		ch := g.residentChange(AuditClose, r, prev)
		ch.Date, ch.Fields = c.Date, []string{"Closure"}
		err = g.trail.Write(ctx, ch, func(ctx context.Context) error { return bulk.PutKeeping(ctx, g.s.PutResident, r, prev) })
		if err == nil {
			bulk.Remember(ctx, "resident", string(r.ID), r.Clone())
			return r, nil
		}
		if !errors.Is(err, gongwei.ErrConflict) {
			return nil, fmt.Errorf(op+"%w", err)
		}
		last = err
	}
	return nil, fmt.Errorf(op+"%w", last)
}

// closureProblems adds what Close demands beyond the record's own Validate (which
// checks the closure's date, cause and destination, nbphs-spec §1.3): a reason.
func closureProblems(ve *gongwei.ValidationError, r *Resident) {
	if r.Closure.Reason == NotClosed && !ve.Has("Closure.Reason", gongwei.CodeRequired) {
		ve.Add("Closure.Reason", gongwei.CodeRequired)
	}
}

// SaveHousehold inserts (h.Version 0) or updates a household record, assigning its ID
// when empty. Errors are as for SaveResident.
func (g *Registry) SaveHousehold(ctx context.Context, h *Household) error {
	const op = "healthrecord: save household: "
	w := copyHousehold(h)
	if n, ok := any(w).(interface{ Normalize() }); ok {
		n.Normalize()
	}
	w.Address = gongwei.Normalize(w.Address)
	if w.ID == "" {
		w.ID = g.householdID(w)
	}
	err := collectProblems("healthrecord.Household", w, func(ve *gongwei.ValidationError) {
		requireField(ve, w.ID != "", "ID")
		ve.Check(w.Version >= 0, "Version", gongwei.CodeNotAllowed)
	})
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := Change{Kind: "healthrecord.Household", ID: string(w.ID), Resident: w.Head, Division: gongwei.Division(w.Village),
		Stored: func(ctx context.Context) (any, error) { return g.s.Household(ctx, w.ID) }}
	if err := WriteNext(ctx, g.trail, ch, w, &w.Version, g.s.PutHousehold); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	*h = *w
	return nil
}

// copyHousehold copies h deeply, through its Clone method when it has one.
func copyHousehold(h *Household) *Household {
	if c, ok := any(h).(interface{ Clone() *Household }); ok {
		return c.Clone()
	}
	x := *h
	return &x
}

// residentExists adds CodeUnknownResident for field when the store does not hold the
// resident id, and returns the resident, for reading only, when it does. Other store
// failures are returned. An import chunk reads each resident once (internal/bulk).
func (g *Registry) residentExists(ctx context.Context, ve *gongwei.ValidationError, field string, id ResidentID) (*Resident, error) {
	if id == "" {
		return nil, nil
	}
	r, err := bulk.Lookup(ctx, "resident", string(id), func() (*Resident, error) { return g.s.Resident(ctx, id) }, (*Resident).Clone)
	switch {
	case err == nil:
		return r, nil
	case errors.Is(err, gongwei.ErrNotFound):
		ve.Add(field, CodeUnknownResident)
		return nil, nil
	}
	return nil, err
}

// SaveCheckup inserts (c.Version 0) or updates a health checkup form, assigning its ID
// when empty, and appends an EventCheckup on c.Date to the resident's timeline. The
// resident must exist (code CodeUnknownResident). Errors are as for SaveResident, plus
// ErrTimeline when only the timeline append failed.
func (g *Registry) SaveCheckup(ctx context.Context, c *Checkup) error {
	const op = "healthrecord: save checkup: "
	w := c.Clone()
	if n, ok := any(w).(interface{ Normalize() }); ok {
		n.Normalize()
	}
	if w.ID == "" && w.Resident != "" && !w.Date.IsZero() {
		w.ID = g.checkupID(w)
	}
	ve := gongwei.ValidationError{Record: "healthrecord.Checkup"}
	r, err := g.residentExists(ctx, &ve, "Resident", w.Resident)
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	var birth gongwei.Date
	if r != nil {
		birth = r.BirthDate
	}
	var unknown gongwei.ValidationError
	unknown.Fields = ve.Fields
	ve.Fields = nil
	ve.Merge("", w.validate(birth, g.Today()))
	requireField(&ve, w.ID != "", "ID")
	requireField(&ve, w.Resident != "", "Resident")
	requireField(&ve, !w.Date.IsZero(), "Date")
	ve.Check(w.Version >= 0, "Version", gongwei.CodeNotAllowed)
	ve.Fields = append(ve.Fields, unknown.Fields...)
	g.CheckServiceDate(&ve, "Date", w.Date, r)
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	w.Derived = CheckupOutcome{} // recomputed when read, unless derived here
	if r != nil {
		w.Derived = w.DeriveOutcome(r.BirthDate)
	}
	ch := Change{Kind: "healthrecord.Checkup", ID: string(w.ID), Resident: w.Resident, Division: divisionOf(r), Date: w.Date,
		Stored: func(ctx context.Context) (any, error) { return g.s.Checkup(ctx, w.ID) }}
	if err := WriteNext(ctx, g.trail, ch, w, &w.Version, g.s.PutCheckup); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	*c = *w
	return g.appendOwn(ctx, w.Event())
}

// SaveContract inserts (c.Version 0) or updates a family-doctor contract, assigning its
// ID when empty. The resident must exist. Errors are as for SaveResident.
func (g *Registry) SaveContract(ctx context.Context, c *Contract) error {
	const op = "healthrecord: save contract: "
	w := c.Clone()
	w.Package = gongwei.Normalize(w.Package)
	w.Tags = tagsInCanonicalOrder(w.Tags)
	if w.ID == "" && w.Resident != "" && !w.Signed.IsZero() {
		w.ID = g.contractID(w)
	}
	var storeErr error
	var r *Resident
	err := collectProblems("healthrecord.Contract", w, func(ve *gongwei.ValidationError) {
		ve.Check(w.Version >= 0, "Version", gongwei.CodeNotAllowed)
		r, storeErr = g.residentExists(ctx, ve, "Resident", w.Resident)
		if r != nil {
			g.CheckServiceDate(ve, "Signed", w.Signed, r)
		}
	})
	if storeErr != nil {
		return fmt.Errorf(op+"%w", storeErr)
	}
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := Change{Kind: "healthrecord.Contract", ID: string(w.ID), Resident: w.Resident, Division: divisionOf(r), Date: w.Signed,
		Stored: func(ctx context.Context) (any, error) { return g.s.Contract(ctx, w.ID) }}
	if err := WriteNext(ctx, g.trail, ch, w, &w.Version, g.s.PutContract); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	*c = *w
	return nil
}

// RecordService appends a service event to a resident's timeline. The service packages
// (chronic, maternal, child, immunization) call it when they save a service record, with
// Ref set to that record's ID. The event is validated and its resident must exist. A
// repeat of an event with the same resident, kind and Ref fails with an error wrapping
// gongwei.ErrDuplicate.
func (g *Registry) RecordService(ctx context.Context, e ServiceEvent) error {
	const op = "healthrecord: record service: "
	rawInstitution := e.Provider.Institution
	e = normalizeEvent(e)
	var storeErr error
	var r *Resident
	err := collectProblems("healthrecord.ServiceEvent", eventOn{e, g.Today()}, func(ve *gongwei.ValidationError) {
		r, storeErr = g.residentExists(ctx, ve, "Resident", e.Resident)
		g.CheckServiceDate(ve, "Date", e.Date, r)
		gongwei.CheckRawText(ve, "Provider.Institution", rawInstitution, gongwei.TextShort)
	})
	if storeErr != nil {
		return fmt.Errorf(op+"%w", storeErr)
	}
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if appendedByService(ctx) {
		// The service's own write, which this event follows, has its audit entry.
		if err := g.checkEvent(ctx, r); err != nil {
			return fmt.Errorf(op+"%w", err)
		}
		if err := g.s.AppendEvent(ctx, e); err != nil {
			return fmt.Errorf(op+"%w", err)
		}
		return nil
	}
	ch := Change{Kind: "healthrecord.ServiceEvent", ID: string(e.Kind) + "/" + e.Ref, Resident: e.Resident,
		Division: divisionOf(r), Date: e.Date, Record: &e}
	if err := g.trail.Write(ctx, ch, func(ctx context.Context) error { return g.s.AppendEvent(ctx, e) }); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	return nil
}

// appendedByServiceKey marks the context of AppendServices: the events a service
// appends after its own (audited) write get no audit entry of their own, while an event a
// host records directly (RecordService, ImportEvents) does.
type appendedByServiceKey struct{}

func appendedByService(ctx context.Context) bool {
	v, _ := ctx.Value(appendedByServiceKey{}).(bool)
	return v
}

// checkEvent checks that an actor may append e (Trail.Check): the resident's division.
func (g *Registry) checkEvent(ctx context.Context, r *Resident) error {
	return g.trail.Check(ctx, Change{Kind: "healthrecord.ServiceEvent", Division: divisionOf(r)})
}

// normalizeEvent returns e with its provider and Ref normalised, as RecordService
// stores it.
func normalizeEvent(e ServiceEvent) ServiceEvent {
	e.Provider.Institution = gongwei.NormalizeCode(e.Provider.Institution)
	e.Provider.Staff = StaffID(gongwei.Normalize(string(e.Provider.Staff)))
	e.Ref = gongwei.Normalize(e.Ref)
	return e
}

// DynamicallyUsed reports whether the record id is dynamically used as of asOf (see the
// package function DynamicallyUsed; nbphs-spec §1.6), reading only the events of the
// window from the store.
func (g *Registry) DynamicallyUsed(ctx context.Context, id ResidentID, asOf gongwei.Date) (bool, error) {
	for e, err := range g.s.Events(ctx, EventFilter{Resident: id, Period: DynamicUseWindow(asOf)}) {
		if err != nil {
			return false, err
		}
		if DynamicallyUsed([]ServiceEvent{e}, asOf) {
			return true, nil
		}
	}
	return false, nil
}

// LookUp finds a resident by a number as typed: an ID number (18 characters, or 15
// legacy digits) or a 17-digit archive number, full-width digits, spaces and hyphens
// allowed. Malformed input fails with an error wrapping gongwei.ErrInvalid that does not
// repeat it; an unknown number with one wrapping gongwei.ErrNotFound.
func (g *Registry) LookUp(ctx context.Context, number string) (*Resident, error) {
	s := gongwei.NormalizeCode(number)
	if len(s) == 17 {
		a, err := ParseArchiveNumber(s)
		if err != nil {
			return nil, fmt.Errorf("healthrecord: look up: %w", err)
		}
		return within(g.s.ResidentByArchive(ctx, a))(ctx)
	}
	id, err := ParseIDNumber(s)
	if err != nil {
		return nil, fmt.Errorf("healthrecord: look up: %w", err)
	}
	return within(g.s.ResidentByIDNumber(ctx, id))(ctx)
}

// within returns a read's result, or a *gongwei.JurisdictionError when the context
// carries an actor and the resident lies outside the actor's division.
func within(r *Resident, err error) func(ctx context.Context) (*Resident, error) {
	return func(ctx context.Context) (*Resident, error) {
		if err != nil {
			return nil, err
		}
		if jerr := gongwei.CheckJurisdiction(ctx, "healthrecord.Resident", divisionOf(r)); jerr != nil {
			return nil, fmt.Errorf("healthrecord: read resident: %w", jerr)
		}
		return r, nil
	}
}

// Resident returns the resident id from the store. With an actor on ctx
// (gongwei.WithActor), a resident outside the actor's division is not returned: the
// error is a *gongwei.JurisdictionError. So for every single-resident read below.
func (g *Registry) Resident(ctx context.Context, id ResidentID) (*Resident, error) {
	return within(g.s.Resident(ctx, id))(ctx)
}

// ResidentByIDNumber returns the resident with the ID number from the store.
func (g *Registry) ResidentByIDNumber(ctx context.Context, id IDNumber) (*Resident, error) {
	return within(g.s.ResidentByIDNumber(ctx, id))(ctx)
}

// ResidentByArchive returns the resident with the archive number from the store.
func (g *Registry) ResidentByArchive(ctx context.Context, a ArchiveNumber) (*Resident, error) {
	return within(g.s.ResidentByArchive(ctx, a))(ctx)
}

// Residents streams the residents that match f, in archive-number order. The prefix is
// normalised (full-width digits, spaces); a prefix that is not at most 17 digits makes
// the stream yield one error wrapping gongwei.ErrInvalid.
func (g *Registry) Residents(ctx context.Context, f ResidentFilter) iter.Seq2[*Resident, error] {
	f.Prefix = gongwei.NormalizeCode(f.Prefix)
	if !isDigitsUpTo(f.Prefix, 17) {
		return func(yield func(*Resident, error) bool) {
			yield(nil, fmt.Errorf("healthrecord: residents: %w", ErrArchiveFormat))
		}
	}
	return g.s.Residents(ctx, f)
}

func isDigitsUpTo(s string, n int) bool {
	if len(s) > n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Household returns the household id from the store.
func (g *Registry) Household(ctx context.Context, id HouseholdID) (*Household, error) {
	return g.s.Household(ctx, id)
}

// Checkup returns the checkup id from the store.
func (g *Registry) Checkup(ctx context.Context, id CheckupID) (*Checkup, error) {
	return g.s.Checkup(ctx, id)
}

// Checkups streams the checkups that match f, by date.
func (g *Registry) Checkups(ctx context.Context, f CheckupFilter) iter.Seq2[*Checkup, error] {
	return g.s.Checkups(ctx, f)
}

// Contract returns the contract id from the store.
func (g *Registry) Contract(ctx context.Context, id ContractID) (*Contract, error) {
	return g.s.Contract(ctx, id)
}

// Contracts streams the contracts that match f, by start of period.
func (g *Registry) Contracts(ctx context.Context, f ContractFilter) iter.Seq2[*Contract, error] {
	return g.s.Contracts(ctx, f)
}

// Events streams the timeline events that match f, by resident and date.
func (g *Registry) Events(ctx context.Context, f EventFilter) iter.Seq2[ServiceEvent, error] {
	return g.s.Events(ctx, f)
}
