package integrity_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/memstore"
	"github.com/gongwei-lib/gongwei/integrity"
	"golang.org/x/text/language"
)

// Example checks a village's audit trail against the host's death registrations and
// staff register and prints the report.
func Example() {
	ctx := context.Background()
	trail := memstore.NewAudit()
	doctor := gongwei.Actor{Staff: "V001101", Institution: "410523001101", Within: "410523001101"}
	for i, day := range []int{3, 6, 9} {
		e := healthrecord.AuditEntry{
			Time: time.Date(2025, time.Month(day), 10, 9, 30, 0, 0, gongwei.Shanghai()), Actor: doctor,
			Op: healthrecord.AuditCreate, Kind: "chronic.Visit", ID: fmt.Sprintf("P7-%d", i),
			Resident: "41052300110100007", Division: "410523001101", Date: gongwei.MustDate(2025, time.Month(day), 10), After: 1,
		}
		if err := trail.AppendAudit(ctx, &e); err != nil {
			fmt.Println(err)
			return
		}
	}
	fs, err := integrity.Check(ctx, integrity.Sources{
		Audit:  trail,
		Deaths: []integrity.Death{{Resident: "41052300110100007", Date: gongwei.MustDate(2025, 5, 1)}},
		Staff:  []integrity.Staff{{ID: "V001101", Left: gongwei.MustDate(2025, 8, 31)}},
	}, "410523001101", integrity.Thresholds{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = integrity.Summarize("410523001101", fs).WriteText(os.Stdout, language.English)
	// Output:
	// Integrity check (410523001101)
	//   2 findings to review: 1 villages, 1 staff accounts
	//     services after death: 1
	//     writes by departed staff: 1
	//   By village
	//     410523001101  services after death 1; writes by departed staff 1
	//       Records to review: chronic.Visit:P7-1, chronic.Visit:P7-2
	//   By staff account
	//     V001101  services after death 1; writes by departed staff 1
	//       Records to review: chronic.Visit:P7-1, chronic.Visit:P7-2
}
