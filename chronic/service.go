package chronic

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/internal/bulk"
)

// ErrAlreadyManaged reports a registration of a resident already under management for
// the same condition. It wraps gongwei.ErrDuplicate.
var ErrAlreadyManaged = fmt.Errorf("chronic: resident already under management for this condition: %w", gongwei.ErrDuplicate)

// ErrTimeline reports that a follow-up was saved but its event could not be added to the
// resident's service timeline. It wraps healthrecord.ErrTimeline; saving the visit again
// appends the missing event.
var ErrTimeline = fmt.Errorf("chronic: %w", healthrecord.ErrTimeline)

// Options configures a Service (see New); the zero value gives the defaults. It has the
// shape of every service package's Options: Records, then Now, then the write path's
// Audit and Unattributed.
type Options struct {
	// Records is the health record service. When set, registration checks that the
	// resident's health record exists (and bounds the patient's dates by the resident's
	// birth and death) and every follow-up is appended to the resident's service
	// timeline; when nil, neither is done.
	Records *healthrecord.Registry
	// Now is the clock that gives the day of recording (gongwei.Clock.Today), which
	// bounds every date saved. Nil means the Records registry's clock
	// (healthrecord.Options.Now) when there is one, time.Now in Asia/Shanghai otherwise.
	Now gongwei.Clock
	// Audit receives an entry for every change (healthrecord.Trail). Nil, with
	// Unattributed false, means the Records registry's write path (its own Audit and
	// Unattributed) when there is one.
	Audit healthrecord.AuditStore
	// Unattributed lets writes be made without an actor on their context (the opt-out
	// of a migration); otherwise they fail with gongwei.ErrNoActor.
	Unattributed bool
}

// New returns a Service over s configured by o.
func New(s Store, o Options) *Service {
	return &Service{s: s, records: o.Records, now: o.Now, trail: healthrecord.ServiceTrail(o.Records, o.Audit, o.Unattributed)}
}

// Service is chronic-disease management over a host's Store, as database/sql's DB is
// over a driver. It normalises and validates every record before saving it, assigns IDs,
// bumps versions, classifies each follow-up (Visit.Assessment) and appends it to the
// resident's service timeline. Reads pass through to the store.
//
// Saving follows one pattern: the record's Version is the version the caller read (0
// for a new record); the Service stores a copy with Version+1 on condition that the
// stored version is still Version, and on success updates the caller's record. A record
// that fails validation is not stored and the error wraps a *gongwei.ValidationError. A
// Service is safe for concurrent use (its Store must be too).
type Service struct {
	s       Store
	records *healthrecord.Registry
	now     gongwei.Clock
	trail   *healthrecord.Trail
}

// WithClock returns a copy of the Service whose day of recording (gongwei.Clock.Today)
// comes from c rather than from the records registry.
func (s *Service) WithClock(c gongwei.Clock) *Service {
	return &Service{s: s.s, records: s.records, now: c, trail: s.trail}
}

// today returns the day of recording: the Service's clock (WithClock), else the records
// registry's (healthrecord.Options.Now), else the wall clock's.
func (s *Service) today() gongwei.Date {
	if s.now == nil && s.records != nil {
		return s.records.Today()
	}
	return s.now.Today()
}

// NewService returns a Service over s. With a non-nil records registry, registration
// checks that the resident's health record exists and every follow-up is appended to the
// resident's service timeline (healthrecord.Registry.RecordService); with nil, neither.
// Every date saved is bounded by the day of recording: the registry's clock
// (healthrecord.Options.Now), or time.Now in Asia/Shanghai without a registry;
// with a registry, the dates of a patient are also checked against the resident's birth
// and death.
//
// A Service made by NewService keeps the behaviour it always had: its writes need no
// actor (Options.Unattributed).
//
// Deprecated: use New(s, Options{Records: records}), the constructor form of every
// service package.
func NewService(s Store, records *healthrecord.Registry) *Service {
	return New(s, Options{Records: records, Unattributed: true})
}

// patientChange describes a write of patient p for the write path.
func (s *Service) patientChange(p *Patient) healthrecord.Change {
	return healthrecord.Change{
		Kind: "chronic.Patient", ID: string(p.ID), Resident: p.Resident,
		Division: gongwei.Division(p.Village),
		Stored:   func(ctx context.Context) (any, error) { return s.s.Patient(ctx, p.ID) },
	}
}

