package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// hisSchema is the hospital's own patient table, as its vendor designed it years ago:
// pinyin-initial column names (病人ID, 姓名, 性别, 出生日期, 身份证号, 联系电话, 家庭住址),
// sex written out in Chinese and birth dates as 8 digits. The last three columns are the
// only change the integration makes to it: the 17-digit archive number, the version the
// library's optimistic concurrency needs, and the rest of the health record form that
// the HIS has no columns for.
const hisSchema = `
CREATE TABLE IF NOT EXISTS his_patient (
	brid TEXT PRIMARY KEY,
	xm TEXT NOT NULL,
	xb TEXT NOT NULL,
	csrq TEXT NOT NULL,
	sfzh TEXT NOT NULL DEFAULT '',
	lxdh TEXT NOT NULL DEFAULT '',
	jtzz TEXT NOT NULL DEFAULT '',
	gw_dabh TEXT NOT NULL DEFAULT '',
	gw_version INTEGER NOT NULL DEFAULT 0,
	gw_record TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX IF NOT EXISTS his_patient_dabh ON his_patient (gw_dabh) WHERE gw_dabh <> '';
CREATE INDEX IF NOT EXISTS his_patient_sfzh ON his_patient (sfzh);
`

// hisSex maps the HIS's sex column to GB/T 2261.1 and back.
var hisSex = map[string]gongwei.Sex{"男": gongwei.Male, "女": gongwei.Female, "未知": gongwei.SexUnknown, "未说明": gongwei.SexUnspecified}

func hisSexOf(s gongwei.Sex) string {
	for k, v := range hisSex {
		if v == s {
			return k
		}
	}
	return "未说明"
}

// hisResidents is healthrecord.ResidentStore over the HIS patient table: the library
// reads and writes the hospital's own rows, mapping columns and code values on the way,
// with no copy of the patients in the library's schema.
type hisResidents struct {
	db *sql.DB
}

var _ healthrecord.ResidentStore = (*hisResidents)(nil)

// errHISRow reports a HIS row the library cannot read (a malformed date or number); it
// names the column, never the value.
var errHISRow = errors.New("embed: malformed HIS patient row")

const hisColumns = "brid, xm, xb, csrq, sfzh, lxdh, jtzz, gw_dabh, gw_version, gw_record"

type rowScanner interface{ Scan(dest ...any) error }

// scanPatient maps one HIS row to a resident.
func scanPatient(row rowScanner) (*healthrecord.Resident, error) {
	var brid, xm, xb, csrq, sfzh, lxdh, jtzz, dabh, rest string
	var version int64
	if err := row.Scan(&brid, &xm, &xb, &csrq, &sfzh, &lxdh, &jtzz, &dabh, &version, &rest); err != nil {
		return nil, err
	}
	r := &healthrecord.Resident{}
	if rest != "" {
		if err := json.Unmarshal([]byte(rest), r); err != nil {
			return nil, fmt.Errorf("%w: gw_record", errHISRow)
		}
	}
	r.ID, r.Name, r.Address, r.Version = healthrecord.ResidentID(brid), xm, jtzz, version
	sex, ok := hisSex[xb]
	if !ok {
		return nil, fmt.Errorf("%w: xb", errHISRow)
	}
	r.Sex = sex
	birth, err := gongwei.ParseDate(csrq)
	if err != nil {
		return nil, fmt.Errorf("%w: csrq", errHISRow)
	}
	r.BirthDate = birth
	r.IDNumber = healthrecord.IDNumber{}
	if sfzh != "" {
		if r.IDNumber, err = healthrecord.ParseIDNumber(sfzh); err != nil {
			return nil, fmt.Errorf("%w: sfzh", errHISRow)
		}
	}
	r.Info.Phone = healthrecord.Phone{}
	if lxdh != "" {
		if r.Info.Phone, err = healthrecord.ParsePhone(lxdh); err != nil {
			return nil, fmt.Errorf("%w: lxdh", errHISRow)
		}
	}
	r.Archive = healthrecord.ArchiveNumber{}
	if dabh != "" {
		if r.Archive, err = healthrecord.ParseArchiveNumber(dabh); err != nil {
			return nil, fmt.Errorf("%w: gw_dabh", errHISRow)
		}
	}
	return r, nil
}

// rest returns the JSON of what the HIS has no column for: r without the mapped fields.
func rest(r *healthrecord.Resident) (string, error) {
	x := r.Clone()
	x.ID, x.Name, x.Sex, x.BirthDate, x.Address, x.Version = "", "", 0, gongwei.Date{}, "", 0
	x.IDNumber, x.Archive, x.Info.Phone = healthrecord.IDNumber{}, healthrecord.ArchiveNumber{}, healthrecord.Phone{}
	b, err := json.Marshal(x)
	return string(b), err
}

