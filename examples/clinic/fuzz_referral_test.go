package main

import (
	"net/http"
	"net/url"
	"testing"
)

// FuzzReferralForms posts arbitrary referral and outcome forms, and outcome forms of
// arbitrary slips: the answer is the saved redirect, the form again with its problems,
// not found for a slip that is not the resident's, or the mux's redirect to a cleaned
// path, never a failure.
func FuzzReferralForms(f *testing.F) {
	f.Add("tb_suspect", "1", "2025-12-31", "县结核病定点医院", "咳嗽", "2025-12-31", "1", "x")
	f.Add("", "", "", "", "", "", "", "")
	f.Add("nope", "yes", "2025-02-30", " ", "\x00", "2024-01-01", "9", "../../x")
	f.Add("child", "", "２０２５-１２-３０", "县妇幼保健院", "", "２０２５-１２-３１", "４", "")
	f.Fuzz(func(t *testing.T, kind, urgent, date, to, reason, followed, outcome, ref string) {
		a := fuzzTarget(t)
		_, res := hypertensiveOf(t, a)
		base := "/resident/" + res + "/referral"
		st := postTo(a, base, url.Values{"csrf": {fuzzToken}, "kind": {kind}, "urgent": {urgent}, "date": {date}, "to": {to}, "reason": {reason}})
		if st != http.StatusSeeOther && st != http.StatusBadRequest {
			t.Fatalf("referral: status %d", st)
		}
		slip := res + "Z20251231tb_suspect"
		if ref != "" {
			slip = url.PathEscape(ref)
		}
		st = postTo(a, base+"/"+slip, url.Values{"csrf": {fuzzToken}, "date": {followed}, "outcome": {outcome}})
		switch st {
		case http.StatusSeeOther, http.StatusBadRequest, http.StatusNotFound:
		case http.StatusTemporaryRedirect, http.StatusMovedPermanently:
			// net/http's ServeMux cleans a path holding "." or ".." segments.
		default:
			t.Fatalf("outcome: status %d", st)
		}
	})
}
