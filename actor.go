package gongwei

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Division is an administrative division code as the library's records carry it: the
// 6 digits of a county (GB/T 2260), the 9 of a township (county + 3, the statistical
// division code) or the 12 of a village or residents' committee (township + 3), the
// prefix of a health-record number (data-standards.md, archive number). A longer code
// lies within every shorter code it starts with.
type Division string

// Contains reports whether d is d itself or a division within it: whether d is a
// non-empty prefix of x. The empty Division contains nothing.
func (d Division) Contains(x Division) bool {
	return d != "" && strings.HasPrefix(string(x), string(d))
}

// Level names the level of a division by its length: "county", "township", "village",
// or "" for any other length.
func (d Division) Level() string {
	switch len(d) {
	case 6:
		return "county"
	case 9:
		return "township"
	case 12:
		return "village"
	}
	return ""
}

// Actor is who makes a write: a staff member of an institution, acting within a
// division. It holds codes only, never a name or other personal data, so it may appear
// in audit entries, findings and logs.
type Actor struct {
	// Staff is the staff member's ID in the host's staff register (工号), as it appears
	// in ServiceEvent providers.
	Staff string
	// Institution is the code of the institution the staff member works for (乡镇卫生院,
	// 社区卫生服务中心, 村卫生室).
	Institution string
	// Within is the division the actor acts within: a village doctor's village, a
	// township health centre's township, a county platform's county. Writes and reads
	// through the services of records outside it fail with a *JurisdictionError.
	Within Division
}

// IsZero reports whether a is the zero Actor.
func (a Actor) IsZero() bool { return a == Actor{} }

type actorKey struct{}

// WithActor returns a copy of ctx carrying a: every service write made with it is made
// by a, stays within a.Within and is recorded in the audit trail under a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the actor ctx carries (WithActor) and whether it carries one.
func ActorFrom(ctx context.Context) (Actor, bool) {
	a, ok := ctx.Value(actorKey{}).(Actor)
	return a, ok && a.Staff != ""
}

// ErrNoActor reports a write made without an actor on its context (WithActor) through a
// service that requires one, which every service does unless its host opted out for a
// migration. It wraps ErrInvalid.
var ErrNoActor = fmt.Errorf("gongwei: write without an actor: %w", ErrInvalid)

// ErrOutsideJurisdiction is what a *JurisdictionError unwraps to.
var ErrOutsideJurisdiction = errors.New("gongwei: outside the actor's jurisdiction")

// JurisdictionError reports a write or read of a record that lies outside the division
// the actor acts within. It names the divisions and the record kind, never a person:
// errors.Is(err, ErrOutsideJurisdiction) holds.
type JurisdictionError struct {
	// Within is the division the actor acts within.
	Within Division
	// Record is the division the record lies in.
	Record Division
	// Kind is the kind of record ("healthrecord.Resident").
	Kind string
}

// Error describes the error with codes only.
func (e *JurisdictionError) Error() string {
	return fmt.Sprintf("gongwei: %s in division %s is outside the actor's division %s", e.Kind, e.Record, e.Within)
}

// Unwrap returns ErrOutsideJurisdiction.
func (e *JurisdictionError) Unwrap() error { return ErrOutsideJurisdiction }

// CheckJurisdiction returns a *JurisdictionError when ctx carries an actor and the
// record's division rec lies outside the actor's (Actor.Within), and nil otherwise: with
// no actor, with an actor acting without a division, or with an unknown rec ("").
func CheckJurisdiction(ctx context.Context, kind string, rec Division) error {
	a, ok := ActorFrom(ctx)
	if !ok || a.Within == "" || rec == "" || a.Within.Contains(rec) {
		return nil
	}
	return &JurisdictionError{Within: a.Within, Record: rec, Kind: kind}
}

// Shanghai returns the Asia/Shanghai zone in which the library states instants (audit
// entries, report deadlines): the host's time zone database's, or UTC+8 without it.
func Shanghai() *time.Location { return shanghai }
