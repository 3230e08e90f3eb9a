// Package townshipdb is the demo township the examples share: its configuration, its
// SQLite database loaded through the services (examples/internal/loadstate) and its
// indicator evaluation against the work plan. The township example prints them; the
// clinic web app serves the same file.
package townshipdb

import (
	"context"
	"io"
	"os"
	"slices"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/internal/loadstate"
	"github.com/gongwei-lib/gongwei/examples/internal/progress"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/villageclinic"
)

// The demo township: county 410523, township 001, eight villages.
const (
	County   = "410523"
	Unit     = indicators.Unit("410523001")
	PlanYear = 2025
	Villages = 8
	// ChunkSize is the residents loaded between two progress reports.
	ChunkSize = 100
	// DefaultResidents is the size of a township loaded without a size.
	DefaultResidents = 3000
	// LoadName names the township's load in the database's load record.
	LoadName = "township"
)

// DB is the demo township's database, locked for the process until Close.
type DB struct {
	Session *loadstate.Session
	County  *synth.County
	Stores  synth.Stores
}

// Open locks and opens the SQLite database at path for a township of residents (0 for
// the one on file, or DefaultResidents when the file holds none), as
// loadstate.Open does; [DB.Load] then loads it unless it is reused.
func Open(ctx context.Context, path string, residents int, messages io.Writer) (*DB, error) {
	want := synth.Config{Seed: 1, County: County, Townships: 1, VillagesPerTownship: Villages, Residents: residents, Year: PlanYear}
	sess, err := loadstate.Open(ctx, "sqlite:"+path, LoadName, want, DefaultResidents, messages)
	if err != nil {
		return nil, err
	}
	county, err := synth.New(sess.Config)
	if err != nil {
		sess.Close()
		return nil, err
	}
	db := sess.DB
	return &DB{Session: sess, County: county, Stores: synth.Stores{
		Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(),
		Child: db.Child(), Immunization: db.Immunization(),
		Supervision: db.Supervision(), Education: db.Education(),
		Audit:     db.Audit(),
		Referrals: db.Referrals(), VillageClinics: db.VillageClinics(), WomensHealth: db.WomensHealth(),
		Survey: db.Education(), ImmunizationClinic: db.ImmunizationClinic(),
	}}, nil
}

// Close releases the database and its lock.
func (t *DB) Close() error { return t.Session.Close() }

// Load loads the township's year through the domain services unless the database
// holds it already, with its progress on w (nil for none).
func (t *DB) Load(ctx context.Context, w io.Writer) error {
	return t.Session.Load(ctx, func(ctx context.Context) error { return runYear(ctx, t.County, t.Stores, w) })
}

// runYear loads the township's year through the domain services, residents in chunks,
// with its progress on w (nil for none).
func runYear(ctx context.Context, c *synth.County, s synth.Stores, w io.Writer) error {
	n := c.Residents()
	bar := progress.New(w, "loading", "residents", int64(n))
	for from := 0; from < n; from += ChunkSize {
		to := min(from+ChunkSize, n)
		if err := c.LoadResidents(ctx, s, from, to); err != nil {
			return err
		}
		bar.Add(int64(to - from))
		if err := loadstate.Hold(ctx, os.Stderr, to); err != nil { // a test hook; see loadstate.HoldEnv
			return err
		}
	}
	if err := c.LoadTownshipRecords(ctx, s, 1); err != nil {
		return err
	}
	bar.Done()
	return nil
}

// Result is the township's year evaluated against its assessment plan.
type Result struct {
	// Plan is the township's assessment plan (indicators.AssessmentPlan).
	Plan *indicators.Plan
	// Period is the work counted: 1 January to the as-of date; Year is the plan's year.
	Period, Year gongwei.Period
	// Tally holds every cell computed, per village and for the township's own unit,
	// with the census applied.
	Tally *indicators.Tally
	// Town is the township's figures: the villages rolled up, with health education's
	// per-institution minimums held against the centre's own counts.
	Town *indicators.Tally
	// Evaluation is Town against Plan on the as-of date.
	Evaluation *indicators.Evaluation
	// Population is each village's residents; VillageUnits the villages in census order.
	Population   map[indicators.Unit]int64
	VillageUnits []indicators.Unit
	// Total and Households are the township's residents and households.
	Total, Households int64
}

