package healthrecord

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// numberFields lists the paths of every *int and *float64 field reachable from t,
// without descending into the attached assessments.
func numberFields(t reflect.Type, prefix string, out *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		path := f.Name
		if prefix != "" {
			path = prefix + "." + f.Name
		}
		switch {
		case f.Type.Kind() == reflect.Pointer && (f.Type.Elem().Kind() == reflect.Int || f.Type.Elem().Kind() == reflect.Float64):
			*out = append(*out, path)
		case f.Type.Kind() == reflect.Struct && f.Type.PkgPath() == t.PkgPath() && f.Type.Name() != "Date":
			numberFields(f.Type, path, out)
		}
	}
}

// TestCheckupRangesCoverEveryNumber: every number of the form has exactly one range, the
// range table names no unused quantity, and every range is well formed.
func TestCheckupRangesCoverEveryNumber(t *testing.T) {
	var want []string
	numberFields(reflect.TypeOf(Checkup{}), "", &want)
	var got []string
	used := map[string]bool{}
	for _, m := range (&Checkup{}).measurements() {
		got = append(got, m.field)
		if _, ok := checkupRangeIndex[m.quantity]; !ok {
			t.Errorf("%s: quantity %q has no range", m.field, m.quantity)
		}
		used[m.quantity] = true
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(want, ",") != strings.Join(got, ",") {
		t.Errorf("measured fields\n got %v\nwant %v", got, want)
	}
	seen := map[string]bool{}
	for _, r := range checkupRanges {
		if seen[r.Quantity] {
			t.Errorf("quantity %q listed twice", r.Quantity)
		}
		seen[r.Quantity] = true
		if !used[r.Quantity] {
			t.Errorf("quantity %q is not used", r.Quantity)
		}
		if !(r.Min < r.Max) || r.Unit == "" {
			t.Errorf("range %+v is malformed", r)
		}
	}
}

// TestRoundBMIFastPath checks the float fast path of RoundBMI against the decimal
// rounding it stands for, over every weight 30.0-150.0 kg by 0.1 and height 140-200 cm
// by 0.5 (the form's resolution), and at exact ties (23.45 → 23.5, half up).
func TestRoundBMIFastPath(t *testing.T) {
	slow := func(b float64) float64 {
		f, _ := decimal.NewFromFloat(b).Round(BMIDecimals).Float64()
		return f
	}
	for w := 300; w <= 1500; w++ {
		for h := 280; h <= 400; h++ {
			m := float64(h) / 200
			b := (float64(w) / 10) / (m * m)
			if got, want := RoundBMI(b), slow(b); got != want {
				t.Fatalf("RoundBMI(%v) = %v, decimal gives %v", b, got, want)
			}
		}
	}
	for _, c := range []struct{ in, want float64 }{{23.45, 23.5}, {23.449, 23.4}, {18.25, 18.3}, {27.95, 28}} {
		if got := RoundBMI(c.in); got != c.want {
			t.Errorf("RoundBMI(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
