// Command township runs a township health centre's year (乡镇卫生院的一年) on the embedded
// SQLite store, then prints the year-end indicator report against the work plan, the
// assessment score and the funding it earns, and the year-end summary (工作总结).
//
//	go run ./examples/township
//	go run ./examples/township -lang en -asof 2025-09-30 -residents 5000 -db /tmp/t.db
//
// The year, step by step:
//
//  1. lock the database file (a lock file beside it: a second process started on the same
//     file waits for the first, saying so on stderr), open it (the library's schema is
//     migrated on open) and read the record of its load (examples/internal/loadstate). A
//     completed load of the township asked for is reused: a second run does not duplicate
//     anything. A load that did not finish (the process was killed, or failed) is thrown
//     away: the file is removed and the township loaded again from scratch. A completed
//     load of another size (-residents) is refused with a message, since the report would
//     not be the one asked for; without -residents the township on file is reused;
//  2. otherwise generate the township's residents (internal/synth, deterministic) and run
//     their year through the public API of every domain package: health records,
//     households and contracts (healthrecord.Registry), checkups, chronic-disease
//     registration and follow-ups classified by the library with their next due dates
//     (chronic.Service), pregnancies with their visits (maternal.Registry), children's
//     checkups with growth assessment (child.Service), vaccinations (immunization.Service),
//     inspections, complaints and reports (supervision.Service) and health education
//     activities (education.Service) — with its progress on stderr (residents loaded,
//     residents/s, time left) when stderr is a terminal, unless -q — and, last, record
//     in the database that the load completed;
//  3. show what the library worked out on the way: follow-up classes, what is due next;
//  4. compute every implemented indicator (indicators.Compute), divide by the census,
//     roll the villages up to the township, evaluate the plan on the as-of date, score it
//     and turn the score into money;
//  5. print the report and the summary in the chosen language and write the HTML report,
//     with a WHO growth chart of one child of the township (no name, no ID number).
//
// The report goes to stdout, messages about loading to stderr; a report is never printed
// from a partly loaded database.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/examples/internal/growthpage"
	"github.com/gongwei-lib/gongwei/examples/internal/loadstate"
	"github.com/gongwei-lib/gongwei/examples/internal/progress"
	"github.com/gongwei-lib/gongwei/examples/internal/townshipdb"
	"github.com/gongwei-lib/gongwei/indicators"
)

// options are the command's flags.
type options struct {
	lang language.Tag
	asOf gongwei.Date
	db   string
	// residents is the size of the township asked for; 0 for the one on file, or
	// defaultResidents when the file holds none.
	residents int
	html      string
	progress  io.Writer // the progress of the load: stderr when it is shown, or nil for none
	messages  io.Writer // messages about loading (waiting, loading, loading again): stderr, or nil for none
}

func main() {
	lang := flag.String("lang", "zh-Hans", "language of the report: zh-Hans, zh-Hant or en")
	asOf := flag.String("asof", "2025-12-31", "evaluate the plan as of this date (in 2025)")
	db := flag.String("db", filepath.Join(os.TempDir(), "gongwei-township.db"), "SQLite database file (reused when it holds the township)")
	residents := flag.Int("residents", defaultResidents, "residents of the township (a database holding another number is refused; without the flag, the township on file is reused)")
	html := flag.String("html", "", "write the HTML report to this file (default: beside the database)")
	quiet := flag.Bool("q", false, "no progress on stderr")
	flag.Parse()

	o := options{db: *db, html: *html, progress: progress.Terminal(os.Stderr, *quiet), messages: os.Stderr}
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "residents" {
			o.residents = *residents
		}
	})
	tag, err := language.Parse(*lang)
	if err != nil {
		log.Fatalf("township: -lang: %v", err)
	}
	o.lang = gongwei.MatchLanguage(tag)
	if o.asOf, err = gongwei.ParseDate(*asOf); err != nil {
		log.Fatalf("township: -asof: %v", err)
	}
	if o.html == "" {
		o.html = o.db + ".html"
	}
	if err := run(context.Background(), os.Stdout, o); err != nil {
		log.Fatal(err)
	}
}

// The demo township (examples/internal/townshipdb).
const (
	township         = townshipdb.Unit
	planYear         = townshipdb.PlanYear
	defaultResidents = townshipdb.DefaultResidents
)

