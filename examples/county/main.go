// Command county runs a county platform's year-end computation (区县级平台): a synthetic
// county of many townships is generated and loaded township by township in parallel —
// health records, and through each domain's service chronic-disease patients and their
// follow-ups (classified by the library), pregnancies, children of 0-6 with their
// scheduled checks (growth assessed on the WHO standards), vaccination registrations and
// doses (evaluated against the national schedule), supervised units with their
// inspections, complaints and reports, and health education activities —; each
// township's indicators of every domain are then computed in parallel (one worker per
// township, each filling its own tally), the township tallies are merged into the
// county's, and the result is checked against a single pass over the whole county:
// merging is exact, so the figures are identical.
//
//	go run ./examples/county                  # 50,000 residents, in an SQLite file
//	go run ./examples/county -residents 200000 -workers 4
//	go run ./examples/county -level county,township,village -csv villages.csv -html county.html
//	go run ./examples/county -db postgres://user@host/db -residents 1000000
//	go run ./examples/county -db memory       # the in-memory stores
//
// The county lives in the database named by -db: an SQLite file by default (a path, or
// an sqlite: or file: DSN), a PostgreSQL database (a postgres:// URL), or memory. The
// load is recorded in the database, last, when it completes (examples/internal/loadstate):
// a completed load of the same size is reused, not loaded again; a load that did not
// finish (a killed run) is loaded again, never reported; a completed load of another
// size is refused; a second process on the same database waits for the first. Loading and
// computing show their progress on stderr (residents loaded, residents/s, time left;
// townships computed) when stderr is a terminal, unless -q; the computation from a
// database reads each township's records in one scan per table
// (indicators.SubjectSource) and reports the peak heap it took. On PostgreSQL the load's
// batches write their new residents' records at their end, many rows per INSERT
// (sqlstore.DB.DeferWrites; -defer-writes=false writes each record at once).
//
// The merged tally holds every figure per village; it is rolled up village → township →
// county (indicators.Tally.RollUp), and a report is made per level chosen with -level:
//
//   - county: the per-township tables of the headline indicators (records, chronic
//     diseases and maternal care, child health, vaccination coverage, health education),
//     the county's report against the example plan (every plan row of an implemented
//     indicator) and the county's figures of the implemented indicators the plan sets no
//     target for;
//   - township: each township's report against its own example plan;
//   - village: every village's figures of every implemented indicator (and each health
//     centre's own, such as its lectures), as CSV (-csv).
//
// The county's report is also written as an HTML page (-html) with a WHO growth chart of
// one child of the county (no name, no ID number).
package main

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	childmem "github.com/gongwei-lib/gongwei/child/memstore"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/gongwei-lib/gongwei/education"
	educationmem "github.com/gongwei-lib/gongwei/education/memstore"
	"github.com/gongwei-lib/gongwei/examples/internal/growthpage"
	"github.com/gongwei-lib/gongwei/examples/internal/loadstate"
	"github.com/gongwei-lib/gongwei/examples/internal/progress"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	immunizationmem "github.com/gongwei-lib/gongwei/immunization/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/heapsample"
	"github.com/gongwei-lib/gongwei/internal/synth"
	maternalmem "github.com/gongwei-lib/gongwei/maternal/memstore"
	supervisionmem "github.com/gongwei-lib/gongwei/supervision/memstore"
)

