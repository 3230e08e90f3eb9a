package sqlstore

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/child/childtest"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/education/educationtest"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/supervision"
	"github.com/gongwei-lib/gongwei/supervision/supervisiontest"
)

// bodyKinds are the record types the store decodes from its body column, each with a
// valid record to seed the fuzzer with.
var bodyKinds = []struct {
	name   string
	decode func(body []byte) (any, error)
	sample func() any
}{
	{"resident", decodeAny[healthrecord.Resident], func() any { return recordtest.Resident(1) }},
	{"household", decodeAny[healthrecord.Household], func() any { r := recordtest.Resident(1); return recordtest.Household(1, r) }},
	{"checkup", decodeAny[healthrecord.Checkup], func() any { return recordtest.Checkup(recordtest.Resident(1), gongwei.MustDate(2025, 3, 1)) }},
	{"contract", decodeAny[healthrecord.Contract], func() any { return recordtest.Contract(recordtest.Resident(1), gongwei.MustDate(2025, 3, 1)) }},
	{"patient", decodeAny[chronic.Patient], func() any { return chronictest.Patient(1, chronic.Hypertension) }},
	{"visit", decodeAny[chronic.Visit], func() any {
		return chronictest.Visit(chronictest.Patient(1, chronic.Diabetes), gongwei.MustDate(2025, 3, 1))
	}},
	{"pregnancy", decodeAny[maternal.Pregnancy], func() any {
		return maternaltest.Booked(maternaltest.Woman(1, "110105001101"), gongwei.MustDate(2025, 1, 1))
	}},
	{"child", decodeAny[child.Child], func() any { return childtest.Child(1) }},
	{"child visit", decodeAny[child.Visit], func() any {
		c := childtest.Child(1)
		return childtest.Visit(c, child.Kind6m, c.BirthDate.AddMonths(6))
	}},
	{"registration", decodeAny[immunization.Registration], func() any { return immunizationtest.Registration(1, "110105001101") }},
	{"vaccination", decodeAny[immunization.Vaccination], func() any {
		return immunizationtest.Vaccination(immunizationtest.Registration(1, "110105001101"), 0)
	}},
	{"unit", decodeAny[supervision.Unit], func() any { return supervisiontest.Unit("U1", "110105001101") }},
	{"inspection", decodeAny[supervision.Inspection], func() any {
		return supervisiontest.Inspection("I1", "U1", "110105001101", gongwei.MustDate(2025, 3, 1))
	}},
	{"complaint", decodeAny[supervision.Complaint], func() any {
		return supervisiontest.Complaint("C1", "110105001101", gongwei.MustDate(2025, 3, 1))
	}},
	{"clue", decodeAny[supervision.Clue], func() any { return supervisiontest.Clue("L1", "110105001101", gongwei.MustDate(2025, 3, 1)) }},
	{"case report", decodeAny[supervision.CaseReport], func() any {
		return supervisiontest.CaseReport("R1", "110105001101", gongwei.MustDate(2025, 3, 1))
	}},
	{"emergency report", decodeAny[supervision.EmergencyReport], func() any {
		return supervisiontest.EmergencyReport("E1", "110105001101", gongwei.MustDate(2025, 3, 1))
	}},
	{"activity", decodeAny[education.Activity], func() any {
		return educationtest.Lecture("A1", "110105001", gongwei.MustDate(2025, 3, 1))
	}},
}

func decodeAny[T any](body []byte) (any, error) { return decode[T]("get record", body) }

// FuzzDecodeBody feeds the body decoder of every record type arbitrary bytes, seeded
// with valid bodies and with their dates moved to the ends of the calendar and past
// them. A body decodes or fails with an error that names the operation only (never the
// content, which holds personal data); a decoded record encodes and decodes again to the
// same encoding (dates included: a date that decodes prints as text that parses back),
// and the store's own encoding (marshal) decodes to that same record.
func FuzzDecodeBody(f *testing.F) {
	for i, k := range bodyKinds {
		b, err := json.Marshal(k.sample())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), b)
		for _, edge := range []string{"0001-01-01", "9999-12-31", "0000-12-31", "10000-01-01", "99991231", "2024-02-30", ""} {
			f.Add(uint8(i), replaceDates(b, edge))
		}
		f.Add(uint8(i), []byte("null"))
		f.Add(uint8(i), []byte(`{"ID":1}`))
	}
	f.Fuzz(func(t *testing.T, kind uint8, body []byte) {
		k := bodyKinds[int(kind)%len(bodyKinds)]
		x, err := k.decode(body)
		if err != nil {
			msg := err.Error()
			if !strings.HasPrefix(msg, "sqlstore: ") {
				t.Fatalf("%s: error %q does not name the store", k.name, msg)
			}
			if len(body) >= 6 && strings.Contains(msg, string(body)) {
				t.Fatalf("%s: error repeats the body", k.name)
			}
			return
		}
		b1, err := json.Marshal(x)
		if err != nil {
			t.Fatalf("%s: decoded record does not encode: %v", k.name, err)
		}
		// The store's own encoding decodes to the same record.
		m, err := marshal("put record", x)
		if err != nil {
			t.Fatalf("%s: decoded record does not encode in the store: %v", k.name, err)
		}
		if z, err := k.decode([]byte(m)); err != nil {
			t.Fatalf("%s: the store's encoding does not decode: %v", k.name, err)
		} else if bz, _ := json.Marshal(z); !bytes.Equal(bz, b1) {
			t.Fatalf("%s: the store's encoding decodes to another record:\n%s\n%s", k.name, bz, b1)
		}
		y, err := k.decode(b1)
		if err != nil {
			t.Fatalf("%s: re-encoded record does not decode: %v", k.name, err)
		}
		b2, err := json.Marshal(y)
		if err != nil || !bytes.Equal(b1, b2) {
			t.Fatalf("%s: encoding is not stable:\n%s\n%s", k.name, b1, b2)
		}
	})
}

// replaceDates returns b with every JSON string that is a date replaced by s.
func replaceDates(b []byte, s string) []byte {
	var out bytes.Buffer
	for i := 0; i < len(b); {
		if b[i] == '"' && i+12 <= len(b) && b[i+11] == '"' {
			if _, err := gongwei.ParseDate(string(b[i+1 : i+11])); err == nil {
				out.WriteString(`"` + s + `"`)
				i += 12
				continue
			}
		}
		out.WriteByte(b[i])
		i++
	}
	return out.Bytes()
}

// TestDecodeBodyDates: a stored body whose dates lie outside years 1 to 9999 fails to
// decode (the date decoder refuses it), with an error naming the operation only; the
// ends of the calendar decode.
func TestDecodeBodyDates(t *testing.T) {
	b, err := json.Marshal(recordtest.Resident(1))
	if err != nil {
		t.Fatal(err)
	}
	for s, ok := range map[string]bool{"0001-01-01": true, "9999-12-31": true, "0000-12-31": false, "10000-01-01": false, "2024-02-30": false} {
		_, err := decode[healthrecord.Resident]("get resident", replaceDates(b, s))
		if ok != (err == nil) {
			t.Errorf("%s: err = %v", s, err)
		}
		if err != nil && err.Error() != "sqlstore: get resident: stored record does not decode" {
			t.Errorf("%s: error %q", s, err)
		}
	}
}
