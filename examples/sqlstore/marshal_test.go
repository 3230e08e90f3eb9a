package sqlstore

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/gongwei-lib/gongwei/child"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/education"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/internal/synth"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/supervision"
)

// TestMarshalIsEncodingJSON loads a synthetic county (every kind of record the store
// holds, written by marshal, which uses github.com/goccy/go-json) and checks that every
// stored body is byte for byte what encoding/json writes for the same record: decoding
// it with encoding/json and encoding it again gives the same bytes. (The two encoders
// differ only on floats with small exponents and on U+2028/U+2029, which a county's
// records do not hold; see marshal.)
func TestMarshalIsEncodingJSON(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "marshal.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := synth.New(synth.DefaultConfig(300))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.LoadAll(ctx, synth.Stores{
		Records: db.HealthRecord(), Chronic: db.Chronic(), Maternal: db.Maternal(), Child: db.Child(),
		Immunization: db.Immunization(), Supervision: db.Supervision(), Education: db.Education(),
	}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		table string
		check func(body []byte) ([]byte, error)
	}{
		{"residents", reencode[healthrecord.Resident]},
		{"households", reencode[healthrecord.Household]},
		{"checkups", reencode[healthrecord.Checkup]},
		{"contracts", reencode[healthrecord.Contract]},
		{"service_events", reencode[healthrecord.ServiceEvent]},
		{"chronic_patients", reencode[chronic.Patient]},
		{"chronic_visits", reencode[chronic.Visit]},
		{"maternal_pregnancies", reencode[maternal.Pregnancy]},
		{"child_records", reencode[child.Child]},
		{"child_visits", reencode[child.Visit]},
		{"immunization_registrations", reencode[immunization.Registration]},
		{"immunization_vaccinations", reencode[immunization.Vaccination]},
		{"supervision_units", reencode[supervision.Unit]},
		{"supervision_inspections", reencode[supervision.Inspection]},
		{"education_activities", reencode[education.Activity]},
	} {
		rows, err := db.SQL().QueryContext(ctx, "SELECT body FROM "+c.table)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var body []byte
			if err := rows.Scan(&body); err != nil {
				t.Fatal(err)
			}
			want, err := c.check(body)
			if err != nil {
				t.Fatalf("%s: %v", c.table, err)
			}
			if !bytes.Equal(body, want) {
				t.Fatalf("%s: stored body differs from encoding/json's:\n got %s\nwant %s", c.table, body, want)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if n == 0 {
			t.Errorf("%s: no rows: the county should hold some", c.table)
		}
	}
}

// reencode decodes body as a T with encoding/json and encodes it again.
func reencode[T any](body []byte) ([]byte, error) {
	x := new(T)
	if err := json.Unmarshal(body, x); err != nil {
		return nil, err
	}
	return json.Marshal(x)
}

// TestEncodeTempIsMarshal checks that the bodies encoded into reused buffers are
// marshal's bytes, for records whose text needs the fallback to encoding/json (invalid
// UTF-8) and for values the encoders escape.
func TestEncodeTempIsMarshal(t *testing.T) {
	for _, c := range []struct {
		name string
		v    any
	}{
		{"resident", &healthrecord.Resident{ID: "41052300110100001", Name: "居民<0>&"}},
		{"invalid UTF-8", &healthrecord.Resident{ID: "41052300110100002", Name: "\xff\xfe居民"}},
		{"line separators", &healthrecord.ServiceEvent{Resident: "41052300110100003", Ref: "a\u2028b\u2029"}},
		{"string", "text"},
		{"nil", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			want, err := marshal("test", c.v)
			if err != nil {
				t.Fatal(err)
			}
			got, buf, err := encodeTemp("test", c.v)
			if err != nil {
				t.Fatal(err)
			}
			kept := string([]byte(got)) // a copy, as a driver binding it makes
			buf.release()
			if kept != want {
				t.Fatalf("encodeTemp = %q, marshal = %q", kept, want)
			}
		})
	}
}
