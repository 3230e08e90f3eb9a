package immunization

import (
	"cmp"
	"context"
	"iter"
	"slices"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// MoveKind says whether a child came into the clinic's area or left it. The zero value
// is "not recorded". Values are append-only.
type MoveKind uint8

// Movement kinds.
const (
	// Arrival: the child came to live in the area (迁入), from elsewhere.
	Arrival MoveKind = iota + 1
	// Departure: the child left the area (迁出).
	Departure
	numMoveKinds
)

// String returns "arrival" or "departure", "" when undefined.
func (k MoveKind) String() string {
	switch k {
	case Arrival:
		return "arrival"
	case Departure:
		return "departure"
	}
	return ""
}

// MovementID identifies a movement record.
type MovementID string

// Movement records a floating child (流动儿童) coming into or leaving the area of the
// clinic where the child is registered ([Registration]).
type Movement struct {
	// ID identifies the record.
	ID MovementID
	// Resident is the child; Village the child's village here, copied from the
	// registration.
	Resident healthrecord.ResidentID
	Village  healthrecord.Village
	// Kind is arrival or departure; Date the day of it.
	Kind MoveKind
	Date gongwei.Date
	// Place is where the child came from or went to (a division code or a place name),
	// as recorded; optional.
	Place string
	// Version is the optimistic-locking version (see MovementStore).
	Version int64
}

// Validate reports every problem of m at once as a *gongwei.ValidationError.
func (m *Movement) Validate() error { return m.validateOn(gongwei.Today()) }

func (m *Movement) validateOn(today gongwei.Date) error {
	var ve gongwei.ValidationError
	ve.Record = "immunization.Movement"
	ve.Check(m.ID != "", "ID", gongwei.CodeRequired)
	ve.Check(m.Resident != "", "Resident", gongwei.CodeRequired)
	gongwei.CheckText(&ve, "ID", string(m.ID), gongwei.TextShort)
	gongwei.CheckText(&ve, "Resident", string(m.Resident), gongwei.TextShort)
	gongwei.CheckText(&ve, "Place", m.Place, gongwei.TextName)
	switch {
	case m.Kind == 0:
		ve.Add("Kind", gongwei.CodeRequired)
	case m.Kind >= numMoveKinds:
		ve.Add("Kind", gongwei.CodeUnknownCode)
	}
	ve.Check(!m.Date.IsZero(), "Date", gongwei.CodeRequired)
	gongwei.CheckEventDate(&ve, "Date", m.Date, gongwei.Date{}, gongwei.Date{}, today)
	return ve.Err()
}

// ResidenceRule says when a child from elsewhere is managed as a resident (常住) child
// of the receiving clinic: after living in the area for Months months, while younger
// than BeforeAge.
type ResidenceRule struct {
	Months    int
	BeforeAge Span
}

// DefaultResidence is the national rule: a child of 0-6 years who has lived in the area
// for 3 months is given a vaccination card and certificate and managed as a resident
// (nbphs-spec §3, "居住满3个月" and the 0-6-year target; plan-services.md §6, "Residence
// rule", an exam answer and a clinic's 流动儿童预防接种管理制度, which also gives the
// under-7 age). The clause of 预防接种工作规范 itself was not seen (plan-services.md §6,
// UNCONFIRMED): a province with another rule sets its own.
var DefaultResidence = ResidenceRule{Months: 3, BeforeAge: Years(7)}

// Residence is where a registered child stands with the clinic on a day.
type Residence uint8

// Residences.
const (
	// ResidenceLocal: no movement recorded: a child of the area.
	ResidenceLocal Residence = iota + 1
	// ResidenceArrived: arrived from elsewhere less than the rule's months ago (or past
	// its age): vaccinated where the child lives, not yet managed as a resident.
	ResidenceArrived
	// ResidenceResident: arrived and lived in the area for the rule's months: managed
	// as a resident child.
	ResidenceResident
	// ResidenceDeparted: left the area: neither managed nor counted here.
	ResidenceDeparted
)

// String returns a stable identifier ("local", "arrived", "resident", "departed").
func (r Residence) String() string {
	switch r {
	case ResidenceLocal:
		return "local"
	case ResidenceArrived:
		return "arrived"
	case ResidenceResident:
		return "resident"
	case ResidenceDeparted:
		return "departed"
	}
	return ""
}

// Managed reports whether the child is managed as a resident child: local, or resident
// under the rule. Coverage and card rates count these children.
func (r Residence) Managed() bool { return r == ResidenceLocal || r == ResidenceResident }

// Served reports whether the clinic vaccinates the child: every child living in the
// area, managed or newly arrived ("children away from their original residence are
// vaccinated by the unit at their current residence", plan-services.md §6, "Legal
// basis"). Due lists list these children.
func (r Residence) Served() bool { return r != ResidenceDeparted }

// ResidenceOn returns the child's residence on day on from the child's movements (in
// any order; those after on are ignored): the last movement on or before on decides. A
// departure makes the child departed; an arrival makes the child resident once rule's
// months have passed since it (and while the child is younger than rule.BeforeAge,
// when set), arrived before that; no movement leaves the child local.
func ResidenceOn(birth gongwei.Date, moves []Movement, on gongwei.Date, rule ResidenceRule) Residence {
	r, _ := residenceOn(birth, moves, on, rule)
	return r
}

// ManagedSince returns the day from which the child is managed as a resident on day on
// ([ResidenceOn]): the birth for a local child, the day the rule's months since the
// arrival were completed for a resident one, and the zero Date for a child not managed.
// A card and certificate are due from it.
func ManagedSince(birth gongwei.Date, moves []Movement, on gongwei.Date, rule ResidenceRule) gongwei.Date {
	_, since := residenceOn(birth, moves, on, rule)
	return since
}

func residenceOn(birth gongwei.Date, moves []Movement, on gongwei.Date, rule ResidenceRule) (Residence, gongwei.Date) {
	var last *Movement
	for i := range moves {
		m := &moves[i]
		if m.Date.IsZero() || m.Date.After(on) || !(m.Kind == Arrival || m.Kind == Departure) {
			continue
		}
		if last == nil || m.Date.After(last.Date) || (m.Date == last.Date && m.ID > last.ID) {
			last = m
		}
	}
	switch {
	case last == nil:
		return ResidenceLocal, birth
	case last.Kind == Departure:
		return ResidenceDeparted, gongwei.Date{}
	}
	since := last.Date.AddMonths(rule.Months)
	switch {
	case on.Before(since):
		return ResidenceArrived, gongwei.Date{}
	case !rule.BeforeAge.IsZero() && !birth.IsZero() && !on.Before(rule.BeforeAge.From(birth)):
		return ResidenceArrived, gongwei.Date{}
	}
	return ResidenceResident, since
}

// MovementStore keeps movement records, with the contract of [AEFIStore] (keys,
// versions, errors, streams, copies, concurrency). The package immunizationtest checks
// every clause (TestMovementStore).
type MovementStore interface {
	// Movement returns the record with the given ID.
	Movement(ctx context.Context, id MovementID) (*Movement, error)
	// PutMovement stores m under m.ID over version prev.
	PutMovement(ctx context.Context, m *Movement, prev int64) error
	// Movements streams the records matching f, ordered by resident, date, then ID.
	Movements(ctx context.Context, f MovementFilter) iter.Seq2[*Movement, error]
}

// MovementFilter selects movement records; set fields combine with AND.
type MovementFilter struct {
	// Resident selects one child's records; empty for all.
	Resident healthrecord.ResidentID
	// Prefix selects by village prefix; empty for all.
	Prefix string
}

// Match reports whether m is selected by f.
func (f MovementFilter) Match(m *Movement) bool {
	return (f.Resident == "" || m.Resident == f.Resident) && strings.HasPrefix(string(m.Village), f.Prefix)
}

// FloatingService records floating children's movements and answers the clinic's
// questions that follow the residence rule. Get one from [Service.Floating].
type FloatingService struct {
	g    *Service
	s    MovementStore
	rule ResidenceRule
}

// Floating returns the floating-children service over s under rule
// ([DefaultResidence] or the province's); it reads registrations and doses from g's
// store and takes g's day of recording.
func (g *Service) Floating(s MovementStore, rule ResidenceRule) *FloatingService {
	return &FloatingService{g: g, s: s, rule: rule}
}

// Move records an arrival or a departure: the child must be registered here (its
// village is copied onto the record) and the day not before the birth; every problem is
// reported at once and nothing is stored. On success m.Version is the new version.
func (f *FloatingService) Move(ctx context.Context, m *Movement) error {
	const op = "immunization: movement: "
	m.ID = MovementID(gongwei.NormalizeCode(string(m.ID)))
	m.Place = gongwei.Normalize(m.Place)
	return checked(ctx, f.g, op, "immunization.Movement", string(m.ID), m, m.validateOn(f.g.today()), m.Resident, "Date", m.Date, &m.Village,
		func(x *Movement) *int64 { return &x.Version }, f.s.PutMovement)
}

// Residence returns the residence of registered child id on day on.
func (f *FloatingService) Residence(ctx context.Context, id healthrecord.ResidentID, on gongwei.Date) (Residence, error) {
	r, err := f.g.s.Registration(ctx, id)
	if err != nil {
		return 0, err
	}
	moves, err := f.moves(ctx, id)
	if err != nil {
		return 0, err
	}
	return ResidenceOn(r.Child.Birth, moves, on, f.rule), nil
}

func (f *FloatingService) moves(ctx context.Context, id healthrecord.ResidentID) ([]Movement, error) {
	var out []Movement
	for m, err := range f.s.Movements(ctx, MovementFilter{Resident: id}) {
		if err != nil {
			return nil, err
		}
		out = append(out, *m)
	}
	return out, nil
}

// DueList is [Service.DueList] following the residence rule: a child who has left the
// area by p's first day is not on it; a child who arrived is, managed or not (the clinic
// vaccinates every child living in its area).
func (f *FloatingService) DueList(ctx context.Context, prefix string, p gongwei.Period) ([]DueEntry, error) {
	all, err := f.g.DueList(ctx, prefix, p)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, e := range all {
		moves, err := f.moves(ctx, e.Registration.Resident)
		if err != nil {
			return nil, err
		}
		if ResidenceOn(e.Registration.Child.Birth, moves, p.Start, f.rule).Served() {
			out = append(out, e)
		}
	}
	return out, nil
}

// Floating lists the children of the villages under prefix with their residence on day
// on, those with a movement recorded only, ordered by village, then resident.
func (f *FloatingService) Floating(ctx context.Context, prefix string, on gongwei.Date) ([]FloatingChild, error) {
	byChild := map[healthrecord.ResidentID][]Movement{}
	for m, err := range f.s.Movements(ctx, MovementFilter{Prefix: prefix}) {
		if err != nil {
			return nil, err
		}
		byChild[m.Resident] = append(byChild[m.Resident], *m)
	}
	var out []FloatingChild
	for id, moves := range byChild {
		r, err := f.g.s.Registration(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, FloatingChild{Registration: r, Residence: ResidenceOn(r.Child.Birth, moves, on, f.rule)})
	}
	slices.SortFunc(out, func(a, b FloatingChild) int {
		return cmp.Or(cmp.Compare(a.Registration.Village, b.Registration.Village), cmp.Compare(a.Registration.Resident, b.Registration.Resident))
	})
	return out, nil
}

// FloatingChild is a registered child with a movement, and the child's residence.
type FloatingChild struct {
	Registration *Registration
	Residence    Residence
}
