package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

// TestInBrowser drives the app in headless Chromium through the DevTools protocol: it
// picks the acting staff member on the start page, opens the week's worklist, records
// through the form the follow-up of a hypertension patient the list shows (BP at target,
// where the patient's latest follow-up was not), and checks that the patient's
// follow-up leaves the worklist, that the resident's page shows the new visit with the
// staff member who recorded it, and that the report's blood-pressure control numerator
// (ht.bp_control) grows by one; then records a referral of the patient and the
// follow-up of its outcome through the resident page's links. Screenshots of the worklist and the resident page are
// taken, and the browser is asked which fonts drew their Chinese headings: a CJK font
// drew glyphs, so the screenshots show Chinese text, not empty boxes.
//
// It runs when GONGWEI_CHROMIUM names a Chromium binary (.ci/run installs Debian's
// chromium with CJK fonts and sets it) and fails, rather than skips, when that browser
// cannot run. Set GONGWEI_HTML_KEEP to a directory to keep the screenshots there.
func TestInBrowser(t *testing.T) {
	bin := os.Getenv("GONGWEI_CHROMIUM")
	if bin == "" {
		t.Skip("GONGWEI_CHROMIUM is not set: no browser test")
	}
	s := newTestServer(t)
	target, patient := uncontrolledDue(t, s)
	dir := t.TempDir()
	keep := os.Getenv("GONGWEI_HTML_KEEP")
	if keep != "" {
		require.NoError(t, os.MkdirAll(keep, 0o755))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	b, err := startBrowser(ctx, bin, filepath.Join(dir, "profile"))
	if err != nil {
		t.Fatalf("GONGWEI_CHROMIUM=%s cannot run: %v", bin, err)
	}
	defer b.close()

	// The report before.
	require.NoError(t, b.open(s.URL+"/report?lang=zh-Hans"))
	before := bpControlled(t, b)

	// The start page: pick the township's team.
	require.NoError(t, b.open(s.URL+"/"))
	txt, err := b.text()
	require.NoError(t, err)
	assert.Contains(t, txt, "选择当前工作人员")
	_, err = b.eval(`document.querySelector('input[value="T001"]').checked = true`)
	require.NoError(t, err)
	require.NoError(t, b.click("#pick"))
	acting, err := b.eval(`document.querySelector("#acting").textContent`)
	require.NoError(t, err)
	assert.Equal(t, "T001", acting)

	// The township's worklist lists the patient's hypertension follow-up.
	require.NoError(t, b.open(s.URL+"/worklist"))
	rowsOf := func() string {
		v, err := b.eval(`[...document.querySelectorAll("#worklist tr")].map(r => r.innerText).join("\n")`)
		require.NoError(t, err)
		return v
	}
	list := rowsOf()
	require.Contains(t, list, target.Name)
	shot(t, b, "worklist.png", keep, dir, "h1")

	// The resident's page, then the follow-up form through its link.
	require.NoError(t, b.open(s.URL+"/resident/"+string(target.ID)))
	require.NoError(t, b.click(`a.record-followup`))
	txt = saveForm(t, b, map[string]string{"date": "2025-12-31", "sbp": "126", "dbp": "76", "hr": "72"})
	assert.Contains(t, txt, "126/76")
	assert.Contains(t, txt, "控制满意")
	visitRow, err := b.eval(`[...document.querySelectorAll("table.visits tr")].map(r => r.innerText).find(t => t.includes("126/76"))`)
	require.NoError(t, err)
	assert.Contains(t, visitRow, "T001", "the visit names who recorded it")
	shot(t, b, "resident.png", keep, dir, "h1")

	// The worklist no longer lists the follow-up; the report counts the patient.
	require.NoError(t, b.open(s.URL+"/worklist"))
	for _, line := range strings.Split(rowsOf(), "\n") {
		if strings.Contains(line, target.Name) {
			assert.NotContains(t, line, "高血压随访")
			assert.NotContains(t, line, "高血压转诊后随访")
		}
	}
	require.NoError(t, b.open(s.URL+"/report"))
	assert.Equal(t, before+1, bpControlled(t, b), "ht.bp_control numerator")

	// A referral of the patient through the resident page's link, then the follow-up of
	// its outcome through the link of its row.
	require.NoError(t, b.open(s.URL+"/resident/"+string(target.ID)))
	require.NoError(t, b.click("#record-referral"))
	txt = saveForm(t, b, map[string]string{"kind": "hypertension", "date": "2025-12-31", "to": "县人民医院心内科"})
	require.Contains(t, txt, "县人民医院心内科")
	require.NoError(t, b.click("a.record-outcome"))
	require.NoError(t, b.fill("date", "2025-12-31"))
	require.NoError(t, b.click("#save"))
	row, err := b.eval(`[...document.querySelectorAll("#referrals tr")].map(r => r.innerText).find(t => t.includes("县人民医院心内科"))`)
	require.NoError(t, err)
	assert.Contains(t, row, "已到位")
	_ = patient
}

// saveForm fills the open form's fields with values, saves it and returns the page's
// text, which must say that the form was saved.
func saveForm(t *testing.T, b *browser, values map[string]string) string {
	t.Helper()
	for name, value := range values {
		require.NoError(t, b.fill(name, value))
	}
	require.NoError(t, b.click("#save"))
	txt, err := b.text()
	require.NoError(t, err)
	require.Contains(t, txt, "已保存", "saved: %s", txt)
	return txt
}

// bpControlled reads the ht.bp_control row's numerator from the report in the browser.
func bpControlled(t *testing.T, b *browser) int {
	t.Helper()
	v, err := b.eval(`document.querySelector('tr[data-code="ht.bp_control"]').dataset.numerator`)
	require.NoError(t, err)
	n, err := strconv.Atoi(v)
	require.NoError(t, err, v)
	return n
}

// shot takes a screenshot, checks that it is a PNG of the window with text drawn, and
// that a CJK font drew the glyphs of selector's element.
func shot(t *testing.T, b *browser, name, keep, dir, selector string) {
	t.Helper()
	png1, err := b.screenshot()
	require.NoError(t, err)
	if keep != "" {
		dir = keep
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, name), png1, 0o644))
	img, err := png.Decode(bytes.NewReader(png1))
	require.NoError(t, err, "%s is a PNG", name)
	assert.Equal(t, 1200, img.Bounds().Dx(), name)
	assert.Greater(t, img.Bounds().Dy(), 1000, name)
	assert.Greater(t, darkPixels(img), 500, "%s shows text", name)
	fonts, err := b.fontsOf(selector)
	require.NoError(t, err)
	assert.True(t, cjkFont(fonts), "%s: the heading's Chinese drawn with a CJK font, got %v", name, fonts)
}