func main() {
	residents := flag.Int("residents", 50000, "residents of the synthetic county")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "townships computed at once")
	level := flag.String("level", "county,township", "reports to make, comma-separated: county, township, village")
	html := flag.String("html", filepath.Join(os.TempDir(), "gongwei-county.html"), "write the county's HTML report to this file (\"\" for none)")
	csvFile := flag.String("csv", filepath.Join(os.TempDir(), "gongwei-county-villages.csv"), "write the village-level CSV to this file (with -level village)")
	db := flag.String("db", filepath.Join(os.TempDir(), "gongwei-county.db"), "the county's database: an SQLite file (a path, sqlite:PATH or file:PATH), a postgres:// URL, or memory (reused when it holds residents)")
	quiet := flag.Bool("q", false, "no progress on stderr")
	deferWrites := flag.Bool("defer-writes", true, "on PostgreSQL, write each batch's new residents' records at the batch's end, many rows per INSERT (the synthetic county's keys never collide; see sqlstore.DB.DeferWrites)")
	flag.Parse()
	levels, err := parseLevels(*level)
	if err != nil {
		log.Fatalf("county: -level: %v", err)
	}
	o := options{residents: *residents, workers: *workers, levels: levels, html: *html, csv: *csvFile,
		db: *db, deferWrites: *deferWrites, progress: progress.Terminal(os.Stderr, *quiet), messages: os.Stderr}
	if err := run(context.Background(), os.Stdout, o); err != nil {
		log.Fatal(err)
	}
}

// options are the command's flags.
type options struct {
	residents, workers int
	levels             map[indicators.Level]bool
	html, csv          string    // output files; "" for none
	db                 string    // the database (see dsn); "" or "memory" for the in-memory stores
	deferWrites        bool      // the database's batches defer their new residents' records (sqlstore.DB.DeferWrites)
	progress           io.Writer // stderr when progress is shown, else nil
	messages           io.Writer // messages about the database and its load (stderr); nil for none
}

// dsn returns the sqlstore DSN of the -db flag: a postgres:// URL, an sqlite: or file:
// DSN as given, any other text as the path of an SQLite file; "" for memory.
func dsn(db string) string {
	switch {
	case db == "" || db == "memory":
		return ""
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"),
		strings.HasPrefix(db, "sqlite:"), strings.HasPrefix(db, "file:"):
		return db
	}
	return "sqlite:" + db
}

// memStores are the in-memory stores of every domain.
func memStores() synth.Stores {
	return synth.Stores{
		Records: memstore.New(), Chronic: chronicmem.New(), Maternal: maternalmem.New(),
		Child: childmem.New(), Immunization: immunizationmem.New(),
		Supervision: supervisionmem.New(), Education: educationmem.New(),
		Audit: memstore.NewAudit(),
	}
}

// loadName names the county's load in the database's load record.
const loadName = "county"

// openStores opens the county's stores named by o.db and returns them, the database's
// session (nil for the in-memory stores) and the function closing them. The session
// holds the database for the whole run (another process waits) and says whether it
// holds a completed load of this county, to reuse, or must be loaded
// (examples/internal/loadstate): a load that did not finish is never reported; a
// completed load of another size is refused.
func openStores(ctx context.Context, o options) (synth.Stores, *loadstate.Session, func(), error) {
	d := dsn(o.db)
	if d == "" {
		return memStores(), nil, func() {}, nil
	}
	sess, err := loadstate.Open(ctx, d, loadName, synth.DefaultConfig(o.residents), o.residents, o.messages)
	if err != nil {
		return synth.Stores{}, nil, nil, err
	}
	db := sess.DB
	db.DeferWrites(o.deferWrites)
	return synth.Stores{
		Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(),
		Child: db.Child(), Immunization: db.Immunization(),
		Supervision: db.Supervision(), Education: db.Education(),
		Audit: db.Audit(),
	}, sess, func() { sess.Close() }, nil
}

