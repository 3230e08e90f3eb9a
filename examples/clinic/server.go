package main

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"log"
	"net/http"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/indicators"
	"github.com/gongwei-lib/gongwei/referral"
	"github.com/gongwei-lib/gongwei/worklist"
)

//go:embed templates/*.html
var templateFS embed.FS

// maxForm bounds a form's body: the forms here are a few hundred bytes.
const maxForm = 16 << 10

// Staff is a member of the township's staff who may act in the app: a village doctor
// (村医) of each village and the township health centre's public health team.
type Staff struct {
	ID          healthrecord.StaffID
	Institution string
	// Village is the staff member's village, empty for the township's team.
	Village healthrecord.Village
}

// Actor is the staff member as the actor of a write (gongwei.WithActor): a village
// doctor acts within their village, the township's team within township.
func (s *Staff) Actor(township gongwei.Division) gongwei.Actor {
	within := gongwei.Division(s.Village)
	if within == "" {
		within = township
	}
	return gongwei.Actor{Staff: string(s.ID), Institution: s.Institution, Within: within}
}

// Village is a village of the township with its name.
type Village struct {
	Code healthrecord.Village
	Name string
}

// Label is the village's name and the last three digits of its code (村 code).
func (v Village) Label() string {
	code := string(v.Code)
	if len(code) == 12 {
		code = code[9:]
	}
	if v.Name == "" {
		return code
	}
	return v.Name + " " + code
}

// app is the clinic web app over one township's stores.
type app struct {
	stores   worklist.Stores
	audit    healthrecord.AuditStore
	records  *healthrecord.Registry
	chronic  *chronic.Service
	vaccines *immunization.Service
	// referrals is the referral register (双向转诊), nil when the stores have none.
	referrals *referral.Service
	list      *worklist.List
	tmpl      *template.Template
	staff     []Staff
	villages  []Village
	teams     []healthrecord.TeamID
	township  string
	today     gongwei.Date
	// evaluate evaluates the township's indicators on a date.
	evaluate func(ctx context.Context, asOf gongwei.Date) (*indicators.Evaluation, error)
	logger   *log.Logger
}

// config is what the app is built from.
type config struct {
	stores   worklist.Stores
	township string
	villages []Village
	teams    []healthrecord.TeamID
	today    gongwei.Date
	evaluate func(ctx context.Context, asOf gongwei.Date) (*indicators.Evaluation, error)
	logger   *log.Logger
	// audit receives the audit trail of the app's writes (修改留痕), each entry naming
	// the staff member who made it.
	audit healthrecord.AuditStore
}

// newApp returns the app of c: the services write through c's stores with today as
// the day of recording.
func newApp(c config) (*app, error) {
	clock := func() time.Time {
		y, m, d := c.today.Date()
		return time.Date(y, m, d, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))
	}
	records := healthrecord.New(c.stores.Records, healthrecord.Options{Now: clock, Audit: c.audit})
	a := &app{
		stores:   c.stores,
		audit:    c.audit,
		records:  records,
		chronic:  chronic.New(c.stores.Chronic, chronic.Options{Records: records, Now: clock}),
		vaccines: immunization.New(c.stores.Immunization, immunization.Options{Records: records, Now: clock}),
		list:     worklist.New(append(worklist.Sources(), worklist.ReferralSource{})...),
		villages: c.villages,
		teams:    c.teams,
		township: c.township,
		today:    c.today,
		evaluate: c.evaluate,
		logger:   c.logger,
	}
	if c.stores.Referrals != nil {
		a.referrals = referral.New(c.stores.Referrals, referral.Options{Now: clock, Audit: c.audit})
	}
	if a.logger == nil {
		a.logger = log.Default()
	}
	sort.Slice(a.villages, func(i, j int) bool { return a.villages[i].Code < a.villages[j].Code })
	for _, v := range a.villages {
		a.staff = append(a.staff, Staff{ID: healthrecord.StaffID("V" + string(v.Code)[9:]), Institution: string(v.Code), Village: v.Code})
	}
	a.staff = append(a.staff, Staff{ID: healthrecord.StaffID("T" + c.township[6:9]), Institution: c.township + "000"})
	t, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	a.tmpl = t
	return a, nil
}

// funcs are the templates' functions.
var funcs = template.FuncMap{
	"T":     func(p *page, key string) string { return uiWord(key, p.Tag) },
	"L":     func(p *page, x any) string { return label(p.Tag, x) },
	"date":  func(d gongwei.Date) string { return dateText(d) },
	"plus1": func(i int) int { return i + 1 },
}

func dateText(d gongwei.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// handler returns the app's routes behind its middleware.
func (a *app) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.start)
	mux.HandleFunc("POST /staff", a.pickStaff)
	mux.HandleFunc("GET /worklist", a.worklist)
	mux.HandleFunc("GET /resident/{id}", a.resident)
	mux.HandleFunc("GET /resident/{id}/followup", a.followUpForm)
	mux.HandleFunc("POST /resident/{id}/followup", a.followUpSave)
	mux.HandleFunc("GET /resident/{id}/vaccination", a.vaccinationForm)
	mux.HandleFunc("POST /resident/{id}/vaccination", a.vaccinationSave)
	mux.HandleFunc("GET /resident/{id}/referral", a.withReferrals(a.referralForm))
	mux.HandleFunc("POST /resident/{id}/referral", a.withReferrals(a.referralSave))
	mux.HandleFunc("GET /resident/{id}/referral/{ref}", a.withReferrals(a.outcomeForm))
	mux.HandleFunc("POST /resident/{id}/referral/{ref}", a.withReferrals(a.outcomeSave))
	mux.HandleFunc("GET /report", a.reportPage)
	mux.HandleFunc("/", a.notFound)
	return a.middleware(mux)
}

