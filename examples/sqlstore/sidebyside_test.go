package sqlstore_test

// The side-by-side: one family of indicators computed three
// ways over the same synthetic county held in SQLite —
//
//   - sql: plain SQL inside SQLite, GROUP BY village over the store's tables
//     (sideBySideSQL), reading the JSON bodies with json_extract;
//   - library: the library's streamed tally over the same store
//     (indicators.RecordIndicators and indicators.ChronicIndicators);
//   - handloop: a hand-written loop over the same records read once into plain Go
//     slices (the floor: no store, no decoding, no interface in the loop).
//
// TestSideBySide proves the three give the same numerator and denominator for every
// indicator of the family in every village; BenchmarkSideBySide (bench_sidebyside_test.go)
// times them.

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gongwei-lib/gongwei"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	"github.com/gongwei-lib/gongwei/chronic"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/examples/sqlstore"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

// sideBySideCodes is the family the three computations share: every indicator of
// RecordIndicators and ChronicIndicators that plain SQL can compute exactly from the
// stored columns and JSON bodies. Left out, because their rule is the library's
// validation rather than a comparison of stored values: record.coverage and
// record.qualified (healthrecord.Resident.Complete runs the form's validation and
// missing-item rules), elderly.management and elderly.checkup_complete
// (healthrecord.Checkup.ElderlyManaged validates the checkup against the resident),
// tcm.elderly (the 33-item TCM form's completeness), tb.regular_medication
// (chronic.TBCourse.Regular); record.household and tb.management could be written in
// SQL but the synthetic county has no TB patients to prove the latter on, and the
// former's denominator is the census.
var sideBySideCodes = []indicators.Code{
	"record.electronic", "record.usage", "record.contract",
	"ht.management", "ht.standard_management", "ht.bp_control",
	"dm.management", "dm.standard_management", "dm.glucose_control",
	"smi.standard_management",
}

// onlyFamily returns the cells of t whose code is in sideBySideCodes.
func onlyFamily(t *indicators.Tally) *indicators.Tally {
	out := indicators.NewTally(t.Len())
	for k, c := range t.All() {
		if slices.Contains(sideBySideCodes, k.Code) {
			out.AddCounts(k, c)
		}
	}
	return out
}

// ---- The county, loaded once per process and size ----

// benchCounty is a synthetic county loaded into an SQLite file.
type benchCounty struct {
	county *synth.County
	db     *sqlstore.DB
	load   time.Duration // how long loading took (0 when reused from GONGWEI_BENCH_DIR)
}

var (
	countyMu    sync.Mutex
	countyOnces = map[countyKey]*countyOnce{}
	countyDir   string // the process's cache directory, removed by TestMain
)

// countyKey names a cached county: its residents, and whether every domain is loaded
// or only the health record and chronic diseases (the side-by-side's family).
type countyKey struct {
	n   int
	all bool
}

type countyOnce struct {
	once sync.Once
	c    *benchCounty
	err  error
}

// atExit are the clean-ups TestMain runs when the tests and benchmarks end, last added
// first.
var atExit []func()

// dropAtExit adds f to the clean-ups TestMain runs at the end.
func dropAtExit(f func()) {
	countyMu.Lock()
	atExit = append(atExit, f)
	countyMu.Unlock()
}

// memStores are fresh in-memory stores of every domain.
func memStores() synth.Stores {
	return synth.Stores{Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
		Child: childmem.New(), Immunization: immunizationmem.New(), Supervision: supervisionmem.New(), Education: educationmem.New()}
}

// TestMain removes the counties cached by loadCounty when the tests and benchmarks end.
func TestMain(m *testing.M) {
	code := m.Run()
	countyMu.Lock()
	for i := len(atExit) - 1; i >= 0; i-- {
		atExit[i]()
	}
	for _, o := range countyOnces {
		if o.c != nil {
			o.c.db.Close()
		}
	}
	if countyDir != "" {
		os.RemoveAll(countyDir)
	}
	countyMu.Unlock()
	os.Exit(code)
}