// digits8 returns d as YYYYMMDD.
func digits8(d gongwei.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

// PatientFromResident returns a patient registration of resident r for condition c,
// diagnosed and registered on the given dates: resident, village (the archive number's
// first 12 digits), sex and birth copied from the health record.
func PatientFromResident(r *healthrecord.Resident, c Condition, diagnosed, registered gongwei.Date) *Patient {
	return &Patient{
		Resident: r.ID, Village: r.Archive.Village(), Condition: c,
		Sex: r.Sex, Birth: r.BirthDate, Diagnosed: diagnosed, Registered: registered,
	}
}

// Register enters a diagnosed patient into management (version 1). The ID, when empty,
// is the resident's ID, the condition and the registration date's 8 digits. It fails
// with ErrAlreadyManaged (gongwei.ErrDuplicate) when the resident has a patient record of
// the same condition still open on p.Registered, and with a validation error when p is
// invalid or (with a records registry) the resident has no health record.
func (s *Service) Register(ctx context.Context, p *Patient) error {
	const op = "chronic: register patient: "
	w := p.Clone()
	w.Normalize()
	if w.ID == "" && w.Resident != "" {
		w.ID = PatientID(string(w.Resident) + "-" + string(w.Condition) + "-" + digits8(w.Registered))
	}
	if err := s.validatePatient(ctx, w, true); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	for q, err := range s.s.Patients(ctx, PatientFilter{Resident: w.Resident, Condition: w.Condition}) {
		if err != nil {
			return fmt.Errorf(op+"%w", err)
		}
		if q.ID != w.ID && q.ActiveOn(w.Registered) {
			return fmt.Errorf(op+"%w", ErrAlreadyManaged)
		}
	}
	w.Version = 0 // a registration inserts
	if err := healthrecord.WriteNext(ctx, s.trail, s.patientChange(w), w, &w.Version, s.s.PutPatient); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	bulk.Remember(ctx, "chronic.Patient", string(w.ID), w.Clone())
	// A patient registered by an import chunk has no follow-ups but those the chunk
	// records after it (the registration is not visible to other writers before the
	// chunk commits, on a store whose batches are transactions): the chunk keeps them,
	// for classifying each next one without reading the store.
	bulk.Remember(ctx, "chronic.Visits", string(w.ID), &chunkVisits{})
	*p = *w
	return nil
}

// chunkVisits are the follow-ups an import chunk recorded of a patient it registered.
type chunkVisits struct{ vs []*Visit }

// before returns the visits dated before d other than id, by date then ID, as the
// store's Visits would.
func (c *chunkVisits) before(d gongwei.Date, id VisitID) []*Visit {
	var out []*Visit
	for _, v := range c.vs {
		if v.ID != id && v.Date().Before(d) {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b *Visit) int {
		if c := a.Date().Compare(b.Date()); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
	return out
}

// put adds v, or replaces the visit with its ID.
func (c *chunkVisits) put(v *Visit) {
	for i, x := range c.vs {
		if x.ID == v.ID {
			c.vs[i] = v
			return
		}
	}
	c.vs = append(c.vs, v)
}

// patient returns the patient id, for reading only: from the import chunk ctx belongs
// to when it stored or read it (internal/bulk), else from the store.
func (s *Service) patient(ctx context.Context, id PatientID) (*Patient, error) {
	if x, ok := bulk.Recall(ctx, "chronic.Patient", string(id)); ok {
		return x.(*Patient), nil
	}
	p, err := s.s.Patient(ctx, id)
	if err == nil {
		bulk.Remember(ctx, "chronic.Patient", string(id), p.Clone())
	}
	return p, err
}

func (s *Service) validatePatient(ctx context.Context, w *Patient, checkResident bool) error {
	var ve gongwei.ValidationError
	ve.Record = "chronic.Patient"
	today := s.today()
	w.validateOn(&ve, today)
	if !ve.Has("ID", gongwei.CodeRequired) && w.ID == "" {
		ve.Add("ID", gongwei.CodeRequired)
	}
	if s.records != nil && w.Resident != "" {
		r, err := bulk.Lookup(ctx, "resident", string(w.Resident),
			func() (*healthrecord.Resident, error) { return s.records.Resident(ctx, w.Resident) }, (*healthrecord.Resident).Clone)
		switch {
		case errors.Is(err, gongwei.ErrNotFound):
			if checkResident {
				ve.Add("Resident", healthrecord.CodeUnknownResident)
			}
		case err != nil:
			return err
		default:
			s.records.CheckServiceDate(&ve, "Diagnosed", w.Diagnosed, r)
			s.records.CheckServiceDate(&ve, "Registered", w.Registered, r)
		}
	}
	return ve.Err()
}

// SavePatient updates a stored patient (p.Version > 0). Errors are as for Register, plus
// gongwei.ErrConflict on a stale version.
func (s *Service) SavePatient(ctx context.Context, p *Patient) error {
	const op = "chronic: save patient: "
	w := p.Clone()
	w.Normalize()
	if err := s.validatePatient(ctx, w, false); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if w.Version <= 0 {
		ve := &gongwei.ValidationError{Record: "chronic.Patient"}
		ve.Add("Version", gongwei.CodeNotAllowed)
		return fmt.Errorf(op+"%w", ve)
	}
	if err := healthrecord.WriteNext(ctx, s.trail, s.patientChange(w), w, &w.Version, s.s.PutPatient); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	bulk.Remember(ctx, "chronic.Patient", string(w.ID), w.Clone())
	*p = *w
	return nil
}

// Close ends the management of patient id on c.Date for c.Reason and returns the record
// as stored. For a TB patient, TreatmentCompleted or TreatmentStopped is the case closure
// (结案评估, nbphs-spec §10.1), followed by a phone follow-up within 2 weeks
// (TBClosureCheck).
func (s *Service) Close(ctx context.Context, id PatientID, c Closure) (*Patient, error) {
	const op = "chronic: close patient: "
	p, err := s.s.Patient(ctx, id)
	if err != nil {
		return nil, fmt.Errorf(op+"%w", err)
	}
	if p.Closure.Reason != NotClosed {
		ve := &gongwei.ValidationError{Record: "chronic.Patient"}
		ve.Add("Closure", gongwei.CodeNotAllowed)
		return nil, fmt.Errorf(op+"%w", ve)
	}
	if c.Reason == NotClosed {
		ve := &gongwei.ValidationError{Record: "chronic.Patient"}
		ve.Add("Closure.Reason", gongwei.CodeRequired)
		return nil, fmt.Errorf(op+"%w", ve)
	}
	p.Closure = c
	if err := s.SavePatient(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// TBClosureCheck returns the date of the phone follow-up after a TB case closure on
// closed: within 2 weeks (nbphs-spec §10.1; UNCONFIRMED in reference, implemented as
// given).
func TBClosureCheck(closed gongwei.Date) gongwei.Date {
	return tbRule.ClosurePhoneFollowUp.After(closed)
}

// RecordVisit saves a follow-up: it checks the visit against its patient (stored, the
// same condition, dated within management), classifies it from the patient's earlier
// visits (Classify), stores it with the Assessment filled (insert for Version 0, update
// otherwise) and appends the service event to the resident's timeline when the Service
// has a records registry. The ID, when empty, is the patient's ID and the date's 8
// digits. On success v holds what was stored. A failure of the timeline alone is
// reported as ErrTimeline, which wraps healthrecord.ErrTimeline (the visit is saved;
// see healthrecord.AppendServices).
func (s *Service) RecordVisit(ctx context.Context, v *Visit) error {
	const op = "chronic: record visit: "
	w := v.Clone()
	ve := gongwei.ValidationError{Record: "chronic.Visit"}
	today := s.today()
	ve.Merge("", w.validateOn(today))
	var p *Patient
	if w.Patient != "" {
		var err error
		p, err = s.patient(ctx, w.Patient)
		switch {
		case errors.Is(err, gongwei.ErrNotFound):
			ve.Add("Patient", CodeUnknownPatient)
		case err != nil:
			return fmt.Errorf(op+"%w", err)
		}
	}
	d := w.Date()
	if p != nil {
		if c := w.Condition(); c != "" && c != p.Condition {
			ve.Add("", CodeConditionMismatch)
		}
		if !d.IsZero() && !p.Registered.IsZero() && d.Before(p.Registered) {
			ve.Add("Date", gongwei.CodeOrder)
		}
		if !d.IsZero() && !p.Birth.IsZero() && d.Before(p.Birth) {
			ve.Add("Date", gongwei.CodeBeforeBirth)
		}
		if death := p.death(); !d.IsZero() && !death.IsZero() && d.After(death) {
			ve.Add("Date", gongwei.CodeAfterDeath)
		}
		w.Resident = p.Resident
	}
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if w.ID == "" {
		w.ID = VisitID(string(w.Patient) + "-" + digits8(d))
	}
	var previous []*Visit
	known, _ := bulk.Recall(ctx, "chronic.Visits", string(w.Patient))
	if vs, ok := known.(*chunkVisits); ok {
		previous = vs.before(d, w.ID)
	} else {
		for q, err := range s.s.Visits(ctx, VisitFilter{Patient: w.Patient, Period: gongwei.Period{End: d}}) {
			if err != nil {
				return fmt.Errorf(op+"%w", err)
			}
			if q.ID != w.ID {
				previous = append(previous, q)
			}
		}
	}
	w.Assessment = Classify(*p, w, previous)
	ch := healthrecord.Change{
		Kind: "chronic.Visit", ID: string(w.ID), Resident: p.Resident, Division: gongwei.Division(p.Village), Date: d,
		Stored: func(ctx context.Context) (any, error) { return s.s.Visit(ctx, w.ID) },
	}
	if err := healthrecord.WriteNext(ctx, s.trail, ch, w, &w.Version, s.s.PutVisit); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if vs, ok := known.(*chunkVisits); ok {
		vs.put(w.Clone())
	}
	*v = *w
	if s.records == nil {
		return nil
	}
	return healthrecord.AppendServices(ctx, s.records, ErrTimeline, w.Event(p.Condition))
}

// Patient returns the patient id from the store; with an actor on ctx, a patient outside
// the actor's division gives a *gongwei.JurisdictionError.
func (s *Service) Patient(ctx context.Context, id PatientID) (*Patient, error) {
	p, err := s.s.Patient(ctx, id)
	return healthrecord.ReadWithin(ctx, "chronic.Patient", p, err, func(p *Patient) gongwei.Division { return gongwei.Division(p.Village) })
}

// Patients streams the patients that match f. The prefix is normalised; one that is not
// at most 12 digits makes the stream yield one error wrapping gongwei.ErrInvalid.
func (s *Service) Patients(ctx context.Context, f PatientFilter) iter.Seq2[*Patient, error] {
	f.Prefix = gongwei.NormalizeCode(f.Prefix)
	if len(f.Prefix) > 12 || strings.Trim(f.Prefix, "0123456789") != "" {
		return func(yield func(*Patient, error) bool) {
			yield(nil, fmt.Errorf("chronic: patients: prefix: %w", gongwei.ErrInvalid))
		}
	}
	return s.s.Patients(ctx, f)
}

// Visit returns the visit id from the store.
func (s *Service) Visit(ctx context.Context, id VisitID) (*Visit, error) {
	return s.s.Visit(ctx, id)
}

// Visits streams the visits that match f, by date.
func (s *Service) Visits(ctx context.Context, f VisitFilter) iter.Seq2[*Visit, error] {
	return s.s.Visits(ctx, f)
}

// Plan returns what is due for every open patient of resident r on asOf, merged into one
// plan (see NextVisit and MergePlan).
func (s *Service) Plan(ctx context.Context, r healthrecord.ResidentID, asOf gongwei.Date) (ResidentPlan, error) {
	var dues []Due
	for p, err := range s.s.Patients(ctx, PatientFilter{Resident: r}) {
		if err != nil {
			return ResidentPlan{}, err
		}
		var visits []*Visit
		for v, err := range s.s.Visits(ctx, VisitFilter{Patient: p.ID}) {
			if err != nil {
				return ResidentPlan{}, err
			}
			visits = append(visits, v)
		}
		if d, ok := NextVisit(p, visits, asOf); ok {
			dues = append(dues, d)
		}
	}
	plans := MergePlan(dues)
	if len(plans) == 0 {
		return ResidentPlan{Resident: r}, nil
	}
	return plans[0], nil
}

// sortVisits orders visits by date, then ID.
func sortVisits(vs []*Visit) {
	slices.SortFunc(vs, func(a, b *Visit) int {
		if c := a.Date().Compare(b.Date()); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID), string(b.ID))
	})
}

// Event returns the timeline event the Service appends when it records v, a follow-up of
// a patient with condition c: the condition's service kind (Condition.EventKind) on the
// visit's date, with the visit's ID as Ref.
func (v *Visit) Event(c Condition) healthrecord.ServiceEvent {
	return healthrecord.ServiceEvent{Resident: v.Resident, Kind: c.EventKind(), Date: v.Date(), Provider: v.Provider, Ref: string(v.ID)}
}
