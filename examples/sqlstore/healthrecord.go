package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// HealthRecordStore is the health record's store (healthrecord.Store) in the database:
// the tables of migrations/healthrecord. Get it from [DB.HealthRecord]; wrap it in a
// healthrecord.Registry.
type HealthRecordStore struct {
	subjectStore
}

var _ healthrecord.Store = (*HealthRecordStore)(nil)

// HealthRecord returns the health record's store in db.
func (db *DB) HealthRecord() *HealthRecordStore { return &HealthRecordStore{subjectStore{store{db}}} }

var (
	// Besides its keys, a resident's row holds what the indicators' rules read of it
	// (residentCountedColumns), which the counted one-scan read reads instead of the body.
	residents = newRecords("residents", "resident", "residents", append([]string{"archive", "id_number"}, residentCountedColumns...),
		func(r *healthrecord.Resident) (string, int64, []any) {
			return string(r.ID), r.Version, append([]any{r.Archive.String(), r.IDNumber.String()}, residentCounted(r)...)
		})
	households = newRecords("households", "household", "households", []string{"village"},
		func(h *healthrecord.Household) (string, int64, []any) {
			return string(h.ID), h.Version, []any{string(h.Village)}
		})
	checkups = newRecords("checkups", "checkup", "checkups", []string{"resident", "date"},
		func(c *healthrecord.Checkup) (string, int64, []any) {
			return string(c.ID), c.Version, []any{string(c.Resident), dateText(c.Date)}
		})
	contracts = newRecords("contracts", "contract", "contracts", []string{"resident", "team", "period_start", "period_end"},
		func(c *healthrecord.Contract) (string, int64, []any) {
			return string(c.ID), c.Version, []any{string(c.Resident), string(c.Team), dateText(c.Period.Start), dateText(c.Period.End)}
		})
)

// Resident implements healthrecord.ResidentStore.
func (s *HealthRecordStore) Resident(ctx context.Context, id healthrecord.ResidentID) (*healthrecord.Resident, error) {
	return residents.get(ctx, s.db, string(id))
}

// ResidentByIDNumber implements healthrecord.ResidentStore.
func (s *HealthRecordStore) ResidentByIDNumber(ctx context.Context, id healthrecord.IDNumber) (*healthrecord.Resident, error) {
	return s.residentBy(ctx, "id_number", "resident by ID number", id.String())
}

// ResidentByArchive implements healthrecord.ResidentStore.
func (s *HealthRecordStore) ResidentByArchive(ctx context.Context, a healthrecord.ArchiveNumber) (*healthrecord.Resident, error) {
	return s.residentBy(ctx, "archive", "resident by archive number", a.String())
}

// residentBy looks a resident up by a unique key column; the empty key (a zero number)
// finds nobody.
func (s *HealthRecordStore) residentBy(ctx context.Context, col, what, key string) (*healthrecord.Resident, error) {
	op := "get " + what
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	if key == "" {
		return nil, notFound(what)
	}
	return queryOne[healthrecord.Resident](ctx, s.db, op, what, "SELECT body FROM residents WHERE "+col+" = ?", key)
}

// PutResident implements healthrecord.ResidentStore. It rewrites the resident's tags
// in the same transaction.
func (s *HealthRecordStore) PutResident(ctx context.Context, r *healthrecord.Resident, prev int64) error {
	return s.db.write(ctx, "put resident", func(tx *txn) error {
		id, version, vals := residents.row(r)
		err := putRow(ctx, s.db, tx, residents.table, id, version, prev, r, vals...)
		if err != nil {
			return err
		}
		if prev == 0 {
			tx.insertedResident(string(r.ID))
		}
		if prev != 0 {
			if _, err := tx.exec(ctx, "DELETE FROM resident_tags WHERE resident = ?", string(r.ID)); err != nil {
				return s.db.fail(ctx, "put resident tags", err)
			}
		}
		seen := make(map[healthrecord.Tag]bool, len(r.Tags))
		for _, t := range r.Tags {
			if seen[t] {
				continue
			}
			seen[t] = true
			if _, err := tx.exec(ctx, "INSERT INTO resident_tags (resident, tag) VALUES (?, ?)", string(r.ID), string(t)); err != nil {
				return s.db.fail(ctx, "put resident tags", err)
			}
		}
		return nil
	})
}

