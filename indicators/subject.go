package indicators

import (
	"context"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/referral"
)

// Subject is one resident with every record of theirs that the per-resident indicators
// read: the health record and its checkups, contracts and timeline, the chronic-disease
// registrations with their follow-ups, the pregnancies, the child health record with its
// visits and the vaccination record. It is the unit of work of [ComputeSubjects], for a
// host that can read its database resident by resident (one ordered scan per table,
// merged on the resident) or generate its records on the fly, instead of answering the
// per-resident queries of the Store interfaces.
//
// A Subject may carry more records than the rules read (every checkup, every follow-up
// of every year): each computation keeps only those its rules read, exactly as it
// filters what it asks a Store for. Lists are in the order the stores yield them (by
// date); fields a resident has no records of stay nil.
type Subject struct {
	// Resident is the health record; a subject without one, without an archive number,
	// or not active on the period's last day adds nothing to the record indicators but
	// its other records still count (as they do when computed from the domain stores).
	Resident *healthrecord.Resident
	// HeadsHousehold reports whether the resident is the head of the family record
	// (healthrecord.Household.Head) of the household it belongs to.
	HeadsHousehold bool
	// Checkups are the resident's health checkups.
	Checkups []*healthrecord.Checkup
	// Contracts are the resident's family-doctor contracts.
	Contracts []*healthrecord.Contract
	// Events are the resident's service timeline.
	Events []healthrecord.ServiceEvent
	// Chronic are the resident's chronic-disease registrations, each with its follow-ups.
	Chronic []ChronicCase
	// Pregnancies are the resident's pregnancy records.
	Pregnancies []*maternal.Pregnancy
	// Child is the resident's child health record (0-6 years), or nil.
	Child *ChildCase
	// Immunization is the resident's vaccination record, or nil.
	Immunization *ImmunizationCase
	// Referrals are the resident's slips in the referral register (those of
	// SubjectQuery.Referrals), read by the worklist's referral source; the indicators
	// read the register through Sources.Referrals.
	Referrals []*referral.Referral
}

// ChronicCase is one chronic-disease registration and its follow-ups.
type ChronicCase struct {
	Patient *chronic.Patient
	Visits  []*chronic.Visit
}

// ChildCase is one child health record and its visits.
type ChildCase struct {
	Child  *child.Child
	Visits []*child.Visit
}

// ImmunizationCase is one vaccination registration and the vaccinations given.
type ImmunizationCase struct {
	Registration *immunization.Registration
	Vaccinations []*immunization.Vaccination
}

// ComputeSubjects adds to sink every per-resident indicator of period p — the
// health-record, elderly and TCM family of [RecordIndicators], the chronic-disease
// family of [ChronicIndicators], and those of [MaternalIndicators], [ChildIndicators]
// and [ImmunizationIndicators] with imm.card as [Compute] adds it — from a stream of subjects, one pass, each subject read
// once and never retained. The rules are those of the Store-based computations, applied
// by the same code, so streaming a jurisdiction's subjects gives exactly the cells that
// computing from its stores gives. Township-level records (supervision, education) are
// not per resident: add them with [SupervisionIndicators] and [EducationIndicators].
//
// opts are the chronic-disease options of [ChronicIndicators] (nil for the defaults);
// their estimated denominators are added once, after the stream, for every unit in
// opts.Population. The stream chooses the jurisdiction: there is no prefix.
//
// Memory does not grow with the number of subjects: the computation holds one cell per
// indicator and unit. The error is the first one the stream yields, one wrapping
// gongwei.ErrInvalid when p is not valid or an estimate is out of range, or ctx's error
// (checked every 1,024 subjects).
func ComputeSubjects(ctx context.Context, subjects iter.Seq2[*Subject, error], p gongwei.Period, opts *ChronicOptions, sink Sink) error {
	b := newBatch(sink)
	defer b.flush()
	return computeSubjects(ctx, subjects, p, opts, "", true, b, nil)
}

// subjectScratch holds the buffers reused from one subject to the next.
type subjectScratch struct {
	records residentRecords
	doses   []immunization.Dose
	child   childScratch
	imm     immScratch
	// touched folds the words touch reads, so that the loads are kept.
	touched uintptr
}

// touch reads, before the subject is worked on, a word of each record the rules come
// to first: the resident, the bytes of its archive number (its village), the latest
// service event, the child record, the registration and the chronic registrations with
// their villages' bytes. The loads do not depend on one another, so the processor
// fetches those records from memory at once instead of one after the other as the
// rules reach them: a county held in memory is read once per pass and is not in the
// caches (BENCHMARKS.md).
func (sc *subjectScratch) touch(s *Subject) {
	var x uintptr
	if r := s.Resident; r != nil {
		x += uintptr(firstByte(r.Archive.String())) + uintptr(r.Closure.Reason) + uintptr(r.Derived.Edition) + uintptr(len(r.Info.Residence)) + uintptr(b2i(r.Electronic))
	}
	if n := len(s.Events); n > 0 {
		x += uintptr(len(s.Events[n-1].Kind))
	}
	if c := s.Child; c != nil && c.Child != nil {
		x += uintptr(firstByte(string(c.Child.Village)))
	}
	if im := s.Immunization; im != nil && im.Registration != nil {
		x += uintptr(firstByte(string(im.Registration.Village)))
	}
	for _, c := range s.Chronic {
		if c.Patient != nil {
			x += uintptr(firstByte(string(c.Patient.Village)))
		}
	}
	sc.touched += x
}

// firstByte returns the first byte of s, or 0.
func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// add adds one subject's contributions, keeping the records each Store-based
// computation would have asked its store for.
func (sc *subjectScratch) add(s *Subject, p gongwei.Period, o *ChronicOptions, sink Sink) {
	sc.touch(s)
	asOf := p.Last()
	if r := s.Resident; r != nil && !r.Archive.IsZero() && r.ActiveOn(asOf) {
		sc.records.resident = r
		sc.records.head = s.HeadsHousehold
		sc.records.checkups = s.Checkups
		sc.records.contracts = s.Contracts
		sc.records.events = s.Events
		sc.records.add(p, sink)
		sc.records = residentRecords{useWindow: sc.records.useWindow, elderly: sc.records.elderly, opts: sc.records.opts}
	}
	for _, c := range s.Chronic {
		if c.Patient != nil {
			addPatient(c.Patient, c.Visits, p, o, sink)
		}
	}
	period := maternal.Filter{Period: p}
	for _, preg := range s.Pregnancies {
		if preg != nil && period.Match(preg) {
			addPregnancy(preg, p, sink)
		}
	}
	if c := s.Child; c != nil && c.Child != nil && (child.ChildFilter{BornBefore: p.End}).Match(c.Child) {
		addChild(c.Child, c.Visits, p, sink, &sc.child)
	}
	if im := s.Immunization; im != nil && im.Registration != nil && !im.Registration.Child.Birth.IsZero() {
		if !sc.imm.counted(im.Registration.Child.Birth, p) {
			addSchoolEntries(im.Registration, p, sink) // all addRegistration would add
			return
		}
		sc.doses = sc.doses[:0]
		for _, v := range im.Vaccinations {
			sc.doses = append(sc.doses, v.Dose)
		}
		addRegistration(im.Registration, sc.doses, p, sink, &sc.imm)
	}
}
