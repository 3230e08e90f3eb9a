package immunization_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/immunization"
	"github.com/gongwei-lib/gongwei/immunization/immunizationtest"
	"github.com/gongwei-lib/gongwei/immunization/memstore"
)

var cst = time.FixedZone("CST", 8*3600)

// Deadlines (immunization.md §1.8; plan-services.md §4): urgent within 2 hours of
// discovery (death, severe disability, cluster, major social impact), routine 48 hours.
func TestAEFIDeadlines(t *testing.T) {
	found := time.Date(2024, 5, 11, 9, 0, 0, 0, cst)
	rules := immunization.DefaultAEFIRules
	for _, tc := range []struct {
		name     string
		r        immunization.AEFIReport
		urgent   bool
		deadline time.Time
	}{
		{"non-serious", immunization.AEFIReport{Severity: immunization.AEFINonSerious}, false, found.Add(48 * time.Hour)},
		{"serious", immunization.AEFIReport{Severity: immunization.AEFISerious}, false, found.Add(48 * time.Hour)},
		{"severe disability", immunization.AEFIReport{Severity: immunization.AEFISevereDisability}, true, found.Add(2 * time.Hour)},
		{"death", immunization.AEFIReport{Severity: immunization.AEFIDeath}, true, found.Add(2 * time.Hour)},
		{"cluster", immunization.AEFIReport{Severity: immunization.AEFINonSerious, Cluster: true}, true, found.Add(2 * time.Hour)},
		{"major impact", immunization.AEFIReport{Severity: immunization.AEFINonSerious, MajorImpact: true}, true, found.Add(2 * time.Hour)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			r.Found = found
			require.Equal(t, tc.urgent, r.Urgent(rules))
			require.True(t, tc.deadline.Equal(r.Deadline(rules)))
			r.Reported = tc.deadline
			require.True(t, r.Timely(rules), "at the deadline is in time")
			r.Reported = tc.deadline.Add(time.Second)
			require.False(t, r.Timely(rules))
			r.Reported = time.Time{}
			require.False(t, r.Overdue(rules, tc.deadline))
			require.True(t, r.Overdue(rules, tc.deadline.Add(time.Second)))
		})
	}
	// A province that reports every serious case within 2 hours.
	strict := rules
	strict.UrgentFrom = immunization.AEFISerious
	r := immunization.AEFIReport{Severity: immunization.AEFISerious, Found: found}
	require.True(t, r.Urgent(strict))
}

// Bad input: every problem at once, no personal data, nothing stored.
func TestAEFIReportBadInput(t *testing.T) {
	ctx := context.Background()
	svc := immunization.New(memstore.New(), immunization.Options{Now: func() time.Time { return time.Date(2024, 6, 1, 12, 0, 0, 0, cst) }})
	require.NoError(t, svc.Register(ctx, reg("R1", "110105001101", "欧阳娜娜", "2024-01-10")))
	clinic := memstore.NewClinic()
	a := svc.AEFI(clinic)

	r := immunizationtest.AEFIReport(0, "")
	r.Resident = "R1"
	r.Vaccinated = gongwei.MustDate(2024, 1, 5)         // before birth
	r.Onset = gongwei.MustDate(2024, 1, 4)              // before the dose
	r.Found = time.Date(2024, 1, 3, 9, 0, 0, 0, cst)    // before the onset
	r.Reported = time.Date(2024, 1, 3, 8, 0, 0, 0, cst) // before found
	r.Severity = 0                                      // missing
	r.Classified = gongwei.Date{}                       // classified class without a day
	r.Symptom = "高热 13800138000"                        // free text is kept, never echoed
	err := a.Report(ctx, r)
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	var ve *gongwei.ValidationError
	require.True(t, errors.As(err, &ve))
	for _, f := range []struct {
		field string
		code  gongwei.Code
	}{
		{"Vaccinated", gongwei.CodeBeforeBirth},
		{"Onset", immunization.CodeOnsetBeforeDose},
		{"Found", gongwei.CodeOrder},
		{"Reported", gongwei.CodeOrder},
		{"Severity", gongwei.CodeRequired},
		{"Classified", gongwei.CodeRequired},
	} {
		require.True(t, ve.Has(f.field, f.code), "%s %s in %v", f.field, f.code, err)
	}
	require.NotContains(t, err.Error(), "欧阳娜娜")
	require.NotContains(t, err.Error(), "13800138000")
	n := 0
	for range clinic.AEFIs(ctx, immunization.AEFIFilter{}) {
		n++
	}
	require.Zero(t, n, "nothing stored")

	err = a.Report(ctx, &immunization.AEFIReport{ID: "A2", Resident: "nobody"})
	require.True(t, errors.As(err, &ve))
	require.True(t, ve.Has("Resident", gongwei.CodeUnknownCode))
	require.True(t, ve.Has("Vaccine", gongwei.CodeRequired))
	require.True(t, ve.Has("Onset", gongwei.CodeRequired))
	require.True(t, ve.Has("Found", gongwei.CodeRequired))

	// A valid report is stored with the village of the registration, instants in UTC.
	ok := immunizationtest.AEFIReport(0, "")
	ok.Resident = "R1"
	ok.Found = time.Date(2024, 5, 11, 9, 0, 0, 0, cst)
	ok.Reported = time.Time{}
	require.NoError(t, a.Report(ctx, ok))
	got, err := clinic.AEFI(ctx, ok.ID)
	require.NoError(t, err)
	require.Equal(t, "110105001101", string(got.Village))
	require.Equal(t, time.UTC, got.Found.Location())
	require.Equal(t, int64(1), got.Version)

	// Overdue at 2024-05-13 09:00:01 (48 hours and a second after discovery).
	over, err := a.Overdue(ctx, "", immunization.DefaultAEFIRules, time.Date(2024, 5, 13, 9, 0, 1, 0, cst))
	require.NoError(t, err)
	require.Len(t, over, 1)
	over, err = a.Overdue(ctx, "", immunization.DefaultAEFIRules, time.Date(2024, 5, 13, 9, 0, 0, 0, cst))
	require.NoError(t, err)
	require.Empty(t, over)
}