// darkPixels counts the pixels darker than mid-grey.
func darkPixels(img image.Image) int {
	n := 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if (cr+cg+cb)/3 < 0x6000 {
				n++
			}
		}
	}
	return n
}

// uncontrolledDue returns a hypertension patient of this week's worklist whose latest
// follow-up up to today had BP above 140/90 and who has no visit on today's date.
func uncontrolledDue(t *testing.T, s *testServer) (*healthrecord.Resident, *chronic.Patient) {
	t.Helper()
	ctx := context.Background()
	es, err := s.app.list.Collect(ctx, s.app.stores, worklistQuery(s.app))
	require.NoError(t, err)
	for _, e := range es {
		for p, err := range s.app.stores.Chronic.Patients(ctx, chronic.PatientFilter{Resident: e.Resident, Condition: chronic.Hypertension}) {
			require.NoError(t, err)
			listed := false
			for _, it := range e.Items {
				listed = listed || it.Service == "hypertension"
			}
			if !listed || !p.ActiveOn(s.app.today) {
				continue
			}
			var latest *chronic.Visit
			clash := false
			for v, err := range s.app.stores.Chronic.Visits(ctx, chronic.VisitFilter{Patient: p.ID}) {
				require.NoError(t, err)
				if v.Date() == s.app.today {
					clash = true
				}
				if !v.Date().After(s.app.today) && v.Date().Year() == s.app.today.Year() && (latest == nil || !v.Date().Before(latest.Date())) {
					latest = v
				}
			}
			if clash || latest == nil || latest.Hypertension == nil || (latest.Hypertension.Systolic < 140 && latest.Hypertension.Diastolic < 90) {
				continue
			}
			r, err := s.app.stores.Records.Resident(ctx, e.Resident)
			require.NoError(t, err)
			return r, p
		}
	}
	t.Fatal("no uncontrolled hypertension patient due this week in the test township")
	return nil, nil
}
