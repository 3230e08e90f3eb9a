package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/integrity"
	"github.com/gongwei-lib/gongwei/internal/synth"
)

// integrityTable checks each township's records for the marks of fabrication
// (integrity.Check over the township's audit trail, the residents' closures, the
// county's death registrations and staff register and the hypertension readings), the
// townships in parallel, and prints per township the findings and the villages and
// staff accounts they name. Without an audit trail (stores loaded before it was kept)
// it prints nothing.
func integrityTable(ctx context.Context, out io.Writer, county *synth.County, s synth.Stores, workers int) error {
	if s.Audit == nil {
		return nil
	}
	src := integrity.Sources{Audit: s.Audit, Records: s.Records, Chronic: s.Chronic}
	for _, d := range county.Deaths(0, county.Residents()) {
		src.Deaths = append(src.Deaths, integrity.Death{Resident: d.Resident, Date: d.Date})
	}
	for _, m := range county.Staff() {
		src.Staff = append(src.Staff, integrity.Staff{ID: m.ID, Left: m.Left})
	}
	reports := make([]*integrity.Report, county.Config().Townships)
	err := parallel(len(reports), workers, func(t int) error {
		town := gongwei.Division(county.Township(t + 1))
		fs, err := integrity.Check(ctx, src, town, integrity.Thresholds{})
		if err != nil {
			return err
		}
		reports[t] = integrity.Summarize(town, fs)
		return nil
	})
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "township\t数据真实性核查线索\t涉及村\t涉及账号\t")
	for t, r := range reports {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t\n", county.Township(t+1), r.Total(), len(r.Villages), len(r.Staff))
	}
	return w.Flush()
}