// Clusters (immunization.md §1.8): ≥ 2 serious reports with the same symptom at one
// clinic within the host's window; a rise of non-serious reports among recipients of one
// vaccine at the host's count.
func TestAEFIClusters(t *testing.T) {
	mk := func(id, clinic, symptom string, v immunization.Vaccine, sev immunization.AEFISeverity, onset string) *immunization.AEFIReport {
		return &immunization.AEFIReport{ID: immunization.AEFIID(id), Clinic: clinic, Symptom: symptom, Vaccine: v, Severity: sev, Onset: gongwei.MustParseDate(onset)}
	}
	rs := []*immunization.AEFIReport{
		mk("a", "C1", "热性惊厥", immunization.DTaP, immunization.AEFISerious, "2024-05-01"),
		mk("b", "C1", "热性惊厥", immunization.MMR, immunization.AEFISerious, "2024-05-03"),
		mk("c", "C1", "热性惊厥", immunization.DTaP, immunization.AEFISerious, "2024-05-20"), // outside the window
		mk("d", "C2", "热性惊厥", immunization.DTaP, immunization.AEFISerious, "2024-05-02"), // another clinic
		mk("e", "C1", "发热", immunization.DTaP, immunization.AEFINonSerious, "2024-05-01"),
		mk("f", "C1", "红肿", immunization.DTaP, immunization.AEFINonSerious, "2024-05-04"),
		mk("g", "C1", "发热", immunization.DTaP, immunization.AEFINonSerious, "2024-05-07"),
		mk("h", "C1", "发热", immunization.MMR, immunization.AEFINonSerious, "2024-05-02"),
	}
	got, err := immunization.AEFIClusters(rs, immunization.ClusterRule{Window: 7, Rise: 3})
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.True(t, got[0].Serious)
	require.Equal(t, []immunization.AEFIID{"a", "b"}, got[0].Reports)
	require.Equal(t, "热性惊厥", got[0].Symptom)
	require.False(t, got[1].Serious)
	require.Equal(t, immunization.DTaP, got[1].Vaccine)
	require.Equal(t, []immunization.AEFIID{"e", "f", "g"}, got[1].Reports)
	require.Equal(t, gongwei.MustDate(2024, 5, 7), got[1].Last)

	got, err = immunization.AEFIClusters(rs, immunization.ClusterRule{Window: 2})
	require.NoError(t, err)
	require.Empty(t, got, "b is 2 days after a: outside a 2-day window; no rise looked for")
	_, err = immunization.AEFIClusters(rs, immunization.ClusterRule{})
	require.ErrorIs(t, err, gongwei.ErrInvalid)
}

func TestAEFIClassNames(t *testing.T) {
	for in, want := range map[string]immunization.AEFIClass{"异常反应": immunization.AEFIAbnormal, "異常反應": immunization.AEFIAbnormal, "偶合症": immunization.AEFICoincidental, "programme_error": immunization.AEFIProgrammeError} {
		c, err := immunization.ParseAEFIClass(in)
		require.NoError(t, err)
		require.Equal(t, want, c)
	}
	_, err := immunization.ParseAEFIClass("x")
	require.ErrorIs(t, err, gongwei.ErrInvalid)
	s, err := immunization.ParseAEFISeverity("严重残疾")
	require.NoError(t, err)
	require.Equal(t, immunization.AEFISevereDisability, s)
	require.Equal(t, "psychogenic reaction", immunization.AEFIPsychogenic.Label(language.English))
	require.Equal(t, "死亡", immunization.AEFIDeath.Label(language.SimplifiedChinese))
}

func FuzzParseAEFI(f *testing.F) {
	for _, s := range []string{"异常反应", "serious", "", "死亡", "ｓｅｒｉｏｕｓ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := immunization.ParseAEFIClass(s); err == nil {
			if back, err := immunization.ParseAEFIClass(c.String()); err != nil || back != c {
				t.Fatalf("class %v does not round-trip", c)
			}
		} else if !errors.Is(err, gongwei.ErrInvalid) || (len(s) > 3 && contains(err.Error(), s)) {
			t.Fatalf("bad error %v", err)
		}
		if v, err := immunization.ParseAEFISeverity(s); err == nil {
			if back, err := immunization.ParseAEFISeverity(v.String()); err != nil || back != v {
				t.Fatalf("severity %v does not round-trip", v)
			}
		} else if !errors.Is(err, gongwei.ErrInvalid) || (len(s) > 3 && contains(err.Error(), s)) {
			t.Fatalf("bad error %v", err)
		}
	})
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
