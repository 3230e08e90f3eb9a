package main

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/referral"
)

// referralRow is one referral slip as the resident's page and the outcome form show it.
type referralRow struct {
	R        *referral.Referral
	Kind     string
	Due      gongwei.Date
	Outcome  string
	Open     bool // not followed up yet
	Late     bool // open past its due day, or followed up late
	OnTime   bool
	Followed bool
}

// newReferralRow labels r in tag as on today.
func newReferralRow(r *referral.Referral, tag language.Tag, today gongwei.Date) referralRow {
	row := referralRow{R: r, Kind: r.Kind.Label(tag), Due: r.Due(), Open: r.FollowedUp.IsZero(), OnTime: r.OnTime()}
	row.Followed = !row.Open
	if row.Followed {
		row.Outcome = r.Outcome.Label(tag)
	}
	row.Late = (row.Open && r.Due().Before(today)) || (row.Followed && !row.OnTime)
	return row
}

// referralRows returns the resident's slips of subject referrals, newest first.
func referralRows(refs []*referral.Referral, tag language.Tag, today gongwei.Date) []referralRow {
	out := make([]referralRow, 0, len(refs))
	for _, r := range refs {
		out = append(out, newReferralRow(r, tag, today))
	}
	slices.Reverse(out)
	return out
}

// option is a choice of a select.
type option struct {
	Value, Label string
}

// referralData is the referral form and the outcome form.
type referralData struct {
	formData
	Kinds    []option
	Outcomes []option
	// Ref is the referral whose outcome is recorded (the outcome form).
	Ref *referralRow
}

func kindOptions(tag language.Tag) []option {
	var out []option
	for _, k := range referral.Kinds {
		out = append(out, option{string(k), k.Label(tag)})
	}
	return out
}

func outcomeOptions(tag language.Tag) []option {
	var out []option
	for o := referral.Attended; o.IsValid(); o++ {
		out = append(out, option{strconv.Itoa(int(o)), o.Label(tag)})
	}
	return out
}

// referralFields map the library's field paths to the referral form's fields.
var referralFields = map[string]string{
	"Kind": "kind", "Referred": "date", "To": "to", "Reason": "reason", "Village": "kind", "Resident": "kind",
}

// outcomeFields map the library's field paths to the outcome form's fields.
var outcomeFields = map[string]string{"FollowedUp": "date", "Outcome": "outcome"}

// referralForm shows the form that records a referral of the resident (双向转诊单).
func (a *app) referralForm(w http.ResponseWriter, r *http.Request) {
	res := a.residentOr404(w, r)
	if res == nil {
		return
	}
	p := a.newPage(w, r, "record.ref")
	p.Data = referralData{
		formData: formData{R: res, Values: map[string]string{"date": a.today.String(), "kind": r.URL.Query().Get("kind")}, Bad: map[string]bool{}},
		Kinds:    kindOptions(p.Tag),
	}
	a.render(w, r, http.StatusOK, "referral.html", p)
}

// referralSave records a referral through referral.Service.Save, which validates it
// (every problem at once) and writes it as the staff member who signs the form; its
// active follow-up falls due 2 weeks later, a TB suspect's in 1 week.
func (a *app) referralSave(w http.ResponseWriter, r *http.Request) {
	f := a.submit(w, r, "record.ref", http.StatusBadRequest, "kind", "urgent", "date", "to", "reason")
	if f == nil {
		return
	}
	res, p, vals, bad := f.res, f.p, f.vals, f.bad
	if len(f.probs) == 0 {
		n := numbers{p: p, bad: bad, list: &f.probs}
		date := n.date(vals, "date")
		kind := referral.Kind(strings.TrimSpace(vals["kind"]))
		x := &referral.Referral{
			Resident: res.ID, Village: res.Archive.Village(), Kind: kind, Urgent: vals["urgent"] != "",
			Referred: date, To: vals["to"], Reason: vals["reason"],
		}
		if !date.IsZero() && kind.IsValid() {
			// The slip's key: the resident, the day and the kind; a second slip of the
			// same kind on the same day is a duplicate.
			x.ID = referral.ID(string(res.ID) + "Z" + strings.ReplaceAll(date.String(), "-", "") + string(kind))
		}
		if a.save(w, r, f, x.Validate, func(ctx context.Context) error { return a.referrals.Save(ctx, x) },
			referralFields, problem{uiWord("ref.kind", p.Tag), uiWord("duplicate.referral", p.Tag)}) {
			return
		}
	}
	p.Data = referralData{formData: formData{R: res, Values: vals, Problems: f.probs, Bad: bad}, Kinds: kindOptions(p.Tag)}
	a.render(w, r, f.status, "referral.html", p)
}