// Evaluate computes every implemented indicator of the township from 1 January to asOf
// (indicators.Compute), divides by the census, rolls the villages up to the township
// (health education's minimums counted for the centre itself) and evaluates the
// township's assessment plan on asOf.
func (t *DB) Evaluate(ctx context.Context, asOf gongwei.Date) (*Result, error) {
	year := gongwei.Year(PlanYear)
	plan := indicators.AssessmentPlan(PlanYear, Unit)
	r := &Result{Plan: plan, Year: year, Population: map[indicators.Unit]int64{}}
	var census []indicators.Population
	for _, c := range t.County.Census() {
		u := indicators.Unit(c.Village)
		census = append(census, indicators.Population{Unit: u, Residents: c.Residents, Households: c.Households})
		r.Population[u] = c.Residents
		r.VillageUnits = append(r.VillageUnits, u)
		r.Total += c.Residents
		r.Households += c.Households
	}
	s := t.Stores
	src := indicators.Sources{
		Records: s.Records, Chronic: s.Chronic, Maternal: s.Maternal,
		Child: s.Child, Immunization: s.Immunization,
		Supervision: s.Supervision, Education: s.Education,
		ChronicOptions: &indicators.ChronicOptions{Population: r.Population, Estimates: plan.Estimates},
		// The plans' services: the referral register, the plan's options (elderly age,
		// key populations), the village clinics with the example's supervision plan,
		// the women's health projects with the example's report deadlines
		// (synth.ExampleDeadlines: a local rule and example values) and the survey.
		Referrals:             s.Referrals,
		RecordOptions:         plan.RecordOptions(),
		VillageClinics:        s.VillageClinics,
		VillagePlan:           t.County.VillagePlan(1),
		VillageDivision:       villageclinic.ExampleDivision(),
		WomensHealth:          s.WomensHealth,
		WomensHealthDeadlines: synth.ExampleDeadlines,
		Survey:                s.Survey,
		// The vaccination clinic's AEFI reports and campaigns, judged by the national
		// reporting rules.
		ImmunizationClinic: &indicators.ImmunizationClinic{AEFIs: s.ImmunizationClinic, Campaigns: s.ImmunizationClinic},
	}
	// The work up to the as-of date: the period runs from 1 January to that day.
	r.Period = gongwei.Period{Start: year.Start, End: asOf.AddDays(1)}
	r.Tally = indicators.NewTally(1024)
	if err := indicators.Compute(ctx, src, string(Unit), r.Period, r.Tally); err != nil {
		return nil, err
	}
	if err := r.Tally.ApplyPopulation(r.Period, census...); err != nil {
		return nil, err
	}
	r.Town = centreOnly(Relabel(r.Tally.RollUp(indicators.LevelTownship), r.Period, year), r.Tally, indicators.EducationCodes, r.Period, year)
	ev, err := indicators.Evaluate(plan, r.Town, asOf)
	if err != nil {
		return nil, err
	}
	r.Evaluation = ev
	return r, nil
}

// Relabel moves the cells of period p to the plan's period: the tally covers the year up
// to the as-of date, which is the plan year's work so far.
func Relabel(t *indicators.Tally, p, year gongwei.Period) *indicators.Tally {
	if p == year {
		return t
	}
	out := indicators.NewTally(t.Len())
	for k, c := range t.All() {
		if k.Period == p {
			k.Period = year
		}
		out.AddCounts(k, c)
	}
	return out
}

// centreOnly returns town (the township's rolled-up tally) with the cells of codes taken
// from raw at the township's own unit: the centre's own counts, which the
// per-institution minimums of health education are about (nbphs-spec §2.1).
func centreOnly(town, raw *indicators.Tally, codes []indicators.Code, p, year gongwei.Period) *indicators.Tally {
	out := indicators.NewTally(town.Len())
	for k, c := range town.All() {
		if !slices.Contains(codes, k.Code) {
			out.AddCounts(k, c)
		}
	}
	for k, c := range raw.All() {
		if k.Unit == Unit && slices.Contains(codes, k.Code) {
			if k.Period == p {
				k.Period = year
			}
			out.AddCounts(k, c)
		}
	}
	return out
}
