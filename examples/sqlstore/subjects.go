package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"sync"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/referral"
)

// The per-resident stores yield a jurisdiction's subjects in one pass (the optional
// capability indicators.SubjectSource), so indicators.Compute over them reads each
// table once instead of asking for each resident's records.
var (
	_ indicators.CountedSubjectSource = (*HealthRecordStore)(nil)
	_ indicators.CountedSubjectSource = (*ChronicStore)(nil)
	_ indicators.CountedSubjectSource = (*MaternalStore)(nil)
	_ indicators.CountedSubjectSource = (*ChildStore)(nil)
	_ indicators.CountedSubjectSource = (*ImmunizationStore)(nil)
)

// subjectStore is what the per-resident stores hold: their DB, with the Subjects and
// CountedSubjects methods that yield the subjects of db's stores in one pass.
type subjectStore struct {
	store
}

// Subjects implements indicators.SubjectSource: see [DB.Subjects].
func (s *subjectStore) Subjects(ctx context.Context, q indicators.SubjectQuery) (iter.Seq2[*indicators.Subject, error], bool) {
	return s.db.Subjects(ctx, q)
}

// CountedSubjects implements indicators.CountedSubjectSource: see [DB.CountedSubjects].
func (s *subjectStore) CountedSubjects(ctx context.Context, q indicators.SubjectQuery) (iter.Seq2[*indicators.Subject, error], bool) {
	return s.db.CountedSubjects(ctx, q)
}

// Subjects returns the subjects of q (see indicators.SubjectSource) read in one pass:
// one query per table, each ordered by resident and served by an index without a sort
// (residents by ID; checkups, contracts, service events, chronic patients, pregnancies,
// child records and vaccinations by their resident column; chronic and child visits
// joined to their patient or child; households by their head), all open at once, each
// read and decoded on a goroutine of its own (straight from the bytes the driver
// scanned) and handed over in small batches, and merged on the resident. Memory does
// not grow with the jurisdiction: at most a few batches of rows per table are held.
// Checkups, contracts and events are read only in the windows the indicators read
// (the period, its last day, the dynamic-use window).
//
// It reports false when a non-nil store of q is not one of db's stores, or q.Period is
// not valid. Each subject is new: a caller may keep it. The tables are read on
// different connections, so writes committed during the pass may be seen by one table
// and not another, as with the Store methods. Stopping the iteration early stops the
// queries and returns their connections.
func (db *DB) Subjects(ctx context.Context, q indicators.SubjectQuery) (iter.Seq2[*indicators.Subject, error], bool) {
	return db.subjects(ctx, q, false)
}

// CountedSubjects is [DB.Subjects] for the indicators' rules alone
// (indicators.CountedSubjectSource): the checkups and contracts are decoded only in the
// fields those rules read, skipping the rest of their bodies; the vaccinations' doses
// and the service events' kinds and dates are read from their columns, never their
// bodies, each resident's events in no particular order; and the residents are read from
// the columns holding what the rules read of them, never their bodies (the personal
// basic information form above all). A resident whose stored outcome is of another
// edition of the rules is read by its ID and decoded whole, a checkup of another
// edition is decoded whole, and a checkup whose outcome was derived for another birth
// date than the resident's is read by its ID: the rules derive those outcomes again
// from the whole records.
func (db *DB) CountedSubjects(ctx context.Context, q indicators.SubjectQuery) (iter.Seq2[*indicators.Subject, error], bool) {
	return db.subjects(ctx, q, true)
}

// subjects is Subjects, or CountedSubjects when counted is set.
func (db *DB) subjects(ctx context.Context, q indicators.SubjectQuery, counted bool) (iter.Seq2[*indicators.Subject, error], bool) {
	if !q.Period.IsValid() || !db.owns(q) {
		return nil, false
	}
	return func(yield func(*indicators.Subject, error) bool) {
		m, err := db.openMerge(ctx, q, counted)
		if err != nil {
			yield(nil, err)
			return
		}
		defer m.close()
		for {
			s, ok, err := m.next(ctx)
			if err != nil {
				yield(nil, err)
				return
			}
			if !ok || !yield(s, nil) {
				return
			}
		}
	}, true
}

