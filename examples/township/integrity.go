package main

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/integrity"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"golang.org/x/text/language"
)

// integritySummary checks the township's records for the marks of fabrication
// (integrity.Check over the audit trail the load wrote, the residents' closures, the
// county's death registrations and staff register, and the hypertension readings),
// prints the report in tag to out and returns it as a section of the HTML page.
func integritySummary(ctx context.Context, out io.Writer, c *synth.County, s synth.Stores, tag language.Tag) (indicators.HTMLSection, error) {
	src := integrity.Sources{Audit: s.Audit, Records: s.Records, Chronic: s.Chronic}
	for _, d := range c.Deaths(0, c.Residents()) {
		src.Deaths = append(src.Deaths, integrity.Death{Resident: d.Resident, Date: d.Date})
	}
	for _, m := range c.Staff() {
		src.Staff = append(src.Staff, integrity.Staff{ID: m.ID, Left: m.Left})
	}
	fs, err := integrity.Check(ctx, src, gongwei.Division(township), integrity.Thresholds{})
	if err != nil {
		return indicators.HTMLSection{}, err
	}
	rep := integrity.Summarize(gongwei.Division(township), fs)
	fmt.Fprintln(out)
	if err := rep.WriteText(out, tag); err != nil {
		return indicators.HTMLSection{}, err
	}
	var b bytes.Buffer
	if err := rep.WriteHTML(&b, tag); err != nil {
		return indicators.HTMLSection{}, err
	}
	// The report's own markup, escaped by html/template: trusted.
	return indicators.HTMLSection{ID: "integrity", Body: template.HTML(b.String())}, nil
}
