// Package reporttest holds the checks the examples' tests make of the HTML report
// they write (the growth section against the child store). It imports package testing:
// only tests import it, so the example programs do not link it.
package reporttest

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/examples/internal/growthpage"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// CheckGrowthChart checks the growth section of the HTML report against the child store:
// the charted child is the first under prefix (a township's or county's code) with at least growthpage.MinMeasured measured visits,
// the weight-for-age chart holds one point per visit that measured the weight, and the
// page names neither the child nor its ID number.
func CheckGrowthChart(t *testing.T, ctx context.Context, records healthrecord.Store, s child.Store, prefix, html string) {
	t.Helper()
	var picked *child.Child
	weighed := 0
	for c, err := range s.Children(ctx, child.ChildFilter{Prefix: prefix}) {
		require.NoError(t, err)
		n := 0
		for v, err := range s.Visits(ctx, child.VisitFilter{Child: c.ID}) {
			require.NoError(t, err)
			if v.Measurement.WeightKg > 0 && c.AgeDays(v.Date) <= child.MaxAgeDays {
				n++
			}
		}
		if n >= growthpage.MinMeasured {
			picked, weighed = c, n
			break
		}
	}
	require.NotNil(t, picked, "a child with %d measured visits", growthpage.MinMeasured)

	assert.Contains(t, html, `<section class="extra" id="growth">`)
	wfa := SVGElement(t, html, `data-indicator="`+child.WeightForAge.String()+`"`)
	assert.Equal(t, weighed, strings.Count(wfa, `<circle class="point`), "one point per weighed visit")
	assert.Equal(t, 5, strings.Count(wfa, `<path class="sd"`), "the WHO -3, -2, 0, +2, +3 SD curves")
	assert.Contains(t, wfa, `data-sex="`+strconv.Itoa(int(picked.Sex))+`"`)
	assert.Contains(t, html, fmt.Sprintf("体重测量%d次", weighed))
	hfa := SVGElement(t, html, `data-indicator="`+child.LengthHeightForAge.String()+`"`)
	assert.Positive(t, strings.Count(hfa, `<circle class="point`))

	// No personal data.
	r, err := records.Resident(ctx, picked.Resident)
	require.NoError(t, err)
	require.NotEmpty(t, r.Name)
	assert.NotContains(t, html, r.Name)
	assert.NotContains(t, html, string(picked.Resident))
	assert.NotContains(t, html, string(picked.ID))
	assert.NotContains(t, html, r.Archive.String())
	if !r.IDNumber.IsZero() {
		assert.NotContains(t, html, r.IDNumber.String())
	}
}

// SVGElement returns the svg element of page whose start tag contains attr.
func SVGElement(t *testing.T, page, attr string) string {
	t.Helper()
	for rest := page; ; {
		i := strings.Index(rest, "<svg ")
		require.GreaterOrEqual(t, i, 0, "no svg with %s", attr)
		rest = rest[i:]
		end := strings.Index(rest, "</svg>")
		require.Greater(t, end, 0)
		tag := rest[:strings.Index(rest, ">")]
		if strings.Contains(tag, attr) {
			return rest[:end]
		}
		rest = rest[end:]
	}
}