// residentReferral returns the referral of the path if it is the resident's, or
// answers 404 (or 500) and nil.
func (a *app) residentReferral(w http.ResponseWriter, r *http.Request, res *healthrecord.Resident) *referral.Referral {
	ref, err := a.stores.Referrals.Referral(r.Context(), referral.ID(r.PathValue("ref")))
	if a.lookupFailed(w, r, err, err == nil && ref.Resident != res.ID) {
		return nil
	}
	return ref
}

// pathReferral returns the resident and the referral of the path when the referral is
// the resident's; otherwise it answers 404 (or 500) and returns a nil referral.
func (a *app) pathReferral(w http.ResponseWriter, r *http.Request) (*healthrecord.Resident, *referral.Referral) {
	res := a.residentOr404(w, r)
	if res == nil {
		return nil, nil
	}
	return res, a.residentReferral(w, r, res)
}

// outcomeForm shows the form that records the active follow-up of a referral's outcome.
func (a *app) outcomeForm(w http.ResponseWriter, r *http.Request) {
	res, ref := a.pathReferral(w, r)
	if ref == nil {
		return
	}
	p := a.newPage(w, r, "record.outcome")
	row := newReferralRow(ref, p.Tag, a.today)
	vals := map[string]string{"date": a.today.String(), "outcome": strconv.Itoa(int(referral.Attended))}
	if !ref.FollowedUp.IsZero() {
		vals["date"], vals["outcome"] = ref.FollowedUp.String(), strconv.Itoa(int(ref.Outcome))
	}
	p.Data = referralData{formData: formData{R: res, Values: vals, Bad: map[string]bool{}}, Outcomes: outcomeOptions(p.Tag), Ref: &row}
	a.render(w, r, http.StatusOK, "outcome.html", p)
}

// outcomeSave records the follow-up through referral.Service.FollowUp: a follow-up
// before the referral, or an unknown outcome, is shown with the form.
func (a *app) outcomeSave(w http.ResponseWriter, r *http.Request) {
	res, ref := a.pathReferral(w, r)
	if ref == nil {
		return
	}
	f := a.submit(w, r, "record.outcome", http.StatusBadRequest, "date", "outcome")
	if f == nil {
		return
	}
	p, vals, bad := f.p, f.vals, f.bad
	if len(f.probs) == 0 {
		n := numbers{p: p, bad: bad, list: &f.probs}
		date := n.date(vals, "date")
		o := referral.Outcome(n.int(vals, "outcome"))
		check := ref.Clone()
		check.FollowedUp, check.Outcome = date, o
		if a.save(w, r, f, check.Validate, func(ctx context.Context) error { return a.referrals.FollowUp(ctx, ref.ID, date, o) },
			outcomeFields, problem{uiWord("date", p.Tag), uiWord("stale", p.Tag)}) {
			return
		}
	}
	row := newReferralRow(ref, p.Tag, a.today)
	p.Data = referralData{formData: formData{R: res, Values: vals, Problems: f.probs, Bad: bad}, Outcomes: outcomeOptions(p.Tag), Ref: &row}
	a.render(w, r, f.status, "outcome.html", p)
}

// withReferrals answers 404 for the referral pages of an app without a register.
func (a *app) withReferrals(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if a.referrals == nil {
			a.notFound(w, r)
			return
		}
		h(w, r)
	}
}
