// Command township runs a township health centre's year of resident health record work
// (居民健康档案管理, nbphs-spec §1) and elderly health management (老年人健康管理, §6 and
// §11.1), then computes the year's indicators, holds them against the township's work
// plan and prints the year-end report and summary (工作总结).
//
//	go run ./examples/township
//
// The year, step by step:
//
//  1. register residents in two villages, allocating their 17-digit archive numbers;
//  2. file family records (家庭档案) and sign family-doctor contracts;
//  3. record the year's checkups of the residents aged 65 and over (some do not come, as
//     in real work) and the other services that keep a record in use;
//  4. compute the record indicators village by village with indicators.RecordIndicators,
//     divide by the census figures (indicators.Tally.ApplyPopulation) and roll the
//     villages up to the township;
//  5. evaluate the township's plan (indicators.ExamplePlan, restricted to the indicators
//     the library computes so far) and print the report and the summary sentences.
//
// The resident records are built with the healthrecord/recordtest fixture builders, which
// fill every item of the forms.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/indicators"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// The demo township (county 110105, township 001) and its two villages: one villagers'
// committee (101-199) and one residents' committee (001-099), nbphs-spec §1.4.
const township indicators.Unit = "110105001"

var villages = []healthrecord.Village{"110105001101", "110105001002"}

// census holds the villages' resident population and households as the township's
// statistics give them: more people live there than have a record yet.
var census = []indicators.Population{
	{Unit: "110105001101", Residents: 34, Households: 12},
	{Unit: "110105001002", Residents: 36, Households: 14},
}

// year is the plan year.
const year = 2025

func run(ctx context.Context, out io.Writer) error {
	store := memstore.New()
	reg := healthrecord.NewRegistry(store, nil)
	period := gongwei.Year(year)

	if err := registerResidents(ctx, reg); err != nil {
		return err
	}
	if err := deliverServices(ctx, reg); err != nil {
		return err
	}

	// 4. Indicators: one pass over the store, village cells, census denominators, roll-up.
	tally := indicators.NewTally(64)
	if err := indicators.RecordIndicators(ctx, store, string(township), period, tally); err != nil {
		return err
	}
	if err := tally.ApplyPopulation(period, census...); err != nil {
		return err
	}
	tally.Merge(tally.RollUp(indicators.LevelTownship))

	// 5. The plan, evaluated on 31 December, reported and summarised.
	plan := computedRows(indicators.ExamplePlan(year, township))
	ev, err := indicators.Evaluate(plan, tally, period.Last())
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "幸福乡卫生院 2025年 国家基本公共卫生服务项目工作总结")
	fmt.Fprintln(out)
	if err := indicators.NewReport(ev, language.SimplifiedChinese).WriteText(out); err != nil {
		return err
	}
	fmt.Fprintln(out)
	for _, s := range indicators.Summarize(ev, language.SimplifiedChinese) {
		fmt.Fprintln(out, s.Text)
	}
	fmt.Fprintln(out)
	for _, s := range indicators.Summarize(ev, language.English) {
		fmt.Fprintln(out, s.Text)
	}
	return nil
}

// registerResidents registers 60 residents over the two villages and ages 21-75; every
// seventh record is still on paper (not electronic).
func registerResidents(ctx context.Context, reg *healthrecord.Registry) error {
	for k := 0; k < 60; k++ {
		r := recordtest.Resident(1 + k*331)
		r.ID, r.Archive = "", healthrecord.ArchiveNumber{}
		if k%7 == 3 {
			r.Electronic = false
		}
		if err := reg.Register(ctx, villages[k%2], r); err != nil {
			return fmt.Errorf("register resident %d: %w", k, err)
		}
	}
	return nil
}

// deliverServices files the family records and contracts and records the year's
// services of every resident, in archive-number order.
func deliverServices(ctx context.Context, reg *healthrecord.Registry) error {
	var residents []*healthrecord.Resident
	for r, err := range reg.Residents(ctx, healthrecord.ResidentFilter{Prefix: string(township)}) {
		if err != nil {
			return err
		}
		residents = append(residents, r)
	}
	elderlySeen := 0
	for i, r := range residents {
		serial := int(r.Archive.Serial())
		// 2. Every third resident heads a family record; the family doctor team has
		// signed with every other resident since 1 March.
		if i%3 == 0 {
			h := recordtest.Household(i, r)
			if err := reg.SaveHousehold(ctx, h); err != nil {
				return fmt.Errorf("household: %w", err)
			}
			r.Household = h.ID
			if err := reg.SaveResident(ctx, r); err != nil {
				return fmt.Errorf("resident: %w", err)
			}
		}
		if i%2 == 0 {
			if err := reg.SaveContract(ctx, recordtest.Contract(r, gongwei.MustDate(year, 3, 1))); err != nil {
				return fmt.Errorf("contract: %w", err)
			}
		}
		// 3. Elderly checkups from May, every fourth elder missing; other residents are
		// seen at a follow-up or consultation now and then, which keeps a record in use.
		on := gongwei.MustDate(year, 5, 10).AddDays(serial)
		if healthrecord.IsElderlyOn(r.BirthDate, on) {
			elderlySeen++
			if elderlySeen%4 != 0 {
				if err := reg.SaveCheckup(ctx, recordtest.Checkup(r, on)); err != nil {
					return fmt.Errorf("checkup: %w", err)
				}
			}
			continue
		}
		if serial%5 < 2 {
			e := recordtest.Event(r, healthrecord.EventConsultation, on)
			if err := reg.RecordService(ctx, e); err != nil {
				return fmt.Errorf("service: %w", err)
			}
		}
	}
	return nil
}

// computedRows keeps the plan rows whose indicator the library computes from records
// (the other services' rows join as their packages land).
func computedRows(p *indicators.Plan) *indicators.Plan {
	rows := p.Rows[:0]
	for _, row := range p.Rows {
		if ind, ok := indicators.Lookup(row.Code); ok && ind.Implemented {
			rows = append(rows, row)
		}
	}
	p.Rows = rows
	return p
}