// loadCounty returns the synthetic county of n residents (synth.DefaultConfig(n))
// loaded into an SQLite file through the domain services — every domain when all is
// set, else the health record and chronic diseases only — loading it on the first call
// for (n, all) in this process. The file lives in a temporary directory removed when the
// process's tests end; with GONGWEI_BENCH_DIR set it lives there instead and is kept,
// and a later process reuses it (a marker file records a finished load).
func loadCounty(tb testing.TB, n int, all bool) *benchCounty {
	tb.Helper()
	k := countyKey{n, all}
	countyMu.Lock()
	o := countyOnces[k]
	if o == nil {
		o = &countyOnce{}
		countyOnces[k] = o
	}
	countyMu.Unlock()
	o.once.Do(func() { o.c, o.err = openCounty(k) })
	if o.err != nil {
		tb.Fatal(o.err)
	}
	return o.c
}

func openCounty(k countyKey) (*benchCounty, error) {
	ctx := context.Background()
	county, err := synth.New(synth.DefaultConfig(k.n))
	if err != nil {
		return nil, err
	}
	dir := os.Getenv("GONGWEI_BENCH_DIR")
	if dir == "" {
		countyMu.Lock()
		if countyDir == "" {
			countyDir, err = os.MkdirTemp("", "gongwei-sqlbench-")
		}
		dir = countyDir
		countyMu.Unlock()
		if err != nil {
			return nil, err
		}
	}
	name := "county-" + strconv.Itoa(k.n)
	if !k.all {
		name += "-records-chronic"
	}
	path := filepath.Join(dir, name+".db")
	done := path + ".loaded"
	if _, err := os.Stat(done); err == nil {
		db, err := sqlstore.Open(ctx, "sqlite:"+path)
		if err != nil {
			return nil, err
		}
		return &benchCounty{county: county, db: db}, nil
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	db, err := sqlstore.Open(ctx, "sqlite:"+path)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	stores := countyStores(db)
	if !k.all {
		stores = synth.Stores{Records: stores.Records, Chronic: stores.Chronic}
	}
	if err := loadTownships(ctx, county, stores); err != nil {
		db.Close()
		return nil, err
	}
	took := time.Since(start)
	if _, err := db.SQL().ExecContext(ctx, "ANALYZE"); err != nil {
		db.Close()
		return nil, err
	}
	if err := os.WriteFile(done, []byte(took.String()+"\n"), 0o600); err != nil {
		db.Close()
		return nil, err
	}
	return &benchCounty{county: county, db: db, load: took}, nil
}

// countyStores are every domain store of db.
func countyStores(db *sqlstore.DB) synth.Stores {
	return synth.Stores{
		Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(),
		Child: db.Child(), Immunization: db.Immunization(),
		Supervision: db.Supervision(), Education: db.Education(),
	}
}

// loadTownships loads the county's townships two at a time (county.LoadAll, in
// parallel): SQLite serialises the writes, but validation, classification and JSON
// encoding overlap them.
func loadTownships(ctx context.Context, c *synth.County, s synth.Stores) error {
	townships := synth.DefaultConfig(c.Residents()).Townships
	errs := make(chan error, townships)
	sem := make(chan struct{}, 2)
	for t := 1; t <= townships; t++ {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			errs <- c.LoadTownship(ctx, s, t)
		}()
	}
	var first error
	for range townships {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// ---- (2) The library ----

// libraryFamily runs the library's streamed tally of the health-record and chronic
// indicators over db for period p (every indicator those two passes fill, of which the
// family is a part).
func libraryFamily(ctx context.Context, db *sqlstore.DB, p gongwei.Period) (*indicators.Tally, error) {
	t := indicators.NewTally(1024)
	if err := indicators.RecordIndicators(ctx, db.HealthRecord(), "", p, t); err != nil {
		return nil, err
	}
	if err := indicators.ChronicIndicators(ctx, db.Chronic(), "", p, nil, t); err != nil {
		return nil, err
	}
	return t, nil
}

// ---- (1) Plain SQL ----

// ageMonthsSQL is SQL for the completed months from date d to date on (both ISO text),
// gongwei.Date.AgeMonths: the months between them, less one when d's day of the month
// is later than on's and on is not the last day of its month (a month from 31 January
// is complete on 28 February).
func ageMonthsSQL(d, on string) string {
	return fmt.Sprintf(`((CAST(substr(%[2]s,1,4) AS INTEGER) - CAST(substr(%[1]s,1,4) AS INTEGER)) * 12
		+ CAST(substr(%[2]s,6,2) AS INTEGER) - CAST(substr(%[1]s,6,2) AS INTEGER)
		- (CAST(substr(%[1]s,9,2) AS INTEGER) > CAST(substr(%[2]s,9,2) AS INTEGER)
			AND %[2]s <> date(%[2]s, 'start of month', '+1 month', '-1 day')))`, d, on)
}

// recordSQL computes record.electronic, record.usage and record.contract per village
// (the first 12 digits of the archive number) as of ?1 = asOf, the last day of the
// period, with ?2..?3 the usage window [start, end) (healthrecord.DynamicUseWindow) and
// ?4 the months of residence that make a non-registered resident permanent
// (healthrecord.PermanentResidenceMonths). The rules are RecordIndicators':
//
//   - held (the denominator of record.usage): an archive number, created on or before
//     asOf (or no creation date), and not closed, or closed after asOf;
//   - permanent (the denominator of electronic and contract): registered residence
//     ('1'), or non-registered ('2') living in the area since a date on or before asOf
//     at least ?4 completed months before it;
//   - used: an event of a kind that counts as use (any kind but basic_info) dated in
//     the window; contracted: a contract whose [period_start, period_end) holds asOf.
var recordSQL = `
WITH held AS (
	SELECT r.id, substr(r.archive, 1, 12) AS unit, r.body
	FROM residents r
	WHERE r.archive <> ''
		AND coalesce(json_extract(r.body, '$.Created'), '') <= ?1
		AND (json_extract(r.body, '$.Closure.Reason') = 0 OR json_extract(r.body, '$.Closure.Date') > ?1)
), flags AS (
	SELECT unit,
		CASE json_extract(body, '$.Info.Residence')
			WHEN '1' THEN 1
			WHEN '2' THEN coalesce(json_extract(body, '$.Info.LivingSince') <= ?1
				AND ` + ageMonthsSQL("json_extract(body, '$.Info.LivingSince')", "?1") + ` >= ?4, 0)
			ELSE 0 END AS permanent,
		json_extract(body, '$.Electronic') AS electronic,
		EXISTS (SELECT 1 FROM service_events e
			WHERE e.resident = held.id AND e.date >= ?2 AND e.date < ?3
				AND e.kind IN ('checkup', 'hypertension_follow_up', 'diabetes_follow_up',
					'mental_follow_up', 'tb_visit', 'prenatal_visit', 'postpartum_visit',
					'postpartum_checkup', 'newborn_visit', 'child_checkup', 'vaccination',
					'tcm', 'elderly_assessment', 'consultation', 'joint_consultation',
					'referral')) AS used,
		EXISTS (SELECT 1 FROM contracts c
			WHERE c.resident = held.id AND c.period_start <> '' AND c.period_start <= ?1
				AND ?1 < c.period_end) AS contracted
	FROM held
)
SELECT unit, count(*), sum(used), sum(permanent), sum(permanent AND electronic), sum(permanent AND contracted)
FROM flags GROUP BY unit ORDER BY unit`

// chronicSQL computes the hypertension, diabetes and mental-disorder indicators per
// village for the period [?1, ?2), with ?3 the follow-ups that make a patient managed
// per protocol (ChronicOptions.MinFollowUps, 4) and ?4/?5 the systolic targets under and
// from ?6 years of age, ?7 the diastolic target (chronic.HypertensionTarget), ?8 the
// fasting-glucose target (mmol/L, nbphs-spec §8.2). The rules are ChronicIndicators':
//
//   - managed: registered before the period ends, and not closed or closed on or after
//     its start;
//   - face to face: a hypertension or diabetes follow-up in the clinic (1) or at home
//     (2), or a mental-disorder follow-up that reached the patient, dated in the period;
//   - controlled: the latest follow-up in the period (latest date, then greatest ID) has
//     both pressures recorded and below the target of the patient's age in completed
//     years on its date, or a recorded fasting glucose below the target.
var chronicSQL = `
WITH managed AS (
	SELECT p.id, p.village AS unit, p.condition_code AS cond, json_extract(p.body, '$.Birth') AS birth,
		(SELECT count(*) FROM chronic_visits v
			WHERE v.patient = p.id AND v.date >= ?1 AND v.date < ?2
				AND CASE
					WHEN json_type(v.body, '$.Hypertension') = 'object' THEN json_extract(v.body, '$.Hypertension.Mode') IN (1, 2)
					WHEN json_type(v.body, '$.Diabetes') = 'object' THEN json_extract(v.body, '$.Diabetes.Mode') IN (1, 2)
					WHEN json_type(v.body, '$.Mental') = 'object' THEN NOT json_extract(v.body, '$.Mental.NotReached')
					WHEN json_type(v.body, '$.TB') = 'object' THEN NOT json_extract(v.body, '$.TB.NotReached')
					ELSE 0 END) AS face_to_face,
		(SELECT v.body FROM chronic_visits v
			WHERE v.patient = p.id AND v.date >= ?1 AND v.date < ?2
			ORDER BY v.date DESC, v.id DESC LIMIT 1) AS latest
	FROM chronic_patients p
	WHERE p.condition_code IN ('hypertension', 'diabetes', 'mental')
		AND coalesce(json_extract(p.body, '$.Registered'), '') <> ''
		AND json_extract(p.body, '$.Registered') < ?2
		AND (json_extract(p.body, '$.Closure.Reason') = 0 OR json_extract(p.body, '$.Closure.Date') >= ?1)
), flags AS (
	SELECT unit, cond, face_to_face >= ?3 AS standard,
		CASE cond
			WHEN 'hypertension' THEN coalesce(json_type(latest, '$.Hypertension') = 'object'
				AND json_extract(latest, '$.Hypertension.Systolic') > 0
				AND json_extract(latest, '$.Hypertension.Diastolic') > 0
				AND json_extract(latest, '$.Hypertension.Diastolic') < ?7
				AND json_extract(latest, '$.Hypertension.Systolic') <
					CASE WHEN birth IS NOT NULL AND ` + ageMonthsSQL("birth", "json_extract(latest, '$.Hypertension.Date')") + ` >= ?6 * 12
						THEN ?5 ELSE ?4 END, 0)
			WHEN 'diabetes' THEN coalesce(json_type(latest, '$.Diabetes') = 'object'
				AND json_extract(latest, '$.Diabetes.FastingGlucose') > 0
				AND json_extract(latest, '$.Diabetes.FastingGlucose') < ?8, 0)
			ELSE 0 END AS controlled
	FROM managed
)
SELECT unit, cond, count(*), sum(standard), sum(controlled)
FROM flags GROUP BY unit, cond ORDER BY unit, cond`

// sqlFamily computes the family with sideBySideSQL's two queries inside SQLite and
// returns the counts as a tally.
func sqlFamily(ctx context.Context, db *sql.DB, p gongwei.Period) (*indicators.Tally, error) {
	t := indicators.NewTally(256)
	asOf := p.Last()
	w := healthrecord.DynamicUseWindow(asOf)
	rows, err := db.QueryContext(ctx, recordSQL, asOf.String(), w.Start.String(), w.End.String(), healthrecord.PermanentResidenceMonths)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var unit string
		var held, used, permanent, electronic, contracted int64
		if err := rows.Scan(&unit, &held, &used, &permanent, &electronic, &contracted); err != nil {
			rows.Close()
			return nil, err
		}
		u := indicators.Unit(unit)
		t.Add("record.usage", u, p, used, held)
		if permanent > 0 {
			t.Add("record.electronic", u, p, electronic, permanent)
			t.Add("record.contract", u, p, contracted, permanent)
		}
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}

	young, old := chronic.HypertensionTarget(0), chronic.HypertensionTarget(healthrecord.ElderlyMinAge)
	rows, err = db.QueryContext(ctx, chronicSQL, p.Start.String(), p.End.String(), 4,
		young.SBP, old.SBP, healthrecord.ElderlyMinAge, young.DBP, 7.0)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var unit, cond string
		var managed, standard, controlled int64
		if err := rows.Scan(&unit, &cond, &managed, &standard, &controlled); err != nil {
			return nil, err
		}
		u := indicators.Unit(unit)
		switch cond {
		case "hypertension":
			t.Add("ht.management", u, p, managed, 0)
			t.Add("ht.standard_management", u, p, standard, managed)
			t.Add("ht.bp_control", u, p, controlled, managed)
		case "diabetes":
			t.Add("dm.management", u, p, managed, 0)
			t.Add("dm.standard_management", u, p, standard, managed)
			t.Add("dm.glucose_control", u, p, controlled, managed)
		case "mental":
			t.Add("smi.standard_management", u, p, standard, managed)
		}
	}
	return t, rows.Err()
}

