package immunization

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// TestCaseTable runs testdata/cases.txt, the China NIP conformance table: each line a
// birth date, flags, a dose history and an as-of date with the expected evaluation and
// forecast, naming the reference rule it checks (immunization.md). Every date in it is
// worked by hand from the reference. An evaluation "#INDEX=REASON/timely" or
// "/late" also checks Evaluation.Timely.
func TestCaseTable(t *testing.T) {
	f, err := os.Open("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "|")
		if len(cols) != 7 {
			t.Fatalf("line %d: %d columns, want 7", line, len(cols))
		}
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		n++
		rule, name := cols[0], cols[1]
		t.Run(name, func(t *testing.T) {
			c := Child{Birth: gongwei.MustParseDate(cols[2])}
			parseFlags(t, &c, cols[3])
			doses := parseDoses(t, cols[4])
			on := gongwei.MustParseDate(cols[5])
			s := ScheduleFor(c.Birth)
			evs := Evaluate(s, c, doses)
			recs := Forecast(s, c, doses, on)
			for _, exp := range strings.Split(cols[6], ";") {
				exp = strings.TrimSpace(exp)
				if strings.HasPrefix(exp, "#") {
					k, want, _ := strings.Cut(exp[1:], "=")
					want, timely, _ := strings.Cut(want, "/")
					i, _ := strconv.Atoi(k)
					if got := evs[i].Reason.String(); got != want {
						t.Errorf("[%s] line %d: dose %d evaluated %s, want %s", rule, line, i, got, want)
					}
					if timely != "" && evs[i].Timely() != (timely == "timely") {
						t.Errorf("[%s] line %d: dose %d Timely() = %v, want %s (complete before %s)", rule, line, i, evs[i].Timely(), timely, evs[i].CompleteBefore)
					}
					continue
				}
				checkRec(t, rule, line, recs, exp)
			}
		})
	}
	if n < 150 {
		t.Errorf("case table has %d cases, want at least 150", n)
	}
}

func parseFlags(t *testing.T, c *Child, s string) {
	if s == "" {
		return
	}
	for _, f := range strings.Split(s, ",") {
		switch f = strings.TrimSpace(f); {
		case f == "hbsag+":
			c.MotherHBsAg = HBsAgPositive
		case f == "hbsag-":
			c.MotherHBsAg = HBsAgNegative
		case strings.HasPrefix(f, "w="):
			c.BirthWeight, _ = strconv.Atoi(f[2:])
		case f == "hiv-exposed":
			c.HIV = HIVExposed
		case f == "hiv-infected":
			c.HIV = HIVInfected
		case f == "hiv-symptomatic":
			c.HIV = HIVInfectedSymptomatic
		case f == "immuno":
			c.Immunocompromised = true
		case f == "inact":
			c.PreferInactivated = true
		default:
			t.Fatalf("unknown flag %q", f)
		}
	}
}

func parseDoses(t *testing.T, s string) []Dose {
	var ds []Dose
	for _, f := range strings.Fields(s) {
		v, d, _ := strings.Cut(f, "@")
		d, outbreak := strings.CutSuffix(d, "!")
		vac, err := ParseVaccine(v)
		if err != nil {
			t.Fatalf("vaccine %q: %v", v, err)
		}
		ds = append(ds, Dose{Vaccine: vac, Date: gongwei.MustParseDate(d), Outbreak: outbreak})
	}
	return ds
}

func checkRec(t *testing.T, rule string, line int, recs []Recommendation, exp string) {
	t.Helper()
	f := strings.Fields(exp)
	if len(f) != 5 {
		t.Fatalf("line %d: bad expectation %q", line, exp)
	}
	vs, ds, _ := strings.Cut(f[0], "/")
	v, err := ParseVaccine(vs)
	if err != nil {
		t.Fatalf("line %d: %v", line, err)
	}
	dose, _ := strconv.Atoi(ds)
	var got *Recommendation
	for i := range recs {
		if seriesOf[recs[i].Vaccine] == seriesOf[v] {
			got = &recs[i]
		}
	}
	if got == nil {
		t.Errorf("[%s] line %d: no recommendation for the %s series", rule, line, v)
		return
	}
	date := func(d gongwei.Date) string {
		if d.IsZero() {
			return "-"
		}
		return d.String()
	}
	if got.Status == StatusNotIndicated || got.Status == StatusComplete || got.Status == StatusContraindicated {
		if got.Status.String() != f[4] || (f[4] != "not_indicated" && got.Vaccine != v) || got.Dose != dose {
			t.Errorf("[%s] line %d: got %s/%d %s, want %s", rule, line, got.Vaccine, got.Dose, got.Status, exp)
		}
		return
	}
	have := strings.Join([]string{got.Vaccine.String() + "/" + strconv.Itoa(got.Dose), date(got.Earliest), date(got.Recommended), date(got.CompleteBefore), got.Status.String()}, " ")
	if have != strings.Join(f, " ") {
		t.Errorf("[%s] line %d:\n\tgot  %s\n\twant %s", rule, line, have, strings.Join(f, " "))
	}
}
