package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
)

// problem is one problem of a form: the field's label and the message.
type problem struct {
	Field, Message string
}

// formData is a form page: the values as typed, the problems and the choices.
type formData struct {
	R        *healthrecord.Resident
	Values   map[string]string
	Problems []problem
	// Bad marks the fields with a problem.
	Bad      map[string]bool
	Patients []*chronic.Patient
	Vaccines []immunization.Vaccine
}

// followUpCondition reports whether the follow-up form records p's follow-ups: the
// hypertension and type 2 diabetes forms.
func followUpCondition(p *chronic.Patient) bool {
	return p != nil && (p.Condition == chronic.Hypertension || p.Condition == chronic.Diabetes)
}

// followUpPatients returns the resident's patients whose follow-ups the form records.
func (a *app) followUpPatients(r *http.Request, id healthrecord.ResidentID) ([]*chronic.Patient, error) {
	var out []*chronic.Patient
	for p, err := range a.stores.Chronic.Patients(r.Context(), chronic.PatientFilter{Resident: id}) {
		if err != nil {
			return nil, err
		}
		if followUpCondition(p) && p.ActiveOn(a.today) {
			out = append(out, p)
		}
	}
	return out, nil
}

// residentOr404 returns the resident of the path, or answers 404 (or 500) and nil.
func (a *app) residentOr404(w http.ResponseWriter, r *http.Request) *healthrecord.Resident {
	res, err := a.stores.Records.Resident(r.Context(), healthrecord.ResidentID(r.PathValue("id")))
	if a.lookupFailed(w, r, err, false) {
		return nil
	}
	return res
}

// lookupFailed answers the reading of the record a path names when it failed, and
// reports whether it did: 404 when the record is not found, the path's ID is invalid or
// the record is not the path's (foreign), 500 on any other error.
func (a *app) lookupFailed(w http.ResponseWriter, r *http.Request, err error, foreign bool) bool {
	switch {
	case errors.Is(err, gongwei.ErrNotFound) || errors.Is(err, gongwei.ErrInvalid) || (err == nil && foreign):
		a.notFound(w, r)
		return true
	case err != nil:
		a.fail(w, r, err)
		return true
	}
	return false
}

// followUpForm shows the follow-up form of a resident with a hypertension or diabetes
// case.
func (a *app) followUpForm(w http.ResponseWriter, r *http.Request) {
	res := a.residentOr404(w, r)
	if res == nil {
		return
	}
	ps, err := a.followUpPatients(r, res.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	p := a.newPage(w, r, "record.fu")
	vals := map[string]string{"date": a.today.String(), "mode": "1", "adherence": "1"}
	if len(ps) > 0 {
		vals["patient"] = string(ps[0].ID)
		if pid := r.URL.Query().Get("patient"); pid != "" {
			vals["patient"] = pid
		}
	}
	p.Data = formData{R: res, Values: vals, Patients: ps, Bad: map[string]bool{}}
	a.render(w, r, http.StatusOK, "followup.html", p)
}

// parseForm reads a POSTed form of at most maxForm bytes and checks its CSRF token.
// It returns the problem to show (the body too large, the token wrong) and the status,
// or "" when the form is fine.
func parseForm(w http.ResponseWriter, r *http.Request) (string, int) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "too.large", http.StatusRequestEntityTooLarge
		}
		return "bad.choice", http.StatusBadRequest
	}
	if !checkCSRF(r) {
		return "bad.csrf", http.StatusForbidden
	}
	return "", 0
}

// formValues are the form's fields as typed (the first value of each named field).
func formValues(r *http.Request, names ...string) map[string]string {
	out := map[string]string{}
	for _, n := range names {
		out[n] = r.PostForm.Get(n)
	}
	return out
}

// numbers parses the optional numeric fields, adding a problem for each that is not a
// number.
type numbers struct {
	p    *page
	bad  map[string]bool
	list *[]problem
}