// ---- (3) The hand-written loop ----

// flatCounty is the records of the family read once into plain slices, each sorted by
// its owner so the loop joins them by merging.
type flatCounty struct {
	residents []*healthrecord.Resident    // by ID
	events    []healthrecord.ServiceEvent // by resident
	contracts []*healthrecord.Contract    // by resident
	patients  []*chronic.Patient          // by ID
	visits    []*chronic.Visit            // by patient
	unitList  []indicators.Unit           // the units, for the counters' index
	unitIndex map[indicators.Unit]int     // unit → index in unitList
}

// readFlat reads the family's records from db into a flatCounty.
func readFlat(ctx context.Context, db *sqlstore.DB) (*flatCounty, error) {
	f := &flatCounty{unitIndex: map[indicators.Unit]int{}}
	hr := db.HealthRecord()
	for r, err := range hr.Residents(ctx, healthrecord.ResidentFilter{}) {
		if err != nil {
			return nil, err
		}
		f.residents = append(f.residents, r)
		if !r.Archive.IsZero() {
			f.unit(indicators.Unit(r.Archive.Village()))
		}
	}
	for e, err := range hr.Events(ctx, healthrecord.EventFilter{}) {
		if err != nil {
			return nil, err
		}
		f.events = append(f.events, e)
	}
	for c, err := range hr.Contracts(ctx, healthrecord.ContractFilter{}) {
		if err != nil {
			return nil, err
		}
		f.contracts = append(f.contracts, c)
	}
	ch := db.Chronic()
	for pt, err := range ch.Patients(ctx, chronic.PatientFilter{}) {
		if err != nil {
			return nil, err
		}
		f.patients = append(f.patients, pt)
		f.unit(indicators.Unit(pt.Village))
	}
	for v, err := range ch.Visits(ctx, chronic.VisitFilter{}) {
		if err != nil {
			return nil, err
		}
		f.visits = append(f.visits, v)
	}
	slices.SortFunc(f.residents, func(a, b *healthrecord.Resident) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(f.events, func(a, b healthrecord.ServiceEvent) int { return cmp.Compare(a.Resident, b.Resident) })
	slices.SortStableFunc(f.contracts, func(a, b *healthrecord.Contract) int { return cmp.Compare(a.Resident, b.Resident) })
	slices.SortFunc(f.patients, func(a, b *chronic.Patient) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(f.visits, func(a, b *chronic.Visit) int { return cmp.Compare(a.Patient, b.Patient) })
	return f, nil
}

func (f *flatCounty) unit(u indicators.Unit) {
	if _, ok := f.unitIndex[u]; !ok {
		f.unitIndex[u] = len(f.unitList)
		f.unitList = append(f.unitList, u)
	}
}

// handCounts are one unit's counters.
type handCounts struct {
	held, used, permanent, electronic, contracted int64
	// Per condition (0 hypertension, 1 diabetes, 2 mental): managed, standard, controlled.
	managed, standard, controlled [3]int64
}

// handFamily counts the family over f for period p in one pass over each slice, joining
// events and contracts to residents and visits to patients by merging.
func handFamily(f *flatCounty, p gongwei.Period) *indicators.Tally {
	counts := make([]handCounts, len(f.unitList))
	asOf := p.Last()
	w := healthrecord.DynamicUseWindow(asOf)
	ei, ci := 0, 0
	for _, r := range f.residents {
		for ei < len(f.events) && f.events[ei].Resident < r.ID {
			ei++
		}
		for ci < len(f.contracts) && f.contracts[ci].Resident < r.ID {
			ci++
		}
		if r.Archive.IsZero() || !r.ActiveOn(asOf) {
			continue
		}
		c := &counts[f.unitIndex[indicators.Unit(r.Archive.Village())]]
		c.held++
		for ; ei < len(f.events) && f.events[ei].Resident == r.ID; ei++ {
			if e := &f.events[ei]; e.Kind.CountsAsUse() && w.Contains(e.Date) {
				c.used++
				break
			}
		}
		if !r.Info.PermanentOn(asOf) {
			continue
		}
		c.permanent++
		if r.Electronic {
			c.electronic++
		}
		for ; ci < len(f.contracts) && f.contracts[ci].Resident == r.ID; ci++ {
			if f.contracts[ci].ActiveOn(asOf) {
				c.contracted++
				break
			}
		}
	}
	vi := 0
	for _, pt := range f.patients {
		for vi < len(f.visits) && f.visits[vi].Patient < pt.ID {
			vi++
		}
		k := 0
		switch pt.Condition {
		case chronic.Hypertension:
		case chronic.Diabetes:
			k = 1
		case chronic.Mental:
			k = 2
		default:
			continue
		}
		if !pt.ManagedIn(p) {
			continue
		}
		faceToFace := 0
		var latest *chronic.Visit
		for ; vi < len(f.visits) && f.visits[vi].Patient == pt.ID; vi++ {
			v := f.visits[vi]
			d := v.Date()
			if !p.Contains(d) {
				continue
			}
			if v.FaceToFace() {
				faceToFace++
			}
			if latest == nil || d.After(latest.Date()) || (d == latest.Date() && v.ID > latest.ID) {
				latest = v
			}
		}
		c := &counts[f.unitIndex[indicators.Unit(pt.Village)]]
		c.managed[k]++
		if faceToFace >= 4 {
			c.standard[k]++
		}
		switch {
		case k == 0 && latest != nil && latest.Hypertension != nil &&
			chronic.BPControlled(pt.Birth, latest.Date(), latest.Hypertension.Systolic, latest.Hypertension.Diastolic):
			c.controlled[k]++
		case k == 1 && latest != nil && latest.Diabetes != nil && chronic.GlucoseControlled(latest.Diabetes.FastingGlucose):
			c.controlled[k]++
		}
	}
	t := indicators.NewTally(len(counts) * len(sideBySideCodes))
	for i, c := range counts {
		u := f.unitList[i]
		if c.held > 0 {
			t.Add("record.usage", u, p, c.used, c.held)
		}
		if c.permanent > 0 {
			t.Add("record.electronic", u, p, c.electronic, c.permanent)
			t.Add("record.contract", u, p, c.contracted, c.permanent)
		}
		if n := c.managed[0]; n > 0 {
			t.Add("ht.management", u, p, n, 0)
			t.Add("ht.standard_management", u, p, c.standard[0], n)
			t.Add("ht.bp_control", u, p, c.controlled[0], n)
		}
		if n := c.managed[1]; n > 0 {
			t.Add("dm.management", u, p, n, 0)
			t.Add("dm.standard_management", u, p, c.standard[1], n)
			t.Add("dm.glucose_control", u, p, c.controlled[1], n)
		}
		if n := c.managed[2]; n > 0 {
			t.Add("smi.standard_management", u, p, c.standard[2], n)
		}
	}
	return t
}

// ---- The proof ----

// sideBySideResidents is the county of the equality test: small enough to load in a
// few seconds under -race (its health records and chronic diseases only, which is all
// the family reads), with every indicator of the family non-trivial.
const sideBySideResidents = 400

// TestSideBySide proves that plain SQL, the library and the hand-written loop give the
// same numerator and denominator for every indicator of the family in every village.
func TestSideBySide(t *testing.T) {
	ctx := context.Background()
	bc := loadCounty(t, sideBySideResidents, false)
	p := bc.county.Period()

	lib, err := libraryFamily(ctx, bc.db, p)
	if err != nil {
		t.Fatal(err)
	}
	want := onlyFamily(lib)
	got, err := sqlFamily(ctx, bc.db.SQL(), p)
	if err != nil {
		t.Fatal(err)
	}
	flat, err := readFlat(ctx, bc.db)
	if err != nil {
		t.Fatal(err)
	}
	hand := handFamily(flat, p)

	// The proof is worth something only if every indicator has cells with both
	// outcomes somewhere: a numerator above zero, and below the denominator.
	for _, code := range sideBySideCodes {
		var num, den, cells int64
		for k, c := range want.All() {
			if k.Code == code {
				num, den, cells = num+c.Num, den+c.Den, cells+1
			}
		}
		switch {
		case cells == 0:
			t.Errorf("%s: no cell in the library's tally", code)
		case num == 0:
			t.Errorf("%s: numerator 0 in every village (%d cells)", code, cells)
		case den != 0 && num == den && code != "smi.standard_management": // a handful of patients
			t.Errorf("%s: numerator equals denominator (%d) everywhere", code, num)
		}
	}
	compareTallies(t, "sql", got, want)
	compareTallies(t, "handloop", hand, want)
}
