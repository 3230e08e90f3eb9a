package sqlstore

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/healthrecord"
	"github.com/gongwei-lib/gongwei/healthrecord/recordtest"
)

// countedKinds are the decoders of counted subjects (indicators.CountedSubjectSource),
// each with the whole decoder of its records and the fields the counted one keeps.
var countedKinds = []struct {
	name    string
	counted func(op string, body []byte) (any, error)
	whole   func(op string, body []byte) (any, error)
	// kept returns the fields of x the counted decoder keeps (x as the whole decoder
	// gives it).
	kept   func(x any) any
	sample func() any
}{
	{"resident", decodeCountedResident, decoder[healthrecord.Resident](), func(x any) any {
		r := x.(*healthrecord.Resident)
		if r.Derived.Edition != healthrecord.RulesEdition {
			return r // read whole
		}
		k := &healthrecord.Resident{
			ID: r.ID, Archive: r.Archive, BirthDate: r.BirthDate, Household: r.Household,
			Created: r.Created, Electronic: r.Electronic, Closure: r.Closure, Derived: r.Derived,
		}
		k.Info.Residence, k.Info.LivingSince = r.Info.Residence, r.Info.LivingSince
		return k
	}, func() any {
		r := recordtest.Resident(1)
		r.Derived = r.DeriveOutcome()
		return r
	}},
	{"checkup", decodeCountedCheckup, decoder[healthrecord.Checkup](), func(x any) any {
		c := x.(*healthrecord.Checkup)
		if c.Derived.Edition != healthrecord.RulesEdition {
			return c // read whole
		}
		return &healthrecord.Checkup{ID: c.ID, Resident: c.Resident, Date: c.Date, Derived: c.Derived}
	}, func() any {
		r := recordtest.Resident(1)
		c := recordtest.Checkup(r, gongwei.MustDate(2025, 5, 16))
		c.Derived = c.DeriveOutcome(r.BirthDate)
		return c
	}},
	{"contract", decodeCountedContract, decoder[healthrecord.Contract](), func(x any) any {
		c := x.(*healthrecord.Contract)
		return &healthrecord.Contract{ID: c.ID, Resident: c.Resident, Period: c.Period}
	}, func() any {
		return recordtest.Contract(recordtest.Resident(1), gongwei.MustDate(2025, 3, 1))
	}},
}

// TestDecodeCounted: each counted decoder keeps exactly its fields of a stored body, and
// a resident whose outcome another edition of the rules derived is decoded whole.
func TestDecodeCounted(t *testing.T) {
	for _, k := range countedKinds {
		body, err := json.Marshal(k.sample())
		if err != nil {
			t.Fatal(err)
		}
		w, err := k.whole("scan", body)
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		c, err := k.counted("scan", body)
		if err != nil {
			t.Fatalf("%s: %v", k.name, err)
		}
		if want := k.kept(w); !reflect.DeepEqual(c, want) {
			t.Errorf("%s: counted decode\n%+v\nwant\n%+v", k.name, c, want)
		}
		if reflect.DeepEqual(c, w) {
			t.Errorf("%s: counted decode kept every field", k.name)
		}
	}
	// A stale outcome: the whole resident.
	r := recordtest.Resident(1)
	r.Derived = r.DeriveOutcome()
	r.Derived.Edition = healthrecord.RulesEdition - 1
	body, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	c, err := decodeCountedResident("scan", body)
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := decode[healthrecord.Resident]("scan", body); !reflect.DeepEqual(c, w) {
		t.Errorf("stale outcome: counted decode\n%+v\nwant the whole resident\n%+v", c, w)
	}
}