// parseLevels parses a comma-separated list of county, township and village.
func parseLevels(s string) (map[indicators.Level]bool, error) {
	out := map[indicators.Level]bool{}
	for _, f := range strings.Split(s, ",") {
		switch strings.TrimSpace(f) {
		case "county":
			out[indicators.LevelCounty] = true
		case "township":
			out[indicators.LevelTownship] = true
		case "village":
			out[indicators.LevelVillage] = true
		case "":
		default:
			return nil, fmt.Errorf("unknown level %q (county, township or village)", strings.TrimSpace(f))
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no level")
	}
	return out, nil
}

// parallel runs fn(0), ..., fn(n-1) on at most workers goroutines and returns the first
// error in index order.
func parallel(n, workers int, fn func(i int) error) error {
	errs := make([]error, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// result is the county's year computed: the stores it was loaded into and the merged
// tally at each level, divided by the census.
type result struct {
	county   *synth.County
	stores   synth.Stores
	period   gongwei.Period
	villages *indicators.Tally // every cell per village, as merged from the townships
	towns    *indicators.Tally // rolled up to the townships
	total    *indicators.Tally // rolled up to the county
}

// compute generates the county, loads it into in-memory stores, computes the townships
// in parallel, merges them, checks the merge against one pass and rolls the figures up;
// it prints the timing.
func compute(ctx context.Context, out io.Writer, residents, workers int) (*result, error) {
	return computeIn(ctx, out, options{residents: residents, workers: workers}, memStores(), nil)
}

// loadChunk is the number of residents loaded between two updates of the progress.
const loadChunk = 1000

// computeIn is compute on the given stores: loaded first, unless the database's session
// sess holds a completed load of the county to reuse (nil: in-memory stores, loaded).
func computeIn(ctx context.Context, out io.Writer, o options, stores synth.Stores, sess *loadstate.Session) (*result, error) {
	residents, workers := o.residents, o.workers
	held := 0
	if sess != nil && sess.Action == loadstate.Reuse {
		held = sess.Config.Residents
		residents = held
	}
	county, err := synth.New(synth.DefaultConfig(residents))
	if err != nil {
		return nil, err
	}
	cfg := county.Config()
	period := county.Period()
	plan := indicators.ExamplePlan(cfg.Year, indicators.Unit(cfg.County))

	if held > 0 {
		fmt.Fprintf(out, "county %s, %d townships, %d villages, %d residents: reusing the %d residents on file\n",
			cfg.County, cfg.Townships, len(county.Villages()), residents, held)
	} else {
		// Generate and load township by township, in parallel.
		start := time.Now()
		bar := progress.New(o.progress, "loading", "residents", int64(residents))
		load := func(ctx context.Context) error {
			return parallel(cfg.Townships, workers, func(t int) error {
				from, to := county.TownshipRange(t + 1)
				for lo := from; lo < to; lo += loadChunk {
					hi := min(lo+loadChunk, to)
					if err := county.LoadResidents(ctx, stores, lo, hi); err != nil {
						return err
					}
					bar.Add(int64(hi - lo))
				}
				return county.LoadTownshipRecords(ctx, stores, t+1)
			})
		}
		var err error
		if sess != nil {
			// Between the load's begin and complete records: a run killed here leaves
			// a load the next run does again, never one it reports.
			err = sess.Load(ctx, load)
		} else {
			err = load(ctx)
		}
		if err != nil {
			return nil, err
		}
		bar.Done()
		took := time.Since(start)
		fmt.Fprintf(out, "county %s, %d townships, %d villages, %d residents: generated and loaded in %v\n",
			cfg.County, cfg.Townships, len(county.Villages()), residents, took.Round(time.Millisecond))
	}

	var census []indicators.Population
	population := map[indicators.Unit]int64{}
	for _, c := range county.Census() {
		census = append(census, indicators.Population{Unit: indicators.Unit(c.Village), Residents: c.Residents, Households: c.Households})
		population[indicators.Unit(c.Village)] = c.Residents
	}
	src := indicators.Sources{
		Records: stores.Records, Chronic: stores.Chronic, Maternal: stores.Maternal,
		Child: stores.Child, Immunization: stores.Immunization,
		Supervision: stores.Supervision, Education: stores.Education,
		ChronicOptions: &indicators.ChronicOptions{Population: population, Estimates: plan.Estimates},
	}

	// Township by township, in parallel: each worker fills its own tally.
	runtime.GC()
	heap := sampleHeap()
	start := time.Now()
	bar := progress.New(o.progress, "computing", "townships", int64(cfg.Townships))
	tallies := make([]*indicators.Tally, cfg.Townships)
	if err := parallel(cfg.Townships, workers, func(t int) error {
		tallies[t] = indicators.NewTally(1024)
		err := indicators.Compute(ctx, src, county.Township(t+1), period, tallies[t])
		bar.Add(1)
		return err
	}); err != nil {
		heap()
		return nil, err
	}
	bar.Done()
	merged := indicators.Merge(tallies...)
	par := time.Since(start)
	peak := heap()

	// The same in one pass, to show that merging is exact.
	start = time.Now()
	single := indicators.NewTally(8192)
	if err := indicators.Compute(ctx, src, cfg.County, period, single); err != nil {
		return nil, err
	}
	onePass := time.Since(start)
	if !merged.Equal(single) {
		return nil, fmt.Errorf("merged township tallies differ from the single pass")
	}
	fmt.Fprintf(out, "indicators: %d townships on %d workers in %v; one pass in %v; merged = single pass: %v\n",
		cfg.Townships, workers, par.Round(time.Millisecond), onePass.Round(time.Millisecond), true)
	fmt.Fprintf(out, "peak heap while computing the townships: %.1f MiB\n\n", float64(peak)/(1<<20))

	if err := merged.ApplyPopulation(period, census...); err != nil {
		return nil, err
	}
	return &result{
		county: county, stores: stores, period: period, villages: merged,
		towns: merged.RollUp(indicators.LevelTownship), total: merged.RollUp(indicators.LevelCounty),
	}, nil
}

func run(ctx context.Context, out io.Writer, o options) error {
	stores, sess, closeStores, err := openStores(ctx, o)
	if err != nil {
		return err
	}
	defer closeStores()
	res, err := computeIn(ctx, out, o, stores, sess)
	if err != nil {
		return err
	}
	county, period := res.county, res.period
	cfg := county.Config()

	if o.levels[indicators.LevelCounty] {
		// Per-township tables: the record indicators, then the domains'.
		for _, codes := range [][]indicators.Code{
			{"record.coverage", "record.electronic", "record.usage", "record.contract", "elderly.management", "tcm.elderly"},
			{"ht.standard_management", "ht.bp_control", "dm.standard_management", "dm.glucose_control", "smi.standard_management",
				"maternal.early_booking", "maternal.postpartum_visit", "sup.frequency", "sup.complaint_timely", "edu.lectures"},
			{"child.newborn_visit", "child.health_management", "child.system_management", "child.under3_system_management",
				"child.hb_test", "child.malnutrition", "child.anaemia", "tcm.child"},
			{"imm.certificate", "imm.coverage/HepB1", "imm.coverage/HepB3", "imm.coverage/DTaP3", "imm.coverage/MMR1",
				"imm.five_vaccines", "imm.timely", "imm.hepb_birth_timely"},
		} {
			if err := townshipTable(out, county, res.towns, period, codes); err != nil {
				return err
			}
		}
		if err := educationTable(ctx, out, county, res.stores.Education, period, res.towns, o.workers); err != nil {
			return err
		}
		if err := integrityTable(ctx, out, county, res.stores, o.workers); err != nil {
			return err
		}

		// The county's report against the plan: every row of an implemented indicator.
		rep, inPlan, err := levelReport(indicators.Unit(cfg.County), cfg.Year, res.total, period)
		if err != nil {
			return err
		}
		if err := rep.WriteText(out); err != nil {
			return err
		}
		if err := otherIndicators(out, res.total, indicators.Unit(cfg.County), period, inPlan); err != nil {
			return err
		}
		if o.html != "" {
			if err := writeHTML(ctx, o.html, rep, res.stores.Child, cfg.County); err != nil {
				return err
			}
			fmt.Fprintf(out, "\nHTML report: %s\n", o.html)
		}
	}

	if o.levels[indicators.LevelTownship] {
		// Each township against its own plan.
		for t := 1; t <= cfg.Townships; t++ {
			unit := indicators.Unit(county.Township(t))
			rep, _, err := levelReport(unit, cfg.Year, res.towns, period)
			if err != nil {
				return err
			}
			rep.Title = fmt.Sprintf("乡镇 %s %d年基本公共卫生服务", unit, cfg.Year)
			fmt.Fprintf(out, "\n%s\n", townshipHeader(unit))
			if err := rep.WriteText(out); err != nil {
				return err
			}
		}
	}

	if o.levels[indicators.LevelVillage] {
		if o.csv == "" {
			return errors.New("county: -level village needs -csv")
		}
		n, err := writeVillageCSV(o.csv, res.villages, period)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\nvillage level: %d figures of %d villages written to %s\n", n, len(county.Villages()), o.csv)
	}
	return nil
}

// townshipHeader is the line before a township's report.
func townshipHeader(u indicators.Unit) string { return "==== 乡镇 " + string(u) + " ====" }

// levelReport evaluates the example plan set for unit (a county or a township) against
// the tally of its level, keeping the rows of the implemented indicators, and returns the
// report and the codes the plan covers.
func levelReport(unit indicators.Unit, year int, t *indicators.Tally, period gongwei.Period) (*indicators.Report, map[indicators.Code]bool, error) {
	plan := indicators.ExamplePlan(year, unit)
	rows := plan.Rows[:0]
	inPlan := map[indicators.Code]bool{}
	for _, row := range plan.Rows {
		if ind, ok := indicators.Lookup(row.Code); ok && ind.Implemented {
			rows = append(rows, row)
			inPlan[row.Code] = true
		}
	}
	plan.Rows = rows
	ev, err := indicators.Evaluate(plan, t, period.Last())
	if err != nil {
		return nil, nil, err
	}
	return indicators.NewReport(ev, language.SimplifiedChinese), inPlan, nil
}

// writeHTML writes the county's report as an HTML page with the growth chart of the
// first child of the county with enough measured visits.
func writeHTML(ctx context.Context, file string, rep *indicators.Report, s child.Store, county string) error {
	var sections []indicators.HTMLSection
	growth, ok, err := growthpage.Section(ctx, s, county, growthpage.County, language.SimplifiedChinese)
	if err != nil {
		return err
	}
	if ok {
		sections = append(sections, growth)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := rep.WriteHTMLPage(f, sections...); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeVillageCSV writes the figures of the period below the county as CSV (UTF-8):
// unit, its level (village, or township for the health centre's own work such as its
// lectures), township, indicator code, indicator, numerator, denominator and rate, in
// unit order. It returns the number of figures.
func writeVillageCSV(file string, t *indicators.Tally, period gongwei.Period) (int, error) {
	var keys []indicators.Key
	for k := range t.All() {
		if l := k.Unit.Level(); k.Period == period && (l == indicators.LevelVillage || l == indicators.LevelTownship) {
			keys = append(keys, k)
		}
	}
	slices.SortStableFunc(keys, func(a, b indicators.Key) int { return cmp.Compare(a.Unit, b.Unit) })
	f, err := os.Create(file)
	if err != nil {
		return 0, err
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"unit", "level", "township", "code", "indicator", "numerator", "denominator", "rate"})
	for _, k := range keys {
		c, _ := t.Get(k)
		label, rate := "", ""
		if ind, ok := indicators.Lookup(k.Code); ok {
			label = ind.Label(language.SimplifiedChinese)
		}
		if r, ok := t.Rate(k.Code, k.Unit, period); ok {
			rate = r.String()
		}
		town, _ := k.Unit.Ancestor(indicators.LevelTownship)
		_ = w.Write([]string{string(k.Unit), k.Unit.Level().String(), string(town), string(k.Code), label,
			strconv.FormatInt(c.Num, 10), strconv.FormatInt(c.Den, 10), rate})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return 0, err
	}
	return len(keys), f.Close()
}

// townshipTable prints one row per township with the rates of codes.
func townshipTable(out io.Writer, county *synth.County, townships *indicators.Tally, period gongwei.Period, codes []indicators.Code) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(w, "township\t")
	for _, c := range codes {
		ind, _ := indicators.Lookup(c)
		label := ind.Label(language.SimplifiedChinese)
		if q := c.Qualifier(); q != "" {
			label = q + "接种率"
		}
		fmt.Fprintf(w, "%s\t", label)
	}
	fmt.Fprintln(w)
	for t := 1; t <= county.Config().Townships; t++ {
		unit := indicators.Unit(county.Township(t))
		fmt.Fprintf(w, "%s\t", unit)
		for _, c := range codes {
			r, _ := townships.Rate(c, unit, period)
			fmt.Fprintf(w, "%s\t", r)
		}
		fmt.Fprintln(w)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(out)
	return err
}

// educationTable prints, per township, whether the health centre and how many village
// clinics meet the yearly minimums of health education (nbphs-spec §2.1,
// education.Service.Check), and how many rows of the example plan, set for the township,
// its figures meet.
func educationTable(ctx context.Context, out io.Writer, county *synth.County, s education.Store, period gongwei.Period,
	townships *indicators.Tally, workers int) error {
	svc := education.New(s, education.Options{})
	asOf := period.Last()
	type line struct {
		centre            bool
		clinics, met      int
		planMet, planRows int
	}
	lines := make([]line, county.Config().Townships)
	err := parallel(len(lines), workers, func(t int) error {
		town := county.Township(t + 1)
		rep, err := svc.Check(ctx, town, education.Centre, asOf)
		if err != nil {
			return err
		}
		l := line{centre: rep.Met()}
		for _, v := range county.Villages() {
			if string(v[:9]) != town {
				continue
			}
			rep, err := svc.Check(ctx, string(v), education.Station, asOf)
			if err != nil {
				return err
			}
			l.clinics++
			if rep.Met() {
				l.met++
			}
		}
		plan := indicators.ExamplePlan(county.Config().Year, indicators.Unit(town))
		ev, err := indicators.Evaluate(plan, townships, asOf)
		if err != nil {
			return err
		}
		for _, r := range ev.Results {
			if r.Status == indicators.StatusMet || r.Status == indicators.StatusNotMet {
				l.planRows++
			}
			if r.Status == indicators.StatusMet {
				l.planMet++
			}
		}
		lines[t] = l
		return nil
	})
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "township\t卫生院健康教育达标\t村卫生室达标\t乡镇计划指标达标\t")
	for t, l := range lines {
		mark := "否"
		if l.centre {
			mark = "是"
		}
		fmt.Fprintf(w, "%s\t%s\t%d/%d\t%d/%d\t\n", county.Township(t+1), mark, l.met, l.clinics, l.planMet, l.planRows)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintln(out)
	return err
}

// otherIndicators prints the county's figures of the implemented indicators that the
// plan sets no target for.
func otherIndicators(out io.Writer, t *indicators.Tally, unit indicators.Unit, period gongwei.Period, inPlan map[indicators.Code]bool) error {
	fmt.Fprintln(out, "\n其他已实现指标（计划未设目标）:")
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, ind := range indicators.National().All() {
		if !ind.Implemented || inPlan[ind.Code] {
			continue
		}
		r, ok := t.Rate(ind.Code, unit, period)
		if !ok {
			continue
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\n", ind.Label(language.SimplifiedChinese), ind.Code, r)
	}
	return w.Flush()
}

// sampleHeap samples the heap every 10 ms until the returned function is called; it
// returns the highest sample above the first.
func sampleHeap() func() uint64 { return heapsample.Start(10 * time.Millisecond) }
