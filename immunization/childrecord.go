package immunization

import (
	"context"
	"fmt"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// ofChild checks a record of registered child id against the registration, adding to
// ve: an unknown child (Resident), a day of the record before the birth (field). It
// returns the child's village, "" when the child is unknown or id empty, and the error of
// a failing store.
func (g *Service) ofChild(ctx context.Context, ve *gongwei.ValidationError, id healthrecord.ResidentID, field string, day gongwei.Date) (healthrecord.Village, error) {
	if id == "" {
		return "", nil
	}
	reg, err := g.registration(ctx, id)
	switch {
	case err == nil:
		ve.Check(day.IsZero() || !day.Before(reg.Child.Birth), field, gongwei.CodeBeforeBirth)
		return reg.Village, nil
	case isNotFound(err):
		ve.Add("Resident", gongwei.CodeUnknownCode)
		return "", nil
	}
	return "", err
}

// putNext stores a copy of rec with the version after the one rec holds (ver gives the
// field), over that version, through trail (healthrecord.WriteNext, the services' one write path: actor,
// jurisdiction and audit entry; ch names the record, putNext sets its versions), and on
// success sets rec's version to it. Errors are prefixed with op.
func putNext[T any](ctx context.Context, op string, trail *healthrecord.Trail, ch healthrecord.Change, rec *T, ver func(*T) *int64, put func(context.Context, *T, int64) error) error {
	c := *rec
	if err := healthrecord.WriteNext(ctx, trail, ch, &c, ver(&c), put); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	*ver(rec) = *ver(&c)
	return nil
}

// checked validates a record (named record in its errors) of a registered child
// (validate's problems, then ofChild's), sets its village, and stores it with putNext:
// every problem is reported at once and nothing is stored.
func checked[T any](ctx context.Context, g *Service, op, record, recID string, rec *T, validate error, id healthrecord.ResidentID,
	field string, day gongwei.Date, village *healthrecord.Village, ver func(*T) *int64, put func(context.Context, *T, int64) error) error {
	var ve gongwei.ValidationError
	ve.Record = record
	ve.Merge("", validate)
	v, err := g.ofChild(ctx, &ve, id, field, day)
	if err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	if v != "" {
		*village = v
	}
	if err := ve.Err(); err != nil {
		return fmt.Errorf(op+"%w", err)
	}
	ch := healthrecord.Change{Kind: record, ID: recID, Resident: id, Division: gongwei.Division(*village), Date: day}
	return putNext(ctx, op, g.trail, ch, rec, ver, put)
}