func (s *hisResidents) one(ctx context.Context, where string, arg any) (*healthrecord.Resident, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r, err := scanPatient(s.db.QueryRowContext(ctx, "SELECT "+hisColumns+" FROM his_patient WHERE "+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("embed: patient: %w", gongwei.ErrNotFound)
	}
	return r, err
}

// Resident implements healthrecord.ResidentStore: the HIS patient number is the ID.
func (s *hisResidents) Resident(ctx context.Context, id healthrecord.ResidentID) (*healthrecord.Resident, error) {
	return s.one(ctx, "brid = ?", string(id))
}

// ResidentByIDNumber implements healthrecord.ResidentStore.
func (s *hisResidents) ResidentByIDNumber(ctx context.Context, id healthrecord.IDNumber) (*healthrecord.Resident, error) {
	if id.IsZero() {
		return nil, fmt.Errorf("embed: patient: %w", gongwei.ErrNotFound)
	}
	return s.one(ctx, "sfzh = ?", id.String())
}

// ResidentByArchive implements healthrecord.ResidentStore.
func (s *hisResidents) ResidentByArchive(ctx context.Context, a healthrecord.ArchiveNumber) (*healthrecord.Resident, error) {
	if a.IsZero() {
		return nil, fmt.Errorf("embed: patient: %w", gongwei.ErrNotFound)
	}
	return s.one(ctx, "gw_dabh = ?", a.String())
}

// PutResident implements healthrecord.ResidentStore. A HIS patient the library has never
// saved has version 0, so the first save (prev 0) adopts the hospital's row; a resident
// the HIS does not know is inserted as a new patient row.
func (s *hisResidents) PutResident(ctx context.Context, r *healthrecord.Resident, prev int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	body, err := rest(r)
	if err != nil {
		return fmt.Errorf("embed: put patient: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var stored int64
	err = tx.QueryRowContext(ctx, "SELECT gw_version FROM his_patient WHERE brid = ?", string(r.ID)).Scan(&stored)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if stored != prev {
		return fmt.Errorf("embed: put patient: stored version %d, not %d: %w", stored, prev, gongwei.ErrConflict)
	}
	for col, key := range map[string]string{"sfzh": r.IDNumber.String(), "gw_dabh": r.Archive.String()} {
		if key == "" {
			continue
		}
		var other string
		err := tx.QueryRowContext(ctx, "SELECT brid FROM his_patient WHERE "+col+" = ? AND brid <> ? LIMIT 1", key, string(r.ID)).Scan(&other)
		if err == nil {
			return fmt.Errorf("embed: put patient: %s taken: %w", col, gongwei.ErrDuplicate)
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	vals := []any{r.Name, hisSexOf(r.Sex), strings.ReplaceAll(r.BirthDate.String(), "-", ""), r.IDNumber.String(),
		r.Info.Phone.String(), r.Address, r.Archive.String(), r.Version, body, string(r.ID)}
	if exists {
		_, err = tx.ExecContext(ctx, `UPDATE his_patient SET xm = ?, xb = ?, csrq = ?, sfzh = ?, lxdh = ?, jtzz = ?,
			gw_dabh = ?, gw_version = ?, gw_record = ? WHERE brid = ?`, vals...)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO his_patient (xm, xb, csrq, sfzh, lxdh, jtzz, gw_dabh, gw_version, gw_record, brid)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, vals...)
	}
	if err != nil {
		return fmt.Errorf("embed: put patient: %w", errHISWrite)
	}
	return tx.Commit()
}

var errHISWrite = errors.New("write to the HIS patient table failed")

// Residents implements healthrecord.ResidentStore: the HIS rows in archive-number order
// (patients without one first, by patient number), streamed row by row.
func (s *hisResidents) Residents(ctx context.Context, f healthrecord.ResidentFilter) iter.Seq2[*healthrecord.Resident, error] {
	return func(yield func(*healthrecord.Resident, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
			return
		}
		rows, err := s.db.QueryContext(ctx, "SELECT "+hisColumns+" FROM his_patient WHERE substr(gw_dabh, 1, ?) = ? ORDER BY gw_dabh, brid",
			len(f.Prefix), f.Prefix)
		if err != nil {
			yield(nil, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			r, err := scanPatient(rows)
			if err != nil {
				yield(nil, err)
				return
			}
			if f.Match(r) && !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// LastArchive implements healthrecord.ResidentStore.
func (s *hisResidents) LastArchive(ctx context.Context, v healthrecord.Village) (healthrecord.ArchiveNumber, error) {
	var last sql.NullString
	err := s.db.QueryRowContext(ctx, "SELECT MAX(gw_dabh) FROM his_patient WHERE substr(gw_dabh, 1, 12) = ?", string(v)).Scan(&last)
	if err != nil || !last.Valid {
		return healthrecord.ArchiveNumber{}, err
	}
	return healthrecord.ParseArchiveNumber(last.String)
}