func run(ctx context.Context, out io.Writer, o options) error {
	year := gongwei.Year(planYear)
	if !year.Contains(o.asOf) {
		return fmt.Errorf("township: the as-of date must be in %d", planYear)
	}
	// 1-2. The database, locked to the end of the run, holding the township completely
	// loaded: reused, loaded, or loaded again from scratch.
	town, err := townshipdb.Open(ctx, o.db, o.residents, o.messages)
	if err != nil {
		return err
	}
	defer town.Close()
	stores := town.Stores
	if town.Session.Action == loadstate.Reuse {
		fmt.Fprintf(out, "reusing %s: %d residents already on file\n", filepath.Base(o.db), town.Session.Held)
	}
	if err := town.Load(ctx, o.progress); err != nil {
		return err
	}

	// 3. What the library worked out on the way.
	if err := followUps(ctx, out, stores.Chronic, year, o.lang); err != nil {
		return err
	}
	if err := inspectionPlan(ctx, out, stores.Supervision, o.asOf, o.lang); err != nil {
		return err
	}

	// 4. Indicators, census, roll-up, plan, score and money.
	res, err := town.Evaluate(ctx, o.asOf)
	if err != nil {
		return err
	}
	plan, period, tally, ev := res.Plan, res.Period, res.Tally, res.Evaluation
	population, villageUnits, total, households := res.Population, res.VillageUnits, res.Total, res.Households
	scheme := indicators.ExampleAreaScheme()
	assessment, err := indicators.AssessAreas(ev, scheme)
	if err != nil {
		return err
	}
	vplan := indicators.UnitPlan(plan, villageUnits, indicators.EducationCodes...)
	vev, err := indicators.Evaluate(vplan, townshipdb.Relabel(tally, period, year), o.asOf)
	if err != nil {
		return err
	}
	villageScores, err := indicators.UnitScores(vev, scheme)
	if err != nil {
		return err
	}
	teamOf, teamUnits := teams(villageUnits)
	tev, err := indicators.Evaluate(indicators.UnitPlan(plan, teamUnits, indicators.EducationCodes...),
		indicators.GroupUnits(townshipdb.Relabel(tally, period, year), teamOf), o.asOf)
	if err != nil {
		return err
	}
	teamScores, err := indicators.UnitScores(tev, scheme)
	if err != nil {
		return err
	}
	rule, ok := indicators.ExampleFundingRule(planYear)
	if !ok {
		return fmt.Errorf("township: no per-capita standard for %d", planYear)
	}
	sup, _ := assessment.Area(indicators.ServiceSupervision)
	funding, err := indicators.Fund(rule, total, assessment.Score, sup.Score)
	if err != nil {
		return err
	}
	alloc, err := indicators.AllocateByWork(funding.Paid, villageScores, population)
	if err != nil {
		return err
	}

	// 5. Report, score, money, summary, HTML.
	name := names(o.lang, villageUnits)
	rep := indicators.NewReport(ev, o.lang)
	rep.Title = title(o.lang)
	rep.NameUnits(name)
	fmt.Fprintln(out)
	if err := rep.WriteText(out); err != nil {
		return err
	}
	fmt.Fprintln(out)
	writeSources(out, plan, o.lang)
	fmt.Fprintln(out)
	writeAssessment(out, assessment, o.lang)
	fmt.Fprintln(out)
	writeVillages(out, vev, villageScores, alloc, name, o.lang)
	fmt.Fprintln(out)
	writeTeams(out, teamScores, teamOf, villageUnits, name, o.lang)
	fmt.Fprintln(out)
	writeFunding(out, funding, assessment.Score.StringFixed(2), sup.Score.StringFixed(2), o.lang)
	fmt.Fprintln(out)
	summary := indicators.NewWorkSummary(indicators.WorkSummaryInput{
		Place: name(township), UnitName: name, Villages: len(villageUnits), Population: total, Households: households,
		Eval: ev, Assessment: assessment, VillageEval: vev, VillageScores: villageScores, Funding: &funding,
	}, o.lang)
	fmt.Fprintln(out, summaryTitle(o.lang))
	if err := summary.WriteText(out); err != nil {
		return err
	}
	sections := summary.HTMLSections(summaryTitle(o.lang))
	check, err := integritySummary(ctx, out, town.County, stores, o.lang)
	if err != nil {
		return err
	}
	sections = append(sections, check)
	growth, ok, err := growthpage.Section(ctx, stores.Child, string(township), growthpage.Township, o.lang)
	if err != nil {
		return err
	}
	if ok {
		sections = append(sections, growth)
	}
	f, err := os.Create(o.html)
	if err != nil {
		return err
	}
	if err := rep.WriteHTMLPage(f, sections...); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%s%s\n", tr(o.lang, "HTML报告：", "HTML報告：", "HTML report: "), o.html)
	return nil
}

func title(tag language.Tag) string {
	return tr(tag, "示范镇卫生院2025年国家基本公共卫生服务项目指标完成情况", "示範鎮衛生院2025年國家基本公共衛生服務項目指標完成情況",
		"Shifan Town health centre: basic public health services 2025, indicators against the plan")
}

// summaryTitle is the heading of the year-end work summary.
func summaryTitle(tag language.Tag) string {
	return tr(tag, "示范镇卫生院2025年国家基本公共卫生服务项目工作总结", "示範鎮衛生院2025年國家基本公共衛生服務項目工作總結",
		"Shifan Town health centre: 2025 work summary of the basic public health services")
}
