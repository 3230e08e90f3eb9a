// Command township runs a township health centre's resident health record work
// (居民健康档案管理, nbphs-spec §1) and its elderly health management (老年人健康管理,
// §6 and §11.1) on the in-memory store, then prints the year's record indicators.
//
//	go run ./examples/township
//
// It registers residents in two villages (allocating their 17-digit archive numbers),
// records the year's checkups of the residents aged 65 and over (some are missed, as in
// real work), and reports per village: records, completeness, elderly checkups, the
// self-care bands and the TCM constitutions found. The resident records are built with the
// healthrecord/recordtest fixture builders, which fill every item of the forms.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/indicators"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// villages of the demo township (county 110105, township 001): one villagers' committee
// (101-199) and one residents' committee (001-099), nbphs-spec §1.4.
var villages = []healthrecord.Village{"110105001101", "110105001002"}

func run(ctx context.Context) error {
	reg := healthrecord.NewRegistry(memstore.New(), nil)
	year := gongwei.Year(2025)
	asOf := year.Last()

	// 1. Register residents: 60 records spread over two villages and over ages 21-75.
	for k := 0; k < 60; k++ {
		r := recordtest.Resident(1 + k*331)
		r.ID, r.Archive = "", healthrecord.ArchiveNumber{}
		if k%7 == 3 {
			r.Electronic = false // a paper record not yet entered
		}
		if err := reg.Register(ctx, villages[k%2], r); err != nil {
			return fmt.Errorf("register resident %d: %w", k, err)
		}
	}

	// 2. The year's elderly checkups: every resident 65+ on the checkup date, except every
	// fourth one, who did not come.
	var elderlySeen int
	for r, err := range reg.Residents(ctx, healthrecord.ResidentFilter{Prefix: "110105001"}) {
		if err != nil {
			return err
		}
		on := gongwei.MustDate(2025, 5, 10).AddDays(int(r.Archive.Serial()))
		if !healthrecord.IsElderlyOn(r.BirthDate, on) {
			continue
		}
		elderlySeen++
		if elderlySeen%4 == 0 {
			continue
		}
		if err := reg.SaveCheckup(ctx, recordtest.Checkup(r, on)); err != nil {
			return fmt.Errorf("checkup: %w", err)
		}
	}

	// 3. Tally per village and report.
	type villageStats struct {
		records, electronic, complete, used, elderly, managed, tcm int64
		bands                                                      map[healthrecord.SelfCareBand]int
		constitutions                                              map[healthrecord.Constitution]int
	}
	stats := map[healthrecord.Village]*villageStats{}
	tally := indicators.NewTally(16)
	for r, err := range reg.Residents(ctx, healthrecord.ResidentFilter{Prefix: "110105001"}) {
		if err != nil {
			return err
		}
		v := r.Archive.Village()
		st := stats[v]
		if st == nil {
			st = &villageStats{bands: map[healthrecord.SelfCareBand]int{}, constitutions: map[healthrecord.Constitution]int{}}
			stats[v] = st
		}
		st.records++
		if r.Electronic {
			st.electronic++
		}
		if r.Complete(asOf) {
			st.complete++
		}
		if used, err := reg.DynamicallyUsed(ctx, r.ID, asOf); err != nil {
			return err
		} else if used {
			st.used++
		}
		if !healthrecord.IsElderlyOn(r.BirthDate, asOf) {
			continue
		}
		st.elderly++
		for c, err := range reg.Checkups(ctx, healthrecord.CheckupFilter{Resident: r.ID, Period: year}) {
			if err != nil {
				return err
			}
			if c.ElderlyManaged(r.BirthDate) {
				st.managed++
				st.bands[c.Elderly.SelfCare.Band()]++
			}
			if c.TCMManaged(r.BirthDate) {
				st.tcm++
				res, err := c.TCM.Result()
				if err != nil {
					return err
				}
				st.constitutions[res.Main]++
			}
		}
	}

	fmt.Println("幸福乡卫生院 2025年 居民健康档案与老年人健康管理")
	fmt.Println()
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "village\trecords\telectronic\tcomplete\tused in year\t65+\tmanaged\tTCM")
	keys := make([]string, 0, len(stats))
	for v := range stats {
		keys = append(keys, string(v))
	}
	sort.Strings(keys)
	for _, k := range keys {
		st := stats[healthrecord.Village(k)]
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", k, st.records, st.electronic, st.complete, st.used, st.elderly, st.managed, st.tcm)
		unit, err := indicators.ParseUnit(k)
		if err != nil {
			return err
		}
		tally.Add("record.electronic", unit, year, st.electronic, st.records)
		tally.Add("record.usage", unit, year, st.used, st.records)
		tally.Add("elderly.management", unit, year, st.managed, st.elderly)
		tally.Add("tcm.elderly", unit, year, st.tcm, st.elderly)
	}
	if err := w.Flush(); err != nil {
		return err
	}

	fmt.Println()
	fmt.Println("township totals (villages rolled up):")
	township := tally.RollUp(indicators.LevelTownship)
	unit, _ := indicators.ParseUnit("110105001")
	for _, code := range []indicators.Code{"record.electronic", "record.usage", "elderly.management", "tcm.elderly"} {
		rate, ok := township.Rate(code, unit, year)
		if !ok {
			continue
		}
		fmt.Printf("  %-20s %d/%d = %s\n", code, rate.Numerator, rate.Denominator, rate)
	}

	fmt.Println()
	fmt.Println("self-care bands and TCM constitutions of the elderly managed:")
	for _, k := range keys {
		st := stats[healthrecord.Village(k)]
		fmt.Printf("  %s:", k)
		for b := healthrecord.SelfCareIndependent; b <= healthrecord.SelfCareDependent; b++ {
			if n := st.bands[b]; n > 0 {
				fmt.Printf(" %s %d", b, n)
			}
		}
		for c := healthrecord.QiDeficiency; c <= healthrecord.Balanced; c++ {
			if n := st.constitutions[c]; n > 0 {
				fmt.Printf(" | %s %d", c, n)
			}
		}
		fmt.Println()
	}
	return nil
}