// Residents implements healthrecord.ResidentStore. The prefix becomes a range of
// archive numbers, which the index on archive numbers serves.
func (s *HealthRecordStore) Residents(ctx context.Context, f healthrecord.ResidentFilter) iter.Seq2[*healthrecord.Resident, error] {
	q := residents.query()
	if f.Prefix != "" {
		lo, hi, ok := prefixRange(f.Prefix)
		if !ok {
			// Archive numbers are digits: nothing starts with anything else.
			q.and("1 = 0")
		} else {
			q.and("archive >= ? AND archive < ?", lo, hi)
		}
	}
	if f.Tag != "" {
		q.and("EXISTS (SELECT 1 FROM resident_tags t WHERE t.resident = residents.id AND t.tag = ?)", string(f.Tag))
	}
	return residents.stream(ctx, s.db, q, "archive, id")
}

// prefixRange returns the range [lo, hi) of the digit strings starting with the digits
// p, or false when p holds something else than ASCII digits.
func prefixRange(p string) (lo, hi string, ok bool) {
	for i := 0; i < len(p); i++ {
		if p[i] < '0' || p[i] > '9' {
			return "", "", false
		}
	}
	// The byte after '9' is ':', so p with its last byte incremented bounds every
	// digit string starting with p.
	return p, p[:len(p)-1] + string(p[len(p)-1]+1), true
}