func (n numbers) int(vals map[string]string, key string) int {
	s := strings.TrimSpace(gongwei.Normalize(vals[key]))
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		n.bad[key] = true
		*n.list = append(*n.list, problem{uiWord(key, n.p.Tag), uiWord("bad.number", n.p.Tag)})
		return 0
	}
	return v
}

func (n numbers) float(vals map[string]string, key string) float64 {
	s := strings.TrimSpace(gongwei.Normalize(vals[key]))
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v {
		n.bad[key] = true
		*n.list = append(*n.list, problem{uiWord(key, n.p.Tag), uiWord("bad.number", n.p.Tag)})
		return 0
	}
	return v
}

func (n numbers) date(vals map[string]string, key string) gongwei.Date {
	s := strings.TrimSpace(gongwei.Normalize(vals[key]))
	if s == "" {
		return gongwei.Date{} // the service reports it as required
	}
	d, err := gongwei.ParseDate(s)
	if err != nil {
		n.bad[key] = true
		*n.list = append(*n.list, problem{uiWord(key, n.p.Tag), uiWord("bad.date", n.p.Tag)})
		return gongwei.Date{}
	}
	return d
}

// validationProblems adds the library's field errors of err in the page's language,
// mapping each field path to the form's field.
func validationProblems(err error, p *page, fields map[string]string, bad map[string]bool, list *[]problem) bool {
	var ve *gongwei.ValidationError
	if !errors.As(err, &ve) {
		return false
	}
	seen := map[string]bool{}
	for _, fe := range ve.Fields {
		key := ""
		for suffix, k := range fields {
			if fe.Field == suffix || strings.HasSuffix(fe.Field, "."+suffix) {
				key = k
				break
			}
		}
		name := fe.Field
		if key != "" && bad[key] && !seen[key] {
			continue // the form's own problem with the field says it already
		}
		if key != "" {
			seen[key] = true
			bad[key] = true
			name = uiWord(key, p.Tag)
		}
		*list = append(*list, problem{name, fe.Message(p.Tag)})
	}
	return true
}

// followUpFields map the library's field paths to the form's fields.
var followUpFields = map[string]string{
	"Date": "date", "Mode": "mode", "Systolic": "sbp", "Diastolic": "dbp", "HeartRate": "hr",
	"Weight": "weight", "FastingGlucose": "glucose", "Adherence": "adherence", "Patient": "patient",
}

