package sqlstore

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// TestScanPlans: on SQLite, every scan of the one-scan read (DB.Subjects and
// DB.CountedSubjects, for the whole database and for a jurisdiction) walks an index in
// the order it hands its rows over, without sorting them in a temporary B-tree, both
// before and after ANALYZE has given the planner the tables' statistics. The one sort
// left is that of each resident's whole service events into the timeline's order
// (DB.Subjects), which the counted events do without.
func TestScanPlans(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "plans.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	county, err := synth.New(synth.Config{Seed: 3, County: "410523", Townships: 2, VillagesPerTownship: 2, Residents: 300, Year: 2025})
	if err != nil {
		t.Fatal(err)
	}
	if err := county.LoadAll(ctx, synth.Stores{
		Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(), Child: db.Child(),
		Immunization: db.Immunization(), Supervision: db.Supervision(), Education: db.Education(),
	}); err != nil {
		t.Fatal(err)
	}
	check := func(stats string) {
		for _, prefix := range []string{"", county.Township(1)} {
			q := indicators.SubjectQuery{
				Prefix: prefix, Period: county.Period(), Records: db.HealthRecord(), Chronic: db.Chronic(),
				Maternal: db.Maternal(), Child: db.Child(), Immunization: db.Immunization(), Referrals: db.Referrals(),
			}
			for _, counted := range []bool{false, true} {
				scans := 0
				m, err := db.openScans(ctx, q, counted, func(op, query string, args []any) error {
					scans++
					rows, err := db.sql.QueryContext(ctx, "EXPLAIN QUERY PLAN "+query, args...)
					if err != nil {
						return err
					}
					defer rows.Close()
					var plan []string
					for rows.Next() {
						var id, parent, unused int
						var detail string
						if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
							return err
						}
						plan = append(plan, detail)
					}
					all := strings.Join(plan, "; ")
					if !counted && op == "scan service events" {
						// The whole events of a resident are put in the timeline's
						// order, which a worklist shows: a sort of a few rows per group.
						all = strings.Replace(all, "USE TEMP B-TREE FOR group_concat(ORDER BY)", "", 1)
					}
					if strings.Contains(all, "TEMP B-TREE") || !strings.Contains(all, "INDEX") {
						t.Errorf("%s, prefix %q, counted %v: %s: plan %s", stats, prefix, counted, op, all)
					}
					return rows.Err()
				})
				if err != nil {
					t.Fatal(err)
				}
				m.close()
				if scans != 13 {
					t.Errorf("%s, prefix %q: %d scans explained, want 13", stats, prefix, scans)
				}
			}
		}
	}
	check("without statistics")
	if _, err := db.sql.ExecContext(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	check("with statistics")
}
