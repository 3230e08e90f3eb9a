package main

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
)

var fuzzApp struct {
	once sync.Once
	app  *app
	err  error
}

// fuzzTarget returns the app over the test township, built once for a fuzz run.
func fuzzTarget(t *testing.T) *app {
	t.Helper()
	town := township(t)
	fuzzApp.once.Do(func() {
		fuzzApp.app, fuzzApp.err = newTownshipApp(context.Background(), town, gongwei.MustParseDate(defaultToday), log.New(io.Discard, "", 0))
	})
	if fuzzApp.err != nil {
		t.Fatal(fuzzApp.err)
	}
	return fuzzApp.app
}

const fuzzToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// FuzzFollowUpForm posts arbitrary follow-up forms: the answer is the saved redirect
// or the form again with its problems, never a failure.
func FuzzFollowUpForm(f *testing.F) {
	f.Add("2025-12-31", "1", "130", "80", "72", "60.5", "6.1", "1")
	f.Add("", "", "", "", "", "", "", "")
	f.Add("2025-02-30", "9", "400", "abc", "-1", "NaN", "1e308", "7")
	f.Add("２０２５-１２-０１", "１", "１３０", "８０", "", "", "", "１")
	f.Fuzz(func(t *testing.T, date, mode, sbp, dbp, hr, weight, glucose, adherence string) {
		a := fuzzTarget(t)
		patient, res := hypertensiveOf(t, a)
		form := url.Values{"csrf": {fuzzToken}, "patient": {patient}, "date": {date}, "mode": {mode}, "sbp": {sbp},
			"dbp": {dbp}, "hr": {hr}, "weight": {weight}, "glucose": {glucose}, "adherence": {adherence}}
		st := postTo(a, "/resident/"+res+"/followup", form)
		if st != http.StatusSeeOther && st != http.StatusBadRequest {
			t.Fatalf("status %d", st)
		}
	})
}

// FuzzWorklistQuery asks for the worklist with arbitrary query values: 200 or 400.
func FuzzWorklistQuery(f *testing.F) {
	f.Add("410523001101", "", "2025-06-02", "zh-Hant")
	f.Add("x", "T001", "2025-13-01", "")
	f.Add("", "", "9999-12-31", "en")
	f.Fuzz(func(t *testing.T, village, team, week, lang string) {
		a := fuzzTarget(t)
		q := url.Values{"village": {village}, "team": {team}, "week": {week}, "lang": {lang}}
		r := httptest.NewRequest(http.MethodGet, "/worklist?"+q.Encode(), nil)
		w := httptest.NewRecorder()
		a.handler().ServeHTTP(w, r)
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("status %d", w.Code)
		}
	})
}

// hypertensiveOf returns the resident and patient IDs of the first hypertension
// patient the follow-up form offers.
func hypertensiveOf(t *testing.T, a *app) (string, string) {
	t.Helper()
	for r, err := range a.stores.Records.Residents(context.Background(), residentsOf(a)) {
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest(http.MethodGet, "/resident/"+string(r.ID)+"/followup", nil)
		ps, err := a.followUpPatients(req, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) > 0 {
			return string(ps[0].ID), string(r.ID)
		}
	}
	t.Fatal("no patient")
	return "", ""
}

// postTo posts form to path with the CSRF cookie and a staff member picked, and
// returns the status.
func postTo(a *app, path string, form url.Values) int {
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.AddCookie(&http.Cookie{Name: "csrf", Value: fuzzToken})
	r.AddCookie(&http.Cookie{Name: "staff", Value: "T001"})
	w := httptest.NewRecorder()
	a.handler().ServeHTTP(w, r)
	return w.Code
}

func residentsOf(a *app) healthrecord.ResidentFilter {
	return healthrecord.ResidentFilter{Prefix: a.township}
}
