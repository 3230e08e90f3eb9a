package immunization

import (
	"context"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// Validation codes of this package (message keys prefixed "immunization.").
const (
	// CodeVillage: the village is not a 12-digit division code.
	CodeVillage gongwei.Code = "immunization.village"
	// CodeVaccine: the vaccine is not one the schedule knows.
	CodeVaccine gongwei.Code = "immunization.vaccine"
)

// Registration is a child's immunization registration: the vaccination certificate and
// card (预防接种证, 预防接种卡; nbphs-spec §3) and the facts the schedule needs. It is keyed
// by the resident's health-record ID.
type Registration struct {
	// Resident links the registration to the health record; it is the key.
	Resident healthrecord.ResidentID
	// Village is the resident's village (the 12-digit division code, see
	// healthrecord.Village), so due lists and indicators group without a join.
	Village healthrecord.Village
	// Name is the child's name, for due lists (sorted in pinyin order). Never printed in
	// errors.
	Name string
	// Child holds the birth date and the flags of the schedule rules.
	Child Child
	// Certificate is the date the vaccination certificate was issued (建证); zero if not.
	Certificate gongwei.Date
	// Card is the date the vaccination card was created (建卡); zero if not.
	Card gongwei.Date
	// SchoolEntries are the child's entries into a nursery or school with the checks of
	// the certificate (入托入学查验).
	SchoolEntries []SchoolEntryCheck
	// Version is the optimistic-locking version (see Store).
	Version int64
}

// Validate reports every problem of r at once as a *gongwei.ValidationError.
// Plausibility: the birth is not before 1880 nor after the day of recording
// (gongwei.CheckBirthDate with gongwei.Today), the certificate and card are neither
// before the birth nor after the day of recording (gongwei.CheckEventDate), the birth
// weight is within healthrecord.BirthWeightRange, a name given shows something
// (gongwei.IsBlank) and no text is invalid (gongwei.CheckText).
func (r *Registration) Validate() error { return r.validateOn(gongwei.Today()) }

func (r *Registration) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "immunization.Registration"
	ve.Check(r.Resident != "", "Resident", gongwei.CodeRequired)
	gongwei.CheckText(&ve, "Resident", string(r.Resident), gongwei.TextShort)
	if r.Name != "" {
		gongwei.CheckName(&ve, "Name", r.Name)
	}
	gongwei.CheckBirthDate(&ve, "Child.Birth", r.Child.Birth, gongwei.Date{}, today)
	gongwei.CheckEventDate(&ve, "Certificate", r.Certificate, gongwei.Date{}, gongwei.Date{}, today) // against the birth below
	gongwei.CheckEventDate(&ve, "Card", r.Card, gongwei.Date{}, gongwei.Date{}, today)
	if r.Village == "" {
		ve.Add("Village", gongwei.CodeRequired)
	} else if _, err := healthrecord.ParseVillage(string(r.Village)); err != nil {
		ve.Add("Village", CodeVillage)
	}
	ve.Check(!r.Child.Birth.IsZero(), "Child.Birth", gongwei.CodeRequired)
	if w := healthrecord.BirthWeightRange; r.Child.BirthWeight != 0 {
		ve.CheckRange("Child.BirthWeight", float64(r.Child.BirthWeight), w.Min, w.Max)
	}
	ve.Check(r.Child.MotherHBsAg <= HBsAgPositive, "Child.MotherHBsAg", gongwei.CodeUnknownCode)
	ve.Check(r.Child.HIV <= HIVInfectedSymptomatic, "Child.HIV", gongwei.CodeUnknownCode)
	for _, f := range []struct {
		name string
		d    gongwei.Date
	}{{"Certificate", r.Certificate}, {"Card", r.Card}} {
		ve.Check(f.d.IsZero() || !f.d.Before(r.Child.Birth), f.name, gongwei.CodeBeforeBirth)
	}
	r.validateEntries(&ve)
	return ve.Err()
}

// VaccinationID identifies a vaccination record.
type VaccinationID string

// Vaccination is one dose given (接种记录): the dose and who, where and with what.
type Vaccination struct {
	// ID identifies the record.
	ID VaccinationID
	// Resident is the child vaccinated.
	Resident healthrecord.ResidentID
	// Village is the child's village, copied from the registration.
	Village healthrecord.Village
	// Dose is the vaccine, date and recorded dose number.
	Dose Dose
	// Manufacturer, Lot, Site (接种部位), Route (接种途径), Clinic (接种单位) and Giver
	// (接种者) as recorded.
	Manufacturer, Lot, Site, Route, Clinic, Giver string
	// Campaign is the campaign the dose was given in ([CampaignService.Vaccinate]); empty
	// for a routine dose.
	Campaign CampaignID
	// Version is the optimistic-locking version (see Store).
	Version int64
}