// FuzzDecodeCounted feeds the counted decoders arbitrary bytes, seeded with valid
// bodies: a failure names the operation only, never the content; and a record the whole
// decoder reads, encoded as the store writes it, the counted decoder reads too, to the
// fields it keeps of the whole record.
func FuzzDecodeCounted(f *testing.F) {
	for i, k := range countedKinds {
		b, err := json.Marshal(k.sample())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), b)
		for _, edge := range []string{"0001-01-01", "9999-12-31", "0000-12-31", "2024-02-30", ""} {
			f.Add(uint8(i), replaceDates(b, edge))
		}
		f.Add(uint8(i), []byte("null"))
		f.Add(uint8(i), []byte(`{"Derived":{"Edition":1}}`))
	}
	f.Fuzz(func(t *testing.T, kind uint8, body []byte) {
		k := countedKinds[int(kind)%len(countedKinds)]
		_, cerr := k.counted("scan", body)
		if cerr != nil {
			msg := cerr.Error()
			if !strings.HasPrefix(msg, "sqlstore: scan: ") {
				t.Fatalf("%s: error %q does not name the store", k.name, msg)
			}
			if len(body) >= 6 && strings.Contains(msg, string(body)) {
				t.Fatalf("%s: error repeats the body", k.name)
			}
		}
		// A record the whole decoder reads, as the store writes it: the counted decoder
		// reads its fields. (An arbitrary body may differ from what the store writes in
		// ways the decoders treat differently, such as a key in other letter case.)
		w, err := k.whole("scan", body)
		if err != nil {
			return
		}
		stored, err := marshal("put record", w)
		if err != nil {
			t.Fatalf("%s: decoded record does not encode in the store: %v", k.name, err)
		}
		if w, err = k.whole("scan", []byte(stored)); err != nil {
			t.Fatalf("%s: the store's encoding does not decode: %v", k.name, err)
		}
		c, err := k.counted("scan", []byte(stored))
		if err != nil {
			t.Fatalf("%s: the whole record decodes, the counted fields do not: %v", k.name, err)
		}
		if want := k.kept(w); !reflect.DeepEqual(c, want) {
			t.Fatalf("%s: counted decode\n%+v\nwant\n%+v", k.name, c, want)
		}
	})
}

// packEvents packs events as countedEventsColumn does in the database.
func packEvents(es []healthrecord.ServiceEvent) []byte {
	var b []byte
	for _, e := range es {
		b = append(b, dateText(e.Date)...)
		b = strconv.AppendInt(b, int64(len(e.Kind)), 10)
		b = append(append(b, ':'), e.Kind...)
	}
	return b
}

// TestUnpackEvents: the counted service events read back as their kinds and dates,
// whatever bytes a kind holds, and a text that is not packed events fails naming the
// operation only.
func TestUnpackEvents(t *testing.T) {
	day := gongwei.MustDate(2025, 3, 1)
	for _, c := range []struct {
		name string
		es   []healthrecord.ServiceEvent
	}{
		{"none", []healthrecord.ServiceEvent{}},
		{"one", []healthrecord.ServiceEvent{{Kind: healthrecord.EventCheckup, Date: day}}},
		{"kinds like the packing", []healthrecord.ServiceEvent{
			{Kind: "12:x", Date: day}, {Kind: "2025-01-01", Date: day.AddDays(1)}, {Kind: ":", Date: day},
			{Kind: "随访,kind;", Date: gongwei.MustDate(9999, 12, 31)}, {Kind: healthrecord.EventKind(strings.Repeat("k", 123)), Date: gongwei.MustDate(1, 1, 1)},
		}},
		{"one kind twice", []healthrecord.ServiceEvent{{Kind: "tcm", Date: day}, {Kind: "tcm", Date: day}}},
	} {
		dec := countedEvents()
		x, err := dec("scan", packEvents(c.es))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := *x.(*[]healthrecord.ServiceEvent); !reflect.DeepEqual(got, c.es) {
			t.Errorf("%s: unpacked %+v, want %+v", c.name, got, c.es)
		}
	}
	for _, bad := range []string{
		"2025-03-01", "2025-03-014:", "2025-03-01x:tcm", "2025-03-010:", "2025-03-014:tcm",
		"2025-03-013:tcm2025-03-01", "2025-02-303:tcm", "0000-00-003:tcm", "2025-03-019999999999999999999:tcm",
		"2025-03-01-3:tcm", "2025-03-013tcm", "2025-03-0103:tcm",
	} {
		if _, err := countedEvents()("scan", []byte(bad)); err == nil || err.Error() != "sqlstore: scan: stored record does not decode" {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

// FuzzUnpackEvents feeds the counted service events' decoder arbitrary bytes: it fails
// naming the operation only, and events it reads pack back to the same bytes.
func FuzzUnpackEvents(f *testing.F) {
	f.Add([]byte("2025-03-015:checkup2025-04-013:tcm"))
	f.Add([]byte("2025-03-014:12:x"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := countedEvents()("scan", b)
		if err != nil {
			if err.Error() != "sqlstore: scan: stored record does not decode" {
				t.Fatalf("error %q", err)
			}
			return
		}
		if got := packEvents(*x.(*[]healthrecord.ServiceEvent)); string(got) != string(b) {
			t.Fatalf("read %q, packs back to %q", b, got)
		}
	})
}
