package main

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/worklist"
)

// start is the start page: pick the acting staff member.
func (a *app) start(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r, "start")
	type staffRow struct {
		Staff
		Label string
	}
	var rows []staffRow
	for _, s := range a.staff {
		l := uiWord("staff.town", p.Tag) + " " + string(s.ID)
		if s.Village != "" {
			l = uiWord("staff.village", p.Tag) + " " + string(s.ID) + " · " + a.villageName(s.Village)
		}
		rows = append(rows, staffRow{s, l})
	}
	p.Data = struct {
		Rows    []staffRow
		NoStaff bool
	}{rows, r.URL.Query().Get("nostaff") != ""}
	a.render(w, r, http.StatusOK, "start.html", p)
}

func (a *app) villageName(v healthrecord.Village) string {
	for _, x := range a.villages {
		if x.Code == v {
			return x.Label()
		}
	}
	return string(v)
}

// pickStaff sets the acting staff member and goes to their worklist.
func (a *app) pickStaff(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil || !checkCSRF(r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	id := r.PostForm.Get("staff")
	for _, s := range a.staff {
		if string(s.ID) == id {
			http.SetCookie(w, &http.Cookie{Name: "staff", Value: id, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			target := "/worklist"
			if s.Village != "" {
				target += "?village=" + string(s.Village)
			}
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// monday returns the Monday of d's week.
func monday(d gongwei.Date) gongwei.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// worklistRow is one line of the printed worklist.
type worklistRow struct {
	Entry    *worklist.Entry
	First    bool
	Span     int
	Item     worklist.Item
	VisitDay gongwei.Date
}

// worklist is the worklist of a village, a team or the township for a week.
func (a *app) worklist(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r, "worklist")
	q := r.URL.Query()
	village := healthrecord.Village(q.Get("village"))
	team := healthrecord.TeamID(q.Get("team"))
	var problems []problem
	if village != "" && !a.hasVillage(village) {
		problems = append(problems, problem{uiWord("village", p.Tag), uiWord("bad.choice", p.Tag)})
		village = ""
	}
	if team != "" && !a.hasTeam(team) {
		problems = append(problems, problem{uiWord("team", p.Tag), uiWord("bad.choice", p.Tag)})
		team = ""
	}
	start := monday(a.today)
	if s := strings.TrimSpace(q.Get("week")); s != "" {
		d, err := gongwei.ParseDate(s)
		if err != nil {
			problems = append(problems, problem{uiWord("week", p.Tag), uiWord("bad.date", p.Tag)})
		} else {
			start = d
		}
	}
	prefix := a.township
	if village != "" {
		prefix = string(village)
	}
	rng := gongwei.Period{Start: start, End: start.AddDays(7)}
	entries, err := a.list.Collect(r.Context(), a.stores, worklist.Query{Prefix: prefix, Team: team, Range: rng})
	if err != nil {
		if errors.Is(err, gongwei.ErrInvalid) {
			problems = append(problems, problem{uiWord("week", p.Tag), uiWord("bad.date", p.Tag)})
		} else {
			a.fail(w, r, err)
			return
		}
	}
	var rows []worklistRow
	for _, e := range entries {
		visitOf := make([]gongwei.Date, len(e.Items))
		for _, v := range e.Visits {
			for _, i := range v.Items {
				visitOf[i] = v.Date
			}
		}
		for i, it := range e.Items {
			rows = append(rows, worklistRow{Entry: e, First: i == 0, Span: len(e.Items), Item: it, VisitDay: visitOf[i]})
		}
	}
	status := http.StatusOK
	if len(problems) > 0 {
		status = http.StatusBadRequest
	}
	p.Data = struct {
		Villages  []Village
		Teams     []healthrecord.TeamID
		Village   healthrecord.Village
		Team      healthrecord.TeamID
		Week      string
		Range     gongwei.Period
		Rows      []worklistRow
		Residents int
		Problems  []problem
		Place     string
	}{a.villages, a.teams, village, team, start.String(), rng, rows, len(entries), problems, a.placeName(village, p)}
	a.render(w, r, status, "worklist.html", p)
}

func (a *app) placeName(v healthrecord.Village, p *page) string {
	if v == "" {
		return uiWord("all", p.Tag)
	}
	return a.villageName(v)
}

func (a *app) hasVillage(v healthrecord.Village) bool {
	for _, x := range a.villages {
		if x.Code == v {
			return true
		}
	}
	return false
}

func (a *app) hasTeam(t healthrecord.TeamID) bool {
	for _, x := range a.teams {
		if x == t {
			return true
		}
	}
	return false
}

// residentData is what the resident page shows.
type residentData struct {
	R         *healthrecord.Resident
	Village   string
	Entry     *worklist.Entry
	Chronic   []chronicCase
	Doses     []immunization.Dose
	Forecast  []immunization.Recommendation
	HasImm    bool
	Growth    template.HTML
	ChildPlan []child.Item
	Pregnancy [][]pregItem
	Events    []healthrecord.ServiceEvent
	// Referrals are the resident's referral slips, newest first; CanRefer that the
	// app has a referral register.
	Referrals []referralRow
	CanRefer  bool
	Saved     bool
}

type chronicCase struct {
	Patient *chronic.Patient
	Visits  []chronicVisit
	// CanFollowUp reports that the form records this condition's follow-ups.
	CanFollowUp bool
}

type chronicVisit struct {
	V        *chronic.Visit
	Sys, Dia int
}

type pregItem struct {
	Kind          string
	Status        string
	Opens, Closes gongwei.Date
}

// resident is a resident's page: the record summary, what is due this week, each
// chronic case with its follow-ups and classes, the vaccinations with the forecast, a
// child's growth chart and checks, a pregnancy's schedule and the service timeline.
// Personal data is shown here and nowhere else.
func (a *app) resident(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r, "resident")
	id := healthrecord.ResidentID(r.PathValue("id"))
	s, err := worklist.Subject(r.Context(), a.stores, id, gongwei.Period{})
	if a.lookupFailed(w, r, err, false) {
		return
	}
	d := residentData{R: s.Resident, Village: a.villageName(s.Resident.Archive.Village()), Saved: r.URL.Query().Get("saved") != "",
		Referrals: referralRows(s.Referrals, p.Tag, a.today), CanRefer: a.referrals != nil}
	if e, ok := a.list.Entry(s, gongwei.Period{Start: monday(a.today), End: monday(a.today).AddDays(7)}); ok {
		d.Entry = e
	}
	for _, c := range s.Chronic {
		cc := chronicCase{Patient: c.Patient, CanFollowUp: followUpCondition(c.Patient)}
		for i := len(c.Visits) - 1; i >= 0; i-- {
			v := c.Visits[i]
			cv := chronicVisit{V: v}
			switch {
			case v.Hypertension != nil:
				cv.Sys, cv.Dia = v.Hypertension.Systolic, v.Hypertension.Diastolic
			case v.Diabetes != nil:
				cv.Sys, cv.Dia = v.Diabetes.Systolic, v.Diabetes.Diastolic
			}
			cc.Visits = append(cc.Visits, cv)
		}
		d.Chronic = append(d.Chronic, cc)
	}
	if s.Immunization != nil && s.Immunization.Registration != nil {
		d.HasImm = true
		for _, v := range s.Immunization.Vaccinations {
			d.Doses = append(d.Doses, v.Dose)
		}
		reg := s.Immunization.Registration
		for _, rec := range immunization.Forecast(immunization.ScheduleFor(reg.Child.Birth), reg.Child, d.Doses, a.today) {
			if rec.Status != immunization.StatusComplete && rec.Status != immunization.StatusNotIndicated {
				d.Forecast = append(d.Forecast, rec)
			}
		}
	}
	if s.Child != nil && s.Child.Child != nil {
		c := s.Child.Child
		d.ChildPlan = child.Schedule(c, s.Child.Visits, a.today)
		var pts []child.ChartPoint
		for _, v := range s.Child.Visits {
			age, m := c.AgeDays(v.Date), v.Measurement
			if m.WeightKg > 0 && !m.Oedema {
				if _, err := child.ZScore(child.WeightForAge, c.Sex, age, m.WeightKg); err == nil {
					pts = append(pts, child.ChartPoint{AgeDays: age, Measure: m.WeightKg})
				}
			}
		}
		if len(pts) > 0 && (c.Sex == gongwei.Male || c.Sex == gongwei.Female) {
			var b bytes.Buffer
			g := child.GrowthChart{Indicator: child.WeightForAge, Sex: c.Sex, Points: pts, Lang: p.Tag}
			if err := g.WriteSVG(&b); err == nil {
				d.Growth = template.HTML(b.String()) // the library's SVG, escaped by it
			}
		}
	}
	for _, preg := range s.Pregnancies {
		var items []pregItem
		for _, it := range preg.Schedule(a.today) {
			items = append(items, pregItem{Kind: it.Kind.Label(p.Tag), Status: it.Status.Label(p.Tag), Opens: it.Opens, Closes: it.Closes})
		}
		d.Pregnancy = append(d.Pregnancy, items)
	}
	for e, err := range a.stores.Records.Events(r.Context(), healthrecord.EventFilter{Resident: id}) {
		if err != nil {
			a.fail(w, r, err)
			return
		}
		d.Events = append(d.Events, e)
	}
	// Newest first.
	for i, j := 0, len(d.Events)-1; i < j; i, j = i+1, j-1 {
		d.Events[i], d.Events[j] = d.Events[j], d.Events[i]
	}
	p.Title = s.Resident.Name + " · " + p.Title
	p.Data = d
	a.render(w, r, http.StatusOK, "resident.html", p)
}

// reportPage is the township's indicator report from 1 January to today, as the
// township example prints it (examples/internal/townshipdb evaluates it, indicators
// writes it), in the page's language.
func (a *app) reportPage(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r, "report")
	ev, err := a.evaluate(r.Context(), a.today)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rep := indicators.NewReport(ev, p.Tag)
	rep.Title = uiWord("app", p.Tag) + " · " + uiWord("report", p.Tag)
	var b bytes.Buffer
	if err := rep.WriteHTMLPage(&b, indicators.SummarySection(indicators.Summarize(ev, p.Tag), p.Tag)); err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}