// Validate reports every problem of v at once as a *gongwei.ValidationError. The date
// is neither before 1880 nor after the day of recording (gongwei.CheckEventDate with
// gongwei.Today) and no text is invalid (gongwei.CheckText).
func (v *Vaccination) Validate() error { return v.validateOn(gongwei.Today()) }

func (v *Vaccination) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "immunization.Vaccination"
	ve.Check(v.ID != "", "ID", gongwei.CodeRequired)
	gongwei.CheckEventDate(&ve, "Dose.Date", v.Dose.Date, gongwei.Date{}, gongwei.Date{}, today)
	for _, t := range [...]struct {
		field string
		s     string
		k     gongwei.TextKind
	}{
		{"ID", string(v.ID), gongwei.TextShort},
		{"Resident", string(v.Resident), gongwei.TextShort},
		{"Manufacturer", v.Manufacturer, gongwei.TextName},
		{"Lot", v.Lot, gongwei.TextShort},
		{"Site", v.Site, gongwei.TextShort},
		{"Route", v.Route, gongwei.TextShort},
		{"Clinic", v.Clinic, gongwei.TextName},
		{"Giver", v.Giver, gongwei.TextName},
		{"Campaign", string(v.Campaign), gongwei.TextShort},
	} {
		gongwei.CheckText(&ve, t.field, t.s, t.k)
	}
	ve.Check(v.Resident != "", "Resident", gongwei.CodeRequired)
	switch {
	case v.Dose.Vaccine == 0:
		ve.Add("Dose.Vaccine", gongwei.CodeRequired)
	case !v.Dose.Vaccine.IsValid():
		ve.Add("Dose.Vaccine", CodeVaccine)
	}
	ve.Check(!v.Dose.Date.IsZero(), "Dose.Date", gongwei.CodeRequired)
	ve.Check(v.Dose.Number >= 0, "Dose.Number", gongwei.CodeOutOfRange, 0, "")
	return ve.Err()
}

// Store keeps registrations and vaccinations. Like healthrecord.Store it is dumb: it
// stores what it is given, enforces keys and versions and nothing more; [Service]
// validates, normalises and bumps versions.
//
// Put methods take prev, the version the caller read (0 for a new record): the put
// succeeds only when the stored version equals prev (an absent record counts as 0);
// otherwise it fails with an error wrapping gongwei.ErrConflict and stores nothing.
// Lookups of a missing record fail with an error wrapping gongwei.ErrNotFound. A method
// called with a cancelled context fails with an error wrapping the context's error.
// Streams return iter.Seq2; an iterator that fails yields the error once and stops; a
// consumer may stop early. Records yielded and returned are the caller's own copies. A
// Store is safe for concurrent use. The package immunizationtest checks every clause.
type Store interface {
	// Registration returns the registration of resident id.
	Registration(ctx context.Context, id healthrecord.ResidentID) (*Registration, error)
	// PutRegistration stores r under r.Resident (see the version rule above).
	PutRegistration(ctx context.Context, r *Registration, prev int64) error
	// Registrations streams the registrations whose village starts with f.Prefix,
	// ordered by village, then resident ID.
	Registrations(ctx context.Context, f Filter) iter.Seq2[*Registration, error]

	// Vaccination returns the vaccination with the given ID.
	Vaccination(ctx context.Context, id VaccinationID) (*Vaccination, error)
	// PutVaccination stores v under v.ID (see the version rule above).
	PutVaccination(ctx context.Context, v *Vaccination, prev int64) error
	// Vaccinations streams the vaccinations matching f, ordered by date, then ID.
	Vaccinations(ctx context.Context, f VaccinationFilter) iter.Seq2[*Vaccination, error]
}

// Filter selects registrations: Prefix is a prefix of the village code (6 digits a
// county, 9 a township, 12 a village; empty for all).
type Filter struct {
	Prefix string
}

// Match reports whether r is selected by f.
func (f Filter) Match(r *Registration) bool { return strings.HasPrefix(string(r.Village), f.Prefix) }

// VaccinationFilter selects vaccinations; set fields combine with AND.
type VaccinationFilter struct {
	// Resident selects one child's doses; empty for all.
	Resident healthrecord.ResidentID
	// Prefix selects by village prefix; empty for all.
	Prefix string
	// Period selects doses dated in it; the zero Period selects every date.
	Period gongwei.Period
}

// Match reports whether v is selected by f.
func (f VaccinationFilter) Match(v *Vaccination) bool {
	if f.Resident != "" && v.Resident != f.Resident {
		return false
	}
	if !strings.HasPrefix(string(v.Village), f.Prefix) {
		return false
	}
	return f.Period == (gongwei.Period{}) || f.Period.Contains(v.Dose.Date)
}
