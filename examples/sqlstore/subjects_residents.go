package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// residentCountedColumns are the columns of the residents table holding what the
// indicators' rules read of a resident (indicators.CountedSubjectSource) besides its ID
// and archive number, in the order residentCounted gives their values. Every put of a
// resident writes them with the body (migration healthrecord/0004 filled them for the
// residents stored before), so the counted one-scan read reads them instead of the body.
var residentCountedColumns = []string{
	"birth", "household", "created", "electronic", "residence", "living_since",
	"closure_reason", "closure_date",
	"outcome_edition", "outcome_valid", "outcome_cover", "outcome_form",
}

// residentCounted returns the values of r's residentCountedColumns: dates as ISO text
// (empty for the zero date), flags as 0 or 1. The closure's cause and destination are not
// among them: the rules do not read them.
func residentCounted(r *healthrecord.Resident) []any {
	return []any{
		dateText(r.BirthDate), string(r.Household), dateText(r.Created), flag(r.Electronic),
		string(r.Info.Residence), dateText(r.Info.LivingSince),
		int64(r.Closure.Reason), dateText(r.Closure.Date),
		int64(r.Derived.Edition), flag(r.Derived.Valid), flag(r.Derived.CoverComplete), flag(r.Derived.FormComplete),
	}
}

// flag is a boolean as a column holds it: 1 or 0.
func flag(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// countedResidentsQuery returns the query of the counted residents' scan (DB.CountedSubjects):
// their IDs, archive numbers and residentCountedColumns, read from the covering index
// residents_id_archive in ID order; cond restricts the archive numbers.
func (d *dialect) countedResidentsQuery(cond string) string {
	cols := []string{d.rawText("id"), d.rawText("archive")}
	for _, c := range residentCountedColumns {
		switch c {
		case "electronic", "closure_reason", "outcome_edition", "outcome_valid", "outcome_cover", "outcome_form":
			cols = append(cols, c)
		default:
			cols = append(cols, d.rawText(c))
		}
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM residents WHERE archive <> ''" + cond + " ORDER BY id"
}

// residentRow is one row of the counted residents' scan.
type residentRow struct {
	id, archive, birth, household, created, residence, livingSince, closureDate sql.RawBytes
	electronic, reason, edition, valid, cover, form                             int64
}

// dest returns the scan destinations of the query's columns, in order.
func (c *residentRow) dest() []any {
	return []any{&c.id, &c.archive, &c.birth, &c.household, &c.created, &c.electronic,
		&c.residence, &c.livingSince, &c.reason, &c.closureDate,
		&c.edition, &c.valid, &c.cover, &c.form}
}

// resident returns the resident of the row, in the fields the rules read. A value that
// does not decode fails as a body that does not decode, naming op only.
func (c *residentRow) resident(op string) (*healthrecord.Resident, error) {
	r := &healthrecord.Resident{
		ID:         healthrecord.ResidentID(c.id),
		Household:  healthrecord.HouseholdID(c.household),
		Electronic: c.electronic != 0,
		Closure:    healthrecord.Closure{Reason: healthrecord.ClosureReason(c.reason)},
		Derived: healthrecord.ResidentOutcome{
			Edition: int(c.edition), Valid: c.valid != 0, CoverComplete: c.cover != 0, FormComplete: c.form != 0,
		},
	}
	r.Info.Residence = healthrecord.ResidenceType(c.residence)
	for _, f := range []struct {
		d *gongwei.Date
		b []byte
	}{{&r.BirthDate, c.birth}, {&r.Created, c.created}, {&r.Info.LivingSince, c.livingSince}, {&r.Closure.Date, c.closureDate}} {
		if err := f.d.UnmarshalText(f.b); err != nil {
			return nil, fmt.Errorf("sqlstore: %s: stored record does not decode", op)
		}
	}
	if err := r.Archive.UnmarshalText(c.archive); err != nil {
		return nil, fmt.Errorf("sqlstore: %s: stored record does not decode", op)
	}
	return r, nil
}

// countedResidents returns the read function of the counted residents' scan: each row
// becomes the resident in the fields the rules read, or, when its stored outcome is of
// another edition of the rules, the whole resident, read by its ID (the rules then
// derive the outcome again from the whole record).
func (db *DB) countedResidents(ctx context.Context, op string) func(rows *sql.Rows) ([]byte, any, error) {
	var c residentRow
	dest := c.dest()
	return func(rows *sql.Rows) ([]byte, any, error) {
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, db.fail(ctx, op, err)
		}
		if c.edition != healthrecord.RulesEdition {
			r, err := residents.get(ctx, db, string(c.id))
			if err != nil {
				return nil, nil, err
			}
			return c.id, r, nil
		}
		r, err := c.resident(op)
		if err != nil {
			return nil, nil, err
		}
		return c.id, r, nil
	}
}