// LastArchive implements healthrecord.ResidentStore.
func (s *HealthRecordStore) LastArchive(ctx context.Context, v healthrecord.Village) (healthrecord.ArchiveNumber, error) {
	const op = "last archive number"
	if err := ctx.Err(); err != nil {
		return healthrecord.ArchiveNumber{}, fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	if _, err := healthrecord.ParseVillage(string(v)); err != nil {
		return healthrecord.ArchiveNumber{}, nil // no archive number lies in a malformed village
	}
	lo, hi, _ := prefixRange(string(v))
	var last string
	err := s.db.queryRow(ctx, "SELECT archive FROM residents WHERE archive >= ? AND archive < ? ORDER BY archive DESC LIMIT 1", []any{lo, hi}, &last)
	if errors.Is(err, sql.ErrNoRows) {
		if cerr := ctx.Err(); cerr != nil {
			return healthrecord.ArchiveNumber{}, fmt.Errorf("sqlstore: %s: %w", op, cerr)
		}
		return healthrecord.ArchiveNumber{}, nil
	}
	if err != nil {
		return healthrecord.ArchiveNumber{}, s.db.fail(ctx, op, err)
	}
	a, err := healthrecord.ParseArchiveNumber(last)
	if err != nil {
		return healthrecord.ArchiveNumber{}, fmt.Errorf("sqlstore: %s: stored archive number does not parse", op)
	}
	return a, nil
}

// Household implements healthrecord.HouseholdStore.
func (s *HealthRecordStore) Household(ctx context.Context, id healthrecord.HouseholdID) (*healthrecord.Household, error) {
	return households.get(ctx, s.db, string(id))
}

// PutHousehold implements healthrecord.HouseholdStore.
func (s *HealthRecordStore) PutHousehold(ctx context.Context, h *healthrecord.Household, prev int64) error {
	return households.put(ctx, s.db, h, prev)
}

// Checkup implements healthrecord.CheckupStore.
func (s *HealthRecordStore) Checkup(ctx context.Context, id healthrecord.CheckupID) (*healthrecord.Checkup, error) {
	return checkups.get(ctx, s.db, string(id))
}

// PutCheckup implements healthrecord.CheckupStore.
func (s *HealthRecordStore) PutCheckup(ctx context.Context, c *healthrecord.Checkup, prev int64) error {
	return checkups.put(ctx, s.db, c, prev)
}

// Checkups implements healthrecord.CheckupStore.
func (s *HealthRecordStore) Checkups(ctx context.Context, f healthrecord.CheckupFilter) iter.Seq2[*healthrecord.Checkup, error] {
	q := checkups.query()
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	q.period("date", f.Period)
	return checkups.stream(ctx, s.db, q, "date, id")
}

// Contract implements healthrecord.ContractStore.
func (s *HealthRecordStore) Contract(ctx context.Context, id healthrecord.ContractID) (*healthrecord.Contract, error) {
	return contracts.get(ctx, s.db, string(id))
}

// PutContract implements healthrecord.ContractStore.
func (s *HealthRecordStore) PutContract(ctx context.Context, c *healthrecord.Contract, prev int64) error {
	return contracts.put(ctx, s.db, c, prev)
}

// Contracts implements healthrecord.ContractStore: a contract overlaps the filter's
// period when it starts before the period ends and ends after the period starts.
func (s *HealthRecordStore) Contracts(ctx context.Context, f healthrecord.ContractFilter) iter.Seq2[*healthrecord.Contract, error] {
	q := contracts.query()
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	if f.Team != "" {
		q.and("team = ?", string(f.Team))
	}
	if !f.Period.Start.IsZero() {
		q.and("period_end > ?", dateText(f.Period.Start))
	}
	if !f.Period.End.IsZero() {
		q.and("period_start < ?", dateText(f.Period.End))
	}
	return contracts.stream(ctx, s.db, q, "period_start, id")
}

// AppendEvent implements healthrecord.TimelineStore. A repeated (resident, kind, ref)
// violates the unique index and fails with gongwei.ErrDuplicate. Inside a batch, the
// events of a resident the batch inserted are written when the batch commits, several
// rows per statement, with the same results (see timeline_batch.go).
func (s *HealthRecordStore) AppendEvent(ctx context.Context, e healthrecord.ServiceEvent) error {
	const op = "append service event"
	return s.db.write(ctx, op, func(tx *txn) error {
		body, err := marshal(op, e)
		if err != nil {
			return err
		}
		// The events of a resident the batch inserted are written when it commits.
		if kept, err := tx.keepEvent(e, body); kept || err != nil {
			return err
		}
		// A repeated (resident, kind, ref) inserts nothing instead of failing, so that
		// a batch's transaction goes on (PostgreSQL aborts a transaction on an error).
		res, err := tx.exec(ctx, "INSERT INTO service_events (resident, kind, date, ref, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
			string(e.Resident), string(e.Kind), dateText(e.Date), e.Ref, body)
		if err != nil {
			return s.db.fail(ctx, op, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return s.db.fail(ctx, op, err)
		}
		if n == 0 {
			return fmt.Errorf("sqlstore: %s: %w", op, gongwei.ErrDuplicate)
		}
		return nil
	})
}

// Events implements healthrecord.TimelineStore.
func (s *HealthRecordStore) Events(ctx context.Context, f healthrecord.EventFilter) iter.Seq2[healthrecord.ServiceEvent, error] {
	q := query{base: "SELECT body FROM service_events"}
	if f.Resident != "" {
		q.and("resident = ?", string(f.Resident))
	}
	q.period("date", f.Period)
	seq := stream[healthrecord.ServiceEvent](ctx, s.db, "stream service events", q.sql("resident, date, seq"), q.args...)
	return func(yield func(healthrecord.ServiceEvent, error) bool) {
		for e, err := range seq {
			if err != nil {
				yield(healthrecord.ServiceEvent{}, err)
				return
			}
			if !yield(*e, nil) {
				return
			}
		}
	}
}
