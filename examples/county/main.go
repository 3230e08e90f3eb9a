// Command county runs a county platform's year-end computation (区县级平台): a synthetic
// county of many townships is loaded into the store, each township's indicators are
// computed in parallel (one worker per township, each filling its own tally), the
// township tallies are merged into the county's, and the result is checked against a
// single pass over the whole county — merging is exact, so the figures are identical.
//
//	go run ./examples/county                  # 50,000 residents
//	go run ./examples/county -residents 200000 -workers 4
//
// It prints the per-township table of the headline record indicators and the county's
// report against the example plan.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

func main() {
	residents := flag.Int("residents", 50000, "residents of the synthetic county")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "townships computed at once")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *residents, *workers); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out io.Writer, residents, workers int) error {
	county, err := synth.New(synth.DefaultConfig(residents))
	if err != nil {
		return err
	}
	cfg := county.Config()
	period := county.Period()

	start := time.Now()
	store := memstore.New()
	if err := county.Load(ctx, store, 0, residents); err != nil {
		return err
	}
	fmt.Fprintf(out, "county %s, %d townships, %d villages, %d residents: generated and loaded in %v\n",
		cfg.County, cfg.Townships, len(county.Villages()), residents, time.Since(start).Round(time.Millisecond))

	var census []indicators.Population
	for _, c := range county.Census() {
		census = append(census, indicators.Population{Unit: indicators.Unit(c.Village), Residents: c.Residents, Households: c.Households})
	}

	// Township by township, in parallel: each worker fills its own tally.
	start = time.Now()
	tallies := make([]*indicators.Tally, cfg.Townships)
	errs := make([]error, cfg.Townships)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(workers, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range jobs {
				tallies[t] = indicators.NewTally(256)
				errs[t] = indicators.RecordIndicators(ctx, store, county.Township(t+1), period, tallies[t])
			}
		}()
	}
	for t := range tallies {
		jobs <- t
	}
	close(jobs)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	merged := indicators.Merge(tallies...)
	parallel := time.Since(start)

	// The same in one pass, to show that merging is exact.
	start = time.Now()
	single := indicators.NewTally(4096)
	if err := indicators.RecordIndicators(ctx, store, cfg.County, period, single); err != nil {
		return err
	}
	onePass := time.Since(start)
	if !merged.Equal(single) {
		return fmt.Errorf("merged township tallies differ from the single pass")
	}
	fmt.Fprintf(out, "indicators: %d townships on %d workers in %v; one pass in %v; merged = single pass: %v\n\n",
		cfg.Townships, workers, parallel.Round(time.Millisecond), onePass.Round(time.Millisecond), true)

	for _, t := range []*indicators.Tally{merged} {
		if err := t.ApplyPopulation(period, census...); err != nil {
			return err
		}
	}
	townships := merged.RollUp(indicators.LevelTownship)
	countyTally := merged.RollUp(indicators.LevelCounty)

	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	codes := []indicators.Code{"record.coverage", "record.electronic", "record.usage", "record.contract", "elderly.management", "tcm.elderly"}
	fmt.Fprint(w, "township\t")
	for _, c := range codes {
		ind, _ := indicators.Lookup(c)
		fmt.Fprintf(w, "%s\t", ind.Label(language.SimplifiedChinese))
	}
	fmt.Fprintln(w)
	for t := 1; t <= cfg.Townships; t++ {
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
	fmt.Fprintln(out)

	plan := indicators.ExamplePlan(cfg.Year, indicators.Unit(cfg.County))
	rows := plan.Rows[:0]
	for _, row := range plan.Rows {
		if ind, ok := indicators.Lookup(row.Code); ok && ind.Implemented {
			rows = append(rows, row)
		}
	}
	plan.Rows = rows
	ev, err := indicators.Evaluate(plan, countyTally, period.Last())
	if err != nil {
		return err
	}
	return indicators.NewReport(ev, language.SimplifiedChinese).WriteText(out)
}
