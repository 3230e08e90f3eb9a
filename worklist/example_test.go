package worklist_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/worklist"
)

// A patient under hypertension management whose last follow-up set the next one for
// 2 June 2025, aged 65, with no checkup yet in 2025: in the week of 2 June the
// follow-up and the yearly checkup are due, merged into one visit.
func Example() {
	s := &indicators.Subject{
		Resident: &healthrecord.Resident{ID: "r1", Name: "张三", BirthDate: gongwei.MustParseDate("1960-03-01"),
			Archive: healthrecord.MustParseArchiveNumber("11010500110100001")},
		Chronic: []indicators.ChronicCase{{
			Patient: &chronic.Patient{ID: "p1", Resident: "r1", Condition: chronic.Hypertension, Registered: gongwei.MustParseDate("2024-01-01")},
			Visits: []*chronic.Visit{{Patient: "p1", Hypertension: &chronic.HypertensionFollowUp{Date: gongwei.MustParseDate("2025-03-03")},
				Assessment: chronic.Assessment{NextDue: gongwei.MustParseDate("2025-06-02")}}},
		}},
	}
	week := gongwei.Period{Start: gongwei.MustParseDate("2025-06-02"), End: gongwei.MustParseDate("2025-06-09")}
	e, ok := worklist.New().Entry(s, week)
	if !ok {
		return
	}
	for _, it := range e.Items {
		fmt.Printf("%s, %s by %s (%s)\n", it.Label(language.SimplifiedChinese), it.Status.Label(language.SimplifiedChinese), it.Due(), it.Source)
	}
	fmt.Println("visits:", len(e.Visits), "on", e.Visits[0].Date)
	// Output:
	// 高血压随访, 应做 by 2025-06-02 (nbphs-spec §7.2)
	// 年度健康体检, 应做 by 2025-12-31 (nbphs-spec §6; nbphs-spec §7.4)
	// visits: 1 on 2025-06-02
}