// owns reports whether every non-nil store of q is a store of db.
func (db *DB) owns(q indicators.SubjectQuery) bool {
	if q.Records != nil {
		if s, ok := q.Records.(*HealthRecordStore); !ok || s == nil || s.db != db {
			return false
		}
	}
	if q.Chronic != nil {
		if s, ok := q.Chronic.(*ChronicStore); !ok || s == nil || s.db != db {
			return false
		}
	}
	if q.Maternal != nil {
		if s, ok := q.Maternal.(*MaternalStore); !ok || s == nil || s.db != db {
			return false
		}
	}
	if q.Child != nil {
		if s, ok := q.Child.(*ChildStore); !ok || s == nil || s.db != db {
			return false
		}
	}
	if q.Immunization != nil {
		if s, ok := q.Immunization.(*ImmunizationStore); !ok || s == nil || s.db != db {
			return false
		}
	}
	return db.ownsReferrals(q)
}

// scan is one table's rows in resident order, read and decoded by a goroutine of its
// own (the rows of one table, then the next batch, while the merge works on the
// previous one), handed over in small batches: reading and decoding, most of the work,
// run on every core, and at most a few batches per table are held at a time.
type scan struct {
	op   string
	rows *sql.Rows
	// decode decodes a body; nil for a scan whose body is not read.
	decode func(op string, body []byte) (any, error)
	// read, when set, reads a row of the scan's own columns instead, returning its
	// resident key and its record (the counted residents' scan); its error is final.
	read func(rows *sql.Rows) (key []byte, x any, err error)
	ch   chan rowBatch
	cur  []row // the current batch, from its current row
	done bool
	err  error
}

// row is one row of a scan: its resident key, its owner (the patient or child record
// of a visit, the household of a head) and its decoded record.
type row struct {
	key, owner string
	x          any
}

type rowBatch struct {
	rows []row
	err  error
}

// scanBatch is the number of rows handed over at a time; scanAhead the batches a scan
// may read ahead of the merge.
const (
	scanBatch = 64
	scanAhead = 2
)

// decoder returns the decode function of a scan of T records.
func decoder[T any]() func(op string, body []byte) (any, error) {
	return func(op string, body []byte) (any, error) {
		x, err := decode[T](op, body)
		if err != nil {
			return nil, err
		}
		return x, nil
	}
}

// countedResident is what the indicators' rules read of a resident (see
// indicators.CountedSubjectSource): decoding it skips the rest of the body, the
// personal basic information form above all.
type countedResident struct {
	ID         healthrecord.ResidentID
	Archive    healthrecord.ArchiveNumber
	BirthDate  gongwei.Date
	Household  healthrecord.HouseholdID
	Created    gongwei.Date
	Electronic bool
	Info       struct {
		Residence   healthrecord.ResidenceType
		LivingSince gongwei.Date
	}
	Closure healthrecord.Closure
	Derived healthrecord.ResidentOutcome
}

// decodeCountedResident decodes the fields of a resident the indicators' rules read,
// or the whole resident when its stored outcome is of another edition of the rules
// (the rules then derive it again from the whole record).
func decodeCountedResident(op string, body []byte) (any, error) {
	c, err := decode[countedResident](op, body)
	if err != nil {
		return nil, err
	}
	if c.Derived.Edition != healthrecord.RulesEdition {
		return decode[healthrecord.Resident](op, body)
	}
	r := &healthrecord.Resident{
		ID: c.ID, Archive: c.Archive, BirthDate: c.BirthDate, Household: c.Household,
		Created: c.Created, Electronic: c.Electronic, Closure: c.Closure, Derived: c.Derived,
	}
	r.Info.Residence, r.Info.LivingSince = c.Info.Residence, c.Info.LivingSince
	return r, nil
}

