package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/gongwei-lib/gongwei/immunization"
)

// doseColumns are the columns of the vaccinations table holding what the indicators'
// rules read of a vaccination (indicators.CountedSubjectSource), its dose, besides its
// date (the date column), in the order doseCounted gives their values. Every put of a
// vaccination writes them with the body (migration immunization/0004 filled them for the
// vaccinations stored before), so the counted one-scan read reads them instead of the
// body.
var doseColumns = []string{"vaccine", "dose_number", "outbreak"}

// doseCounted returns the values of d's doseColumns: the vaccine's identifier (empty for
// none; a vaccine without one fails to encode the body, and the vaccination is not
// stored), the number, and the outbreak flag as 0 or 1.
func doseCounted(d immunization.Dose) []any {
	vaccine, _ := d.Vaccine.MarshalText()
	return []any{string(vaccine), int64(d.Number), flag(d.Outbreak)}
}

// countedDoses returns the read function of the counted vaccinations' scan: each row
// (the resident, then the dose's vaccine, date, number and outbreak flag) becomes a
// vaccination holding its dose alone. It keeps the vaccines it has read, so that each
// identifier is parsed once; it belongs to one scan and is used by its goroutine alone.
func (db *DB) countedDoses(ctx context.Context, op string) func(rows *sql.Rows) ([]byte, any, error) {
	var resident, vaccine, date sql.RawBytes
	var number, outbreak int64
	dest := []any{&resident, &vaccine, &date, &number, &outbreak}
	vaccines := map[string]immunization.Vaccine{}
	return func(rows *sql.Rows) ([]byte, any, error) {
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, db.fail(ctx, op, err)
		}
		v := &immunization.Vaccination{}
		d := &v.Dose
		var ok bool
		if d.Vaccine, ok = vaccines[string(vaccine)]; !ok {
			if err := d.Vaccine.UnmarshalText(vaccine); err != nil {
				return nil, nil, fmt.Errorf("sqlstore: %s: stored record does not decode", op)
			}
			vaccines[string(vaccine)] = d.Vaccine
		}
		if err := d.Date.UnmarshalText(date); err != nil {
			return nil, nil, fmt.Errorf("sqlstore: %s: stored record does not decode", op)
		}
		d.Number, d.Outbreak = int(number), outbreak != 0
		return resident, v, nil
	}
}