// followUpSave records a follow-up through chronic.Service.RecordVisit, which
// validates and classifies it; every problem is shown at once with the form as typed.
func (a *app) followUpSave(w http.ResponseWriter, r *http.Request) {
	f := a.submit(w, r, "record.fu", http.StatusOK, "patient", "date", "mode", "sbp", "dbp", "hr", "weight", "glucose", "adherence")
	if f == nil {
		return
	}
	res, p, staff, vals, bad := f.res, f.p, f.p.Staff, f.vals, f.bad
	ps, err := a.followUpPatients(r, res.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if len(f.probs) == 0 {
		var patient *chronic.Patient
		for _, x := range ps {
			if string(x.ID) == vals["patient"] {
				patient = x
			}
		}
		if patient == nil {
			bad["patient"] = true
			f.probs = append(f.probs, problem{uiWord("patient", p.Tag), uiWord("bad.choice", p.Tag)})
		}
		n := numbers{p: p, bad: bad, list: &f.probs}
		date := n.date(vals, "date")
		mode := chronic.VisitMode(n.int(vals, "mode"))
		sbp, dbp, hr := n.int(vals, "sbp"), n.int(vals, "dbp"), n.int(vals, "hr")
		weight, glucose := n.float(vals, "weight"), n.float(vals, "glucose")
		adherence := chronic.Adherence(n.int(vals, "adherence"))
		if patient != nil {
			v := &chronic.Visit{Patient: patient.ID, Provider: healthrecord.Provider{Institution: staff.Institution, Staff: staff.ID}}
			switch patient.Condition {
			case chronic.Hypertension:
				v.Hypertension = &chronic.HypertensionFollowUp{Date: date, Mode: mode, Systolic: sbp, Diastolic: dbp, HeartRate: hr, Weight: weight, Adherence: adherence}
			case chronic.Diabetes:
				v.Diabetes = &chronic.DiabetesFollowUp{Date: date, Mode: mode, FastingGlucose: glucose, Systolic: sbp, Diastolic: dbp, HeartRate: hr, Weight: weight, Adherence: adherence}
			}
			if a.save(w, r, f, v.Validate, func(ctx context.Context) error { return a.chronic.RecordVisit(ctx, v) },
				followUpFields, problem{uiWord("date", p.Tag), uiWord("duplicate.visit", p.Tag)}) {
				return
			}
		}
		f.status = http.StatusBadRequest
	}
	p.Data = formData{R: res, Values: vals, Problems: f.probs, Bad: bad, Patients: ps}
	a.render(w, r, f.status, "followup.html", p)
}

// vaccines are the vaccines the form offers.
func vaccines() []immunization.Vaccine {
	var out []immunization.Vaccine
	for v := immunization.Vaccine(1); v.IsValid(); v++ {
		out = append(out, v)
	}
	return out
}

// vaccinationFields map the library's field paths to the form's fields.
var vaccinationFields = map[string]string{
	"Dose.Vaccine": "vaccine", "Dose.Date": "date", "Dose.Number": "dose", "Lot": "lot", "Resident": "vaccine",
}

// registered reports whether the resident is registered for vaccination.
func (a *app) registered(r *http.Request, id healthrecord.ResidentID) (bool, error) {
	_, err := a.stores.Immunization.Registration(r.Context(), id)
	switch {
	case errors.Is(err, gongwei.ErrNotFound):
		return false, nil
	case err != nil:
		return false, err
	}
	return true, nil
}

// vaccinationForm shows the vaccination form of a registered child.
func (a *app) vaccinationForm(w http.ResponseWriter, r *http.Request) {
	res := a.residentOr404(w, r)
	if res == nil {
		return
	}
	p := a.newPage(w, r, "record.vac")
	ok, err := a.registered(r, res.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	d := formData{R: res, Values: map[string]string{"date": a.today.String(), "dose": "1", "vaccine": r.URL.Query().Get("vaccine")}, Bad: map[string]bool{}, Vaccines: vaccines()}
	if !ok {
		d.Problems = []problem{{"", uiWord("noregistration", p.Tag)}}
	}
	p.Data = d
	a.render(w, r, http.StatusOK, "vaccination.html", p)
}

// vaccinationSave records a vaccination through immunization.Service.Vaccinate; every
// problem is shown at once with the form as typed.
func (a *app) vaccinationSave(w http.ResponseWriter, r *http.Request) {
	f := a.submit(w, r, "record.vac", http.StatusBadRequest, "vaccine", "dose", "date", "lot")
	if f == nil {
		return
	}
	res, p, staff, vals, bad := f.res, f.p, f.p.Staff, f.vals, f.bad
	if len(f.probs) == 0 {
		n := numbers{p: p, bad: bad, list: &f.probs}
		var vac immunization.Vaccine
		if s := strings.TrimSpace(vals["vaccine"]); s != "" {
			var err error
			if vac, err = immunization.ParseVaccine(s); err != nil {
				bad["vaccine"] = true
				f.probs = append(f.probs, problem{uiWord("vaccine", p.Tag), uiWord("bad.choice", p.Tag)})
			}
		}
		date := n.date(vals, "date")
		number := n.int(vals, "dose")
		ok, err := a.registered(r, res.ID)
		if err != nil {
			a.fail(w, r, err)
			return
		}
		if !ok {
			f.probs = append(f.probs, problem{"", uiWord("noregistration", p.Tag)})
		}
		v := &immunization.Vaccination{
			Resident: res.ID, Dose: immunization.Dose{Vaccine: vac, Date: date, Number: number},
			Lot: vals["lot"], Giver: string(staff.ID), Clinic: staff.Institution,
		}
		if !date.IsZero() && vac.IsValid() {
			// The record's key: the child, the day and the vaccine, as the township's
			// load keys its vaccinations.
			v.ID = immunization.VaccinationID(fmt.Sprintf("%sV%s%03d", res.ID, strings.ReplaceAll(date.String(), "-", ""), int(vac)))
		}
		if a.save(w, r, f, v.Validate, func(ctx context.Context) error { return a.vaccines.Vaccinate(ctx, v) },
			vaccinationFields, problem{uiWord("vaccine", p.Tag), uiWord("duplicate", p.Tag)}) {
			return
		}
	}
	p.Data = formData{R: res, Values: vals, Problems: f.probs, Bad: bad, Vaccines: vaccines()}
	a.render(w, r, f.status, "vaccination.html", p)
}

// submission is a form posted for a resident: the page it is shown on again, the values
// as typed, the problems found with the fields they concern, and the status to answer
// when the form is shown again.
type submission struct {
	res    *healthrecord.Resident
	p      *page
	vals   map[string]string
	probs  []problem
	bad    map[string]bool
	status int
}

// submit reads the form of the fields names posted for the resident of the path, to be
// answered with status when it is shown again: a form that does not parse, or that no
// staff member signs, starts with that problem (and its status). For a resident that
// does not exist it answers 404 and returns nil.
func (a *app) submit(w http.ResponseWriter, r *http.Request, titleKey string, status int, names ...string) *submission {
	res := a.residentOr404(w, r)
	if res == nil {
		return nil
	}
	f := &submission{res: res, p: a.newPage(w, r, titleKey), vals: map[string]string{}, bad: map[string]bool{}, status: status}
	if msg, st := parseForm(w, r); msg != "" {
		f.probs, f.status = append(f.probs, problem{"", uiWord(msg, f.p.Tag)}), st
	} else {
		f.vals = formValues(r, names...)
	}
	if f.p.Staff == nil && len(f.probs) == 0 {
		f.probs, f.status = append(f.probs, problem{"", uiWord("nostaff", f.p.Tag)}), http.StatusForbidden
	}
	return f
}

// save writes the record of f with write, as the staff member who signs the form, or,
// when f already has problems, only validates it: a malformed field is shown with the
// record's other problems, but nothing is saved until every field reads. A record saved
// redirects to the resident's page. A duplicate (shown as dup), fields the validation
// refuses (fields maps them to the form's), a write outside the staff member's villages
// and a write the services refuse are problems shown with the form; another error is an
// error page. It reports whether it has answered.
func (a *app) save(w http.ResponseWriter, r *http.Request, f *submission, validate func() error, write func(context.Context) error, fields map[string]string, dup problem) bool {
	var err error
	if len(f.probs) > 0 {
		err = validate()
	} else {
		err = write(a.writeContext(r, f.p.Staff))
	}
	switch {
	case errors.Is(err, gongwei.ErrConflict) || errors.Is(err, gongwei.ErrDuplicate):
		f.probs = append(f.probs, dup)
	case err == nil && len(f.probs) == 0:
		http.Redirect(w, r, "/resident/"+string(f.res.ID)+"?saved=1", http.StatusSeeOther)
		return true
	case err == nil:
	case validationProblems(err, f.p, fields, f.bad, &f.probs):
	case len(f.probs) > 0:
	case errors.Is(err, gongwei.ErrOutsideJurisdiction):
		f.probs = append(f.probs, problem{"", uiWord("outside", f.p.Tag)})
	case refused(err):
		f.probs = append(f.probs, problem{"", uiWord("refused", f.p.Tag)})
	default:
		a.fail(w, r, err)
		return true
	}
	return false
}

// refused reports an error of a write the services refused for what was asked rather
// than for a failure of the store (gongwei.ErrInvalid, gongwei.ErrNotFound): shown with
// the form, not as an error page.
func refused(err error) bool {
	return errors.Is(err, gongwei.ErrInvalid) || errors.Is(err, gongwei.ErrNotFound)
}