// produce reads and decodes the rows of s until they end, fail or stop is closed, and
// closes s.ch.
func (s *scan) produce(ctx context.Context, db *DB, stop <-chan struct{}) {
	defer close(s.ch)
	defer s.rows.Close()
	var key, owner, body sql.RawBytes
	var last, lastOwner string
	batch := make([]row, 0, scanBatch)
	send := func(b rowBatch) bool {
		select {
		case s.ch <- b:
			return true
		case <-stop:
			return false
		}
	}
	for s.rows.Next() {
		var x any
		if s.read != nil {
			var err error
			if key, x, err = s.read(s.rows); err != nil {
				send(rowBatch{err: err})
				return
			}
		} else if err := s.rows.Scan(&key, &owner, &body); err != nil {
			send(rowBatch{err: db.fail(ctx, s.op, err)})
			return
		}
		// Rows come in resident order: a key equal to the last one shares its string,
		// and so does an owner.
		if string(key) != last {
			last = string(key)
		}
		if string(owner) != lastOwner {
			lastOwner = string(owner) // the patient or child of consecutive visits
		}
		r := row{key: last, owner: lastOwner, x: x}
		if s.read == nil && s.decode != nil {
			x, err := s.decode(s.op, body)
			if err != nil {
				send(rowBatch{err: err})
				return
			}
			r.x = x
		}
		if batch = append(batch, r); len(batch) == scanBatch {
			if !send(rowBatch{rows: batch}) {
				return
			}
			batch = make([]row, 0, scanBatch)
		}
	}
	if err := s.rows.Err(); err != nil {
		send(rowBatch{err: db.fail(ctx, s.op, err)})
		return
	}
	if len(batch) > 0 {
		send(rowBatch{rows: batch})
	}
}

// advance moves to the next row, receiving the next batch when the current one is
// used up; a failure of the scan is kept in s.err and ends it.
func (s *scan) advance() {
	if s.done {
		return
	}
	if len(s.cur) > 1 {
		s.cur = s.cur[1:]
		return
	}
	b, ok := <-s.ch
	switch {
	case !ok:
		s.cur, s.done = nil, true
	case b.err != nil:
		s.cur, s.done, s.err = nil, true, b.err
	default:
		s.cur = b.rows
	}
}

// at reports whether the scan's current row belongs to resident key.
func (s *scan) at(key string) bool { return s != nil && !s.done && s.cur[0].key == key }

// merge holds the open scans of one Subjects pass.
type merge struct {
	db  *DB
	q   indicators.SubjectQuery
	all []*scan

	residents, households, checkups, contracts, events *scan
	patients, chronicVisits                            *scan
	pregnancies                                        *scan
	children, childVisits                              *scan
	registrations, vaccinations                        *scan
	referrals                                          *scan

	ctx context.Context
	// counted is set for the subjects of CountedSubjects.
	counted bool
	stop    chan struct{}           // closed to stop the scans' goroutines
	wg      sync.WaitGroup          // the scans' goroutines
	key     string                  // the resident being merged
	extra   []*indicators.ChildCase // child records sharing the key, each a subject of its own
	asOf    gongwei.Date
}

// openMerge runs every query q needs and reads the first row of each.
// With counted set, the residents, checkups, contracts, events and vaccinations are
// read for the indicators' rules alone (CountedSubjects).
func (db *DB) openMerge(ctx context.Context, q indicators.SubjectQuery, counted bool) (*merge, error) {
	return db.openScans(ctx, q, counted, nil)
}