// statusWriter records the status a handler answered.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// middleware sets the security headers, recovers from a panic with the error page,
// and logs each request by its route pattern (never its path, query or form: a path
// holds a resident's ID), status and duration.
func (a *app) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				a.logger.Printf("%s: panic recovered", routeOf(r))
				if sw.status == 0 {
					a.fail(sw, r, errors.New("panic"))
				}
			}
			a.logger.Printf("%s %d %s", routeOf(r), sw.status, time.Since(start).Round(time.Microsecond))
		}()
		next.ServeHTTP(sw, r)
	})
}

// routeOf is the request's route pattern, with no value of the path in it.
func routeOf(r *http.Request) string {
	if r.Pattern == "" || r.Pattern == "/" {
		return r.Method + " (unknown)"
	}
	return r.Pattern
}

// page is what every template gets.
type page struct {
	Lang  string
	Tag   language.Tag
	Title string
	Staff *Staff
	CSRF  string
	Today gongwei.Date
	Langs []langLink
	// Path is the page's path without the language, for the language links.
	Path string
	Data any
}

type langLink struct {
	Code, Name, Href string
	Current          bool
}

// newPage returns the page of r: its language (the lang query value, then the lang
// cookie, then simplified Chinese), the acting staff member and the CSRF token, set
// as cookies when they change.
func (a *app) newPage(w http.ResponseWriter, r *http.Request, titleKey string) *page {
	code := r.URL.Query().Get("lang")
	if code == "" {
		if c, err := r.Cookie("lang"); err == nil {
			code = c.Value
		}
	}
	code, tag := langOf(code)
	if q := r.URL.Query().Get("lang"); q != "" {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: code, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	p := &page{Lang: code, Tag: tag, Staff: a.actingStaff(r), CSRF: a.csrfToken(w, r), Today: a.today}
	p.Title = uiWord(titleKey, tag)
	q := r.URL.Query()
	q.Del("lang")
	for _, l := range languages {
		q.Set("lang", l.Code)
		p.Langs = append(p.Langs, langLink{Code: l.Code, Name: l.Name, Href: r.URL.Path + "?" + q.Encode(), Current: l.Code == code})
	}
	return p
}

// actingStaff returns the staff member picked on the start page, or nil.
func (a *app) actingStaff(r *http.Request) *Staff {
	c, err := r.Cookie("staff")
	if err != nil {
		return nil
	}
	for i := range a.staff {
		if string(a.staff[i].ID) == c.Value {
			return &a.staff[i]
		}
	}
	return nil
}

// csrfToken returns the request's CSRF token (the csrf cookie), making one when
// there is none. Forms carry it in a hidden field; a POST whose field does not equal
// the cookie is refused (double-submit; the cookie is SameSite=Strict as well).
func (a *app) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie("csrf"); err == nil && len(c.Value) == 64 {
		if _, err := hex.DecodeString(c.Value); err == nil {
			return c.Value
		}
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	tok := hex.EncodeToString(b[:])
	http.SetCookie(w, &http.Cookie{Name: "csrf", Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return tok
}

// checkCSRF reports whether the form's token equals the cookie's. r's form must be
// parsed.
func checkCSRF(r *http.Request) bool {
	c, err := r.Cookie("csrf")
	if err != nil || len(c.Value) != 64 {
		return false
	}
	f := r.PostForm.Get("csrf")
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(f)) == 1
}

// writeContext is the context of every write the app makes for the acting staff
// member s, carrying s as the write's actor (gongwei.WithActor): the services record
// it in the audit trail and refuse a write outside s's village (a village doctor) or
// township (the township's team). It is the one place a write's context is built. The
// staff member also goes into the record itself (the visit's provider, the
// vaccination's giver), where the record has a field for it.
func (a *app) writeContext(r *http.Request, s *Staff) context.Context {
	return gongwei.WithActor(r.Context(), s.Actor(gongwei.Division(a.township)))
}

// render executes template name with p and status.
func (a *app) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	var b strings.Builder
	if err := a.tmpl.ExecuteTemplate(&b, name, p); err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(b.String()))
}

// fail answers 500 with the error page; the log names the route only.
func (a *app) fail(w http.ResponseWriter, r *http.Request, err error) {
	a.logger.Printf("%s: %s", routeOf(r), safeError(err))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, tag := langOf("")
	if c, e := r.Cookie("lang"); e == nil {
		_, tag = langOf(c.Value)
	}
	_, _ = w.Write([]byte("<!doctype html><meta charset=utf-8><title>500</title><p>" + template.HTMLEscapeString(uiWord("error", tag)) + "</p>"))
}

// safeError is what the log says of err: the library's errors carry no personal data
// (its messages name fields and codes, never values), so they are logged as they are.
func safeError(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// notFound answers 404 with a page.
func (a *app) notFound(w http.ResponseWriter, r *http.Request) {
	p := a.newPage(w, r, "notfound")
	a.render(w, r, http.StatusNotFound, "notfound.html", p)
}