// openScans is openMerge, or, with explain set, calls explain with the query of each
// scan (for the database: placeholders rebound) and its arguments instead of running
// it, and returns a merge of scans without rows.
func (db *DB) openScans(ctx context.Context, q indicators.SubjectQuery, counted bool, explain func(op, query string, args []any) error) (*merge, error) {
	m := &merge{db: db, q: q, ctx: ctx, counted: counted, stop: make(chan struct{}), asOf: q.Period.Last()}
	// start opens a scan decoding its bodies with dec, or reading its rows with read
	// when set.
	start := func(op, query string, dec func(string, []byte) (any, error), read func(*sql.Rows) ([]byte, any, error), args ...any) (*scan, error) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("sqlstore: %s: %w", op, err)
		}
		if explain != nil {
			s := &scan{op: op, done: true}
			m.all = append(m.all, s)
			return s, explain(op, db.d.rebind(query), args)
		}
		rows, err := db.sql.QueryContext(ctx, db.d.rebind(query), args...)
		if err != nil {
			return nil, db.fail(ctx, op, err)
		}
		s := &scan{op: op, rows: rows, decode: dec, read: read, ch: make(chan rowBatch, scanAhead)}
		m.all = append(m.all, s)
		m.wg.Add(1)
		go func() {
			defer m.wg.Done()
			s.produce(ctx, db, m.stop)
		}()
		return s, nil
	}
	open := func(op, query string, dec func(string, []byte) (any, error), args ...any) (*scan, error) {
		return start(op, query, dec, nil, args...)
	}
	fail := func(err error) (*merge, error) {
		m.close()
		return nil, err
	}
	p, asOf := q.Period, q.Period.Last()
	raw := db.d.rawText
	var err error
	if q.Records != nil {
		// Residents and the rows joined to them are restricted to the prefix's
		// archive numbers; without a prefix every row is read and the merge drops
		// those of residents without an archive number.
		lo, hi, inRange := "", "", ""
		if q.Prefix != "" {
			var ok bool
			if lo, hi, ok = prefixRange(q.Prefix); !ok {
				lo, hi = "1", "0" // nothing: archive numbers are digits
			}
			// CROSS JOIN: the table joined drives (in SQLite it is the outer loop),
			// so its rows come in its index's resident order, unsorted.
			inRange = " CROSS JOIN residents r"
		}
		withRange := func(args ...any) []any {
			if q.Prefix == "" {
				return args
			}
			return append(args, lo, hi)
		}
		// rangeCond is the condition on the residents joined, after the table's own.
		rangeCond := ""
		if q.Prefix != "" {
			rangeCond = " AND r.id = t.resident AND r.archive >= ? AND r.archive < ?"
		}
		un := db.d.unindexed
		resCond := ""
		var resArgs []any
		if q.Prefix != "" {
			resCond = " AND " + db.d.unindexed + "archive >= ? AND " + db.d.unindexed + "archive < ?"
			resArgs = []any{lo, hi}
		}
		if counted {
			// What the rules read of a resident is in columns of its own.
			const op = "scan residents"
			m.residents, err = start(op, db.d.countedResidentsQuery(resCond), nil, db.countedResidents(ctx, op), resArgs...)
		} else {
			m.residents, err = open("scan residents", "SELECT "+raw("id")+", '', "+raw("body")+" FROM residents WHERE archive <> ''"+resCond+" ORDER BY id", decoder[healthrecord.Resident](), resArgs...)
		}
		if err != nil {
			return fail(err)
		}
		head := db.d.householdHead
		if m.households, err = open("scan households",
			"SELECT "+raw(head)+", "+raw("id")+", '' FROM households WHERE "+head+" <> '' ORDER BY "+head+", id", nil); err != nil {
			return fail(err)
		}
		w := healthrecord.DynamicUseWindow(asOf)
		// A resident's events come as one row, a JSON array of their bodies: the most
		// numerous records cost one row and one decode per resident. Counted, the row
		// packs their kinds and dates, read from their columns.
		events, decodeEvents := raw(db.d.jsonArray("t.body", "t.date, t.seq")), decoder[[]healthrecord.ServiceEvent]()
		if counted {
			events, decodeEvents = db.d.countedEventsColumn(), countedEvents()
		}
		if m.events, err = open("scan service events",
			"SELECT "+raw("t.resident")+", '', "+events+" FROM service_events t"+inRange+
				" WHERE t.date >= ? AND t.date < ?"+rangeCond+" GROUP BY t.resident ORDER BY t.resident", decodeEvents,
			withRange(dateText(w.Start), dateText(w.End))...); err != nil {
			return fail(err)
		}
		day := gongwei.Days(asOf, 1)
		decodeContract, decodeCheckup := decoder[healthrecord.Contract](), decoder[healthrecord.Checkup]()
		if counted {
			decodeContract, decodeCheckup = decodeCountedContract, decodeCountedCheckup
		}
		if m.contracts, err = open("scan contracts",
			"SELECT "+raw("t.resident")+", '', "+raw("t.body")+" FROM contracts t"+inRange+" WHERE "+un+"t.period_end > ? AND "+un+"t.period_start < ?"+rangeCond+" ORDER BY t.resident, t.period_start, t.id", decodeContract,
			withRange(dateText(day.Start), dateText(day.End))...); err != nil {
			return fail(err)
		}
		if m.checkups, err = open("scan checkups",
			"SELECT "+raw("t.resident")+", '', "+raw("t.body")+" FROM checkups t"+inRange+" WHERE "+un+"t.date >= ? AND "+un+"t.date < ?"+rangeCond+" ORDER BY t.resident, t.date, t.id", decodeCheckup,
			withRange(dateText(p.Start), dateText(p.End))...); err != nil {
			return fail(err)
		}
	}
	// The other domains' jurisdiction is a prefix of their village column.
	village := func(alias string) (string, []any) {
		if q.Prefix == "" {
			return "1 = 1", nil
		}
		lo, hi, ok := prefixRange(q.Prefix)
		if !ok {
			return "1 = 0", nil
		}
		// Unindexed: the scans keep their resident order.
		return db.d.unindexed + alias + ".village >= ? AND " + db.d.unindexed + alias + ".village < ?", []any{lo, hi}
	}
	if q.Chronic != nil {
		cond, args := village("p")
		if m.patients, err = open("scan chronic patients",
			"SELECT "+raw("p.resident")+", "+raw("p.id")+", "+raw("p.body")+" FROM chronic_patients p WHERE "+cond+" ORDER BY p.resident, p.village, p.id", decoder[chronic.Patient](), args...); err != nil {
			return fail(err)
		}
		if m.chronicVisits, err = open("scan chronic visits",
			"SELECT "+raw("p.resident")+", "+raw("v.patient")+", "+raw("v.body")+" FROM chronic_patients p JOIN chronic_visits v ON v.patient = p.id WHERE "+cond+
				" AND (p.condition_code = ? OR (v.date >= ? AND v.date < ?)) ORDER BY p.resident, p.village, p.id"+db.d.distinctRow("p")+", v.date, v.id", decoder[chronic.Visit](),
			append(args, string(chronic.Tuberculosis), dateText(p.Start), dateText(p.End))...); err != nil {
			return fail(err)
		}
	}
	if q.Maternal != nil {
		cond, args := village("p")
		if m.pregnancies, err = open("scan pregnancies",
			"SELECT "+raw("p.resident")+", '', "+raw("p.body")+" FROM maternal_pregnancies p WHERE "+cond+
				" AND p.span_start < ? AND (p.span_end = '' OR p.span_end > ?) ORDER BY p.resident, p.village, p.id", decoder[maternal.Pregnancy](),
			append(args, dateText(p.End), dateText(p.Start))...); err != nil {
			return fail(err)
		}
	}
	if q.Child != nil {
		cond, args := village("c")
		if m.children, err = open("scan child records",
			"SELECT "+raw("c.resident")+", "+raw("c.id")+", "+raw("c.body")+" FROM child_records c WHERE "+cond+" AND c.birth < ? ORDER BY c.resident, c.id", decoder[child.Child](),
			append(args, dateText(p.End))...); err != nil {
			return fail(err)
		}
		if m.childVisits, err = open("scan child visits",
			"SELECT "+raw("c.resident")+", "+raw("v.child")+", "+raw("v.body")+" FROM child_records c JOIN child_visits v ON v.child = c.id WHERE "+cond+
				" AND c.birth < ? ORDER BY c.resident, c.id"+db.d.distinctRow("c")+", v.date, v.id", decoder[child.Visit](),
			append(args, dateText(p.End))...); err != nil {
			return fail(err)
		}
	}
	if q.Immunization != nil {
		cond, args := village("r")
		if m.registrations, err = open("scan registrations",
			"SELECT "+raw("r.id")+", '', "+raw("r.body")+" FROM immunization_registrations r WHERE "+cond+" ORDER BY r.id", decoder[immunization.Registration](), args...); err != nil {
			return fail(err)
		}
		// The vaccinations of the jurisdiction's registrations; without a prefix every
		// one, and the merge drops those of residents without a registration.
		from := "immunization_vaccinations v WHERE 1 = 1"
		if q.Prefix != "" {
			from = "immunization_registrations r JOIN immunization_vaccinations v ON v.resident = r.id WHERE " + cond
		}
		const op = "scan vaccinations"
		if counted {
			// What the rules read of a vaccination, its dose, is in columns of its own.
			m.vaccinations, err = start(op, "SELECT "+raw("v.resident")+", "+raw("v.vaccine")+", "+raw("v.date")+", v.dose_number, v.outbreak FROM "+from+
				" ORDER BY v.resident, v.date, v.id", nil, db.countedDoses(ctx, op), args...)
		} else {
			m.vaccinations, err = open(op, "SELECT "+raw("v.resident")+", '', "+raw("v.body")+" FROM "+from+
				" ORDER BY v.resident, v.date, v.id", decoder[immunization.Vaccination](), args...)
		}
		if err != nil {
			return fail(err)
		}
	}
	if q.Referrals != nil {
		if m.referrals, err = db.openReferrals(open, village, p); err != nil {
			return fail(err)
		}
	}
	for _, s := range m.all {
		s.advance()
	}
	return m, nil
}

// distinctRow returns the ORDER BY term that follows the terms of a scan's index when
// the rows of the table alias are joined to rows of another table whose order comes
// next (a patient's visits by date): on SQLite, the table's rowid. SQLite's planner
// takes the rows of an index that is not UNIQUE as possibly repeating its ORDER BY
// terms, and sorts each group of rows on the joined table's terms in a temporary
// B-tree although the index of the join gives them in that order; the rowid, unique,
// tells it that the group is one row's, so the scan keeps the two indexes' order
// without a sort. It changes nothing of the order: the terms before it name the row.
func (d *dialect) distinctRow(alias string) string {
	if d.numbered {
		return ""
	}
	return ", " + alias + ".rowid"
}

// close stops the scans' goroutines and waits for them to close their rows.
func (m *merge) close() {
	close(m.stop)
	m.wg.Wait()
}

// next merges the rows of the smallest resident key of all scans into a subject, and
// returns false when every scan is done. Keys with rows only in tables the indicators
// do not read for them (a checkup of a resident outside the jurisdiction) give no
// subject.
func (m *merge) next(ctx context.Context) (*indicators.Subject, bool, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, false, fmt.Errorf("sqlstore: scan subjects: %w", err)
		}
		if len(m.extra) > 0 {
			c := m.extra[0]
			m.extra = m.extra[1:]
			return &indicators.Subject{Child: c}, true, nil
		}
		min, found := "", false
		for _, s := range m.all {
			if s.err != nil {
				return nil, false, s.err
			}
			if !s.done && (!found || s.cur[0].key < min) {
				min, found = s.cur[0].key, true
			}
		}
		if !found {
			return nil, false, nil
		}
		m.key = min
		s, err := m.subject()
		if err != nil {
			return nil, false, err
		}
		if s != nil {
			return s, true, nil
		}
	}
}

// subject consumes every row of the resident m.key and returns its subject, or nil when
// those rows carry nothing the indicators read.
func (m *merge) subject() (*indicators.Subject, error) {
	s := &indicators.Subject{}
	empty := true
	var err error
	// The health record, and what the record indicators read of it.
	var r *healthrecord.Resident
	if m.residents.at(m.key) {
		if r, err = decodeRow[healthrecord.Resident](m, m.residents); err != nil {
			return nil, err
		}
		if r.Archive.IsZero() || !r.ActiveOn(m.asOf) {
			r = nil // not counted; its other records still are
		}
	}
	permanent := r != nil && r.Info.PermanentOn(m.asOf)
	elderly := permanent && healthrecord.IsElderlyOn(r.BirthDate, m.asOf)
	if r != nil {
		s.Resident, empty = r, false
	}
	for m.households.at(m.key) {
		if permanent && r.Household != "" && m.households.cur[0].owner == string(r.Household) {
			s.HeadsHousehold = true
		}
		if err := m.skip(m.households); err != nil {
			return nil, err
		}
	}
	for m.events.at(m.key) {
		if r == nil {
			err = m.skip(m.events)
		} else {
			var es *[]healthrecord.ServiceEvent
			if es, err = decodeRow[[]healthrecord.ServiceEvent](m, m.events); err == nil {
				if s.Events == nil {
					s.Events = *es // decoded for this subject alone
				} else {
					s.Events = append(s.Events, *es...)
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if s.Contracts, err = rowsOf[healthrecord.Contract](m, m.contracts, permanent, s.Contracts); err != nil {
		return nil, err
	}
	if s.Checkups, err = rowsOf[healthrecord.Checkup](m, m.checkups, elderly, s.Checkups); err != nil {
		return nil, err
	}
	if m.counted && len(s.Checkups) > 0 {
		if err := m.db.wholeCheckups(m.ctx, s.Checkups, r.BirthDate); err != nil {
			return nil, err
		}
	}

	// Chronic-disease registrations with their visits.
	for m.patients.at(m.key) {
		pt, err := decodeRow[chronic.Patient](m, m.patients)
		if err != nil {
			return nil, err
		}
		s.Chronic, empty = append(s.Chronic, indicators.ChronicCase{Patient: pt}), false
	}
	for m.chronicVisits.at(m.key) {
		i := 0
		for i < len(s.Chronic) && string(s.Chronic[i].Patient.ID) != m.chronicVisits.cur[0].owner {
			i++
		}
		if i == len(s.Chronic) {
			err = m.skip(m.chronicVisits)
		} else {
			var v *chronic.Visit
			if v, err = decodeRow[chronic.Visit](m, m.chronicVisits); err == nil {
				s.Chronic[i].Visits = append(s.Chronic[i].Visits, v)
			}
		}
		if err != nil {
			return nil, err
		}
	}

	// Pregnancies.
	if s.Pregnancies, err = rowsOf[maternal.Pregnancy](m, m.pregnancies, true, s.Pregnancies); err != nil {
		return nil, err
	}
	if len(s.Pregnancies) > 0 {
		empty = false
	}

	// Child records (one per resident; those without a resident share the empty key
	// and become subjects of their own) with their visits.
	var children []*indicators.ChildCase
	for m.children.at(m.key) {
		c, err := decodeRow[child.Child](m, m.children)
		if err != nil {
			return nil, err
		}
		children = append(children, &indicators.ChildCase{Child: c})
	}
	for m.childVisits.at(m.key) {
		i := 0
		for i < len(children) && string(children[i].Child.ID) != m.childVisits.cur[0].owner {
			i++
		}
		if i == len(children) {
			err = m.skip(m.childVisits)
		} else {
			var v *child.Visit
			if v, err = decodeRow[child.Visit](m, m.childVisits); err == nil {
				children[i].Visits = append(children[i].Visits, v)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if len(children) > 0 {
		s.Child, empty = children[0], false
	}

	// The vaccination record.
	if m.registrations.at(m.key) {
		reg, err := decodeRow[immunization.Registration](m, m.registrations)
		if err != nil {
			return nil, err
		}
		s.Immunization, empty = &indicators.ImmunizationCase{Registration: reg}, false
	}
	for m.vaccinations.at(m.key) {
		if s.Immunization == nil {
			err = m.skip(m.vaccinations)
		} else {
			var v *immunization.Vaccination
			if v, err = decodeRow[immunization.Vaccination](m, m.vaccinations); err == nil {
				s.Immunization.Vaccinations = append(s.Immunization.Vaccinations, v)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	// The referral register's slips.
	if s.Referrals, err = rowsOf[referral.Referral](m, m.referrals, true, s.Referrals); err != nil {
		return nil, err
	}
	if len(s.Referrals) > 0 {
		empty = false
	}
	if empty {
		return nil, nil
	}
	if len(children) > 1 {
		// Only records without a resident share a key: a subject's child stays alone.
		m.extra = children[1:]
	}
	return s, nil
}

// skip moves past the current row of s without reading it.
func (m *merge) skip(s *scan) error {
	s.advance()
	return s.err
}

// decodeRow returns the record of the current row of s and moves past it.
func decodeRow[T any](m *merge, s *scan) (*T, error) {
	x, _ := s.cur[0].x.(*T)
	s.advance()
	if s.err != nil {
		return nil, s.err
	}
	if x == nil {
		return nil, fmt.Errorf("sqlstore: %s: no record", s.op)
	}
	return x, nil
}

// rowsOf appends to out the records of s for the current resident when keep is set,
// and skips them otherwise.
func rowsOf[T any](m *merge, s *scan, keep bool, out []*T) ([]*T, error) {
	for s.at(m.key) {
		if !keep {
			if err := m.skip(s); err != nil {
				return nil, err
			}
			continue
		}
		x, err := decodeRow[T](m, s)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}
