package indicators

import (
	"context"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/chronic"
	"github.com/gongwei-lib/gongwei/chronic/chronictest"
	chronicmem "github.com/gongwei-lib/gongwei/chronic/memstore"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chronicPopulation builds the hand-worked population of TestChronicIndicators (period
// 2024). Village 1 is 110105001101, village 2 is 110105001102 (chronictest.Patient puts
// odd i in village 1, even i in village 2).
//
//	H1 (v1, 54): 4 clinic follow-ups, latest 2024-11-01 138/88 → standard, controlled.
//	H3 (v1, born 1950-01-04, 74): 3 clinic + 1 phone, latest 2024-12-20 148/85 → not
//	    standard (3 face to face), controlled (≥65: <150/90).
//	H2 (v2, 74): 4 home follow-ups, latest 2024-12-01 150/85 → standard, not controlled.
//	H4 (v2): no follow-up in 2024 (one on 2025-01-05) → managed, neither.
//	H6 (v2): registered 2023-01-10, died 2023-12-31 → not managed in 2024.
//	D1 (v1): 4 follow-ups, latest FBG 6.9 → standard, controlled.
//	D3 (v1): 4 follow-ups, latest FBG 7.0 → standard, not controlled.
//	M1 (v1): 4 reached follow-ups → standard. M3 (v1): 3 reached + 1 not reached → not.
//	T1 (v1): notified 2024-01-15, reached 2024-01-17; completed 2024-07-20, 170/180 doses.
//	T2 (v2): notified 2024-01-15, only a failed visit → not managed.
//	T4 (v2): notified 2023-11-01, completed 2024-05-01, 161/180 doses (89.4%).
func chronicPopulation(t *testing.T) chronic.Store {
	t.Helper()
	ctx := context.Background()
	s := chronicmem.New()
	put := func(p *chronic.Patient) *chronic.Patient {
		p.Version = 1
		require.NoError(t, s.PutPatient(ctx, p, 0))
		return p
	}
	visit := func(p *chronic.Patient, day gongwei.Date, change func(*chronic.Visit)) {
		v := chronictest.Visit(p, day)
		if change != nil {
			change(v)
		}
		v.Version = 1
		require.NoError(t, s.PutVisit(ctx, v, 0))
	}
	bp := func(sbp, dbp int) func(*chronic.Visit) {
		return func(v *chronic.Visit) { v.Hypertension.Systolic, v.Hypertension.Diastolic = sbp, dbp }
	}
	fbg := func(x float64) func(*chronic.Visit) { return func(v *chronic.Visit) { v.Diabetes.FastingGlucose = x } }

	h1 := chronictest.Patient(1, chronic.Hypertension)
	h1.Birth = d(1970, 1, 1)
	put(h1)
	visit(h1, d(2024, 2, 1), bp(150, 95))
	visit(h1, d(2024, 5, 1), nil)
	visit(h1, d(2024, 8, 1), nil)
	visit(h1, d(2024, 11, 1), bp(138, 88))

	h3 := put(chronictest.Patient(3, chronic.Hypertension))
	visit(h3, d(2024, 2, 1), nil)
	visit(h3, d(2024, 5, 1), nil)
	visit(h3, d(2024, 8, 1), func(v *chronic.Visit) { v.Hypertension.Mode = chronic.Phone })
	visit(h3, d(2024, 12, 20), bp(148, 85))

	h2 := put(chronictest.Patient(2, chronic.Hypertension))
	for _, day := range []gongwei.Date{d(2024, 3, 1), d(2024, 6, 1), d(2024, 9, 1)} {
		visit(h2, day, func(v *chronic.Visit) { v.Hypertension.Mode = chronic.Home })
	}
	visit(h2, d(2024, 12, 1), func(v *chronic.Visit) { v.Hypertension.Mode = chronic.Home; bp(150, 85)(v) })

	h4 := put(chronictest.Patient(4, chronic.Hypertension))
	visit(h4, d(2025, 1, 5), nil)

	h6 := chronictest.Patient(6, chronic.Hypertension)
	h6.Diagnosed, h6.Registered = d(2023, 1, 3), d(2023, 1, 10)
	h6.Closure = chronic.Closure{Reason: chronic.ClosedDeath, Date: d(2023, 12, 31)}
	put(h6)

	d1 := put(chronictest.Patient(1, chronic.Diabetes))
	d3 := put(chronictest.Patient(3, chronic.Diabetes))
	for i, day := range []gongwei.Date{d(2024, 3, 1), d(2024, 6, 1), d(2024, 9, 1), d(2024, 12, 1)} {
		first, second := 7.0, 6.9
		if i == 3 {
			first, second = 6.9, 7.0
		}
		visit(d1, day, fbg(first))
		visit(d3, day, fbg(second))
	}

	m1 := put(chronictest.Patient(1, chronic.Mental))
	m3 := put(chronictest.Patient(3, chronic.Mental))
	for i, day := range []gongwei.Date{d(2024, 3, 1), d(2024, 6, 1), d(2024, 9, 1), d(2024, 12, 1)} {
		visit(m1, day, nil)
		visit(m3, day, func(v *chronic.Visit) {
			if i == 2 {
				*v.Mental = chronic.MentalFollowUp{Date: day, NotReached: true}
			}
		})
	}

	t1 := chronictest.Patient(1, chronic.Tuberculosis)
	t1.Closure = chronic.Closure{Reason: chronic.TreatmentCompleted, Date: d(2024, 7, 20)}
	put(t1)
	visit(t1, d(2024, 1, 17), nil)
	t2 := put(chronictest.Patient(2, chronic.Tuberculosis))
	visit(t2, d(2024, 1, 16), func(v *chronic.Visit) { *v.TB = chronic.TBVisit{Date: d(2024, 1, 16), First: true, NotReached: true} })
	t4 := chronictest.Patient(4, chronic.Tuberculosis)
	t4.Diagnosed, t4.Registered, t4.TB.Notified = d(2023, 10, 30), d(2023, 11, 1), d(2023, 11, 1)
	t4.TB.ContinuationFrom, t4.TB.DosesTaken = d(2024, 1, 1), 161
	t4.Closure = chronic.Closure{Reason: chronic.TreatmentCompleted, Date: d(2024, 5, 1)}
	put(t4)
	return s
}

// TestChronicIndicators checks every indicator against the counts worked by hand in
// chronicPopulation. ht.management's estimated denominator for village 1: 10000 × 0.85 ×
// 18.8% = 1598 (peers.md's scheme, nbphs-spec §7.5).
func TestChronicIndicators(t *testing.T) {
	s := chronicPopulation(t)
	year := gongwei.Year(2024)
	opts := &ChronicOptions{
		Population: map[Unit]int64{recVillage1: 10000},
		Estimates: map[Code]Estimate{
			"ht.management": {Share: decimal.RequireFromString("0.85"), Prevalence: decimal.RequireFromString("0.188")},
			"dm.management": {Share: decimal.RequireFromString("0.85"), Prevalence: decimal.RequireFromString("0.097")},
		},
	}
	var tl Tally
	require.NoError(t, ChronicIndicators(context.Background(), s, "", year, opts, &tl))
	get := func(code Code, u Unit) Counts {
		c, ok := tl.Get(Key{code, u, year})
		assert.True(t, ok, "%s %s", code, u)
		return c
	}
	for _, c := range []struct {
		code Code
		unit Unit
		want Counts
	}{
		{"ht.management", recVillage1, Counts{2, 1598}},
		{"ht.management", recVillage2, Counts{2, 0}},
		{"ht.standard_management", recVillage1, Counts{1, 2}},
		{"ht.standard_management", recVillage2, Counts{1, 2}},
		{"ht.bp_control", recVillage1, Counts{2, 2}},
		{"ht.bp_control", recVillage2, Counts{0, 2}},
		{"dm.management", recVillage1, Counts{2, 825}}, // 10000 × 0.85 × 9.7% = 824.5, half-up 825
		{"dm.standard_management", recVillage1, Counts{2, 2}},
		{"dm.glucose_control", recVillage1, Counts{1, 2}},
		{"smi.standard_management", recVillage1, Counts{1, 2}},
		{"tb.management", recVillage1, Counts{1, 1}},
		{"tb.management", recVillage2, Counts{0, 1}},
		{"tb.regular_medication", recVillage1, Counts{1, 1}},
		{"tb.regular_medication", recVillage2, Counts{0, 1}},
	} {
		assert.Equal(t, c.want, get(c.code, c.unit), "%s %s", c.code, c.unit)
	}

	// A jurisdiction prefix selects village 2 only.
	var v2 Tally
	require.NoError(t, ChronicIndicators(context.Background(), s, string(recVillage2), year, opts, &v2))
	_, ok := v2.Get(Key{"ht.management", recVillage1, year})
	assert.False(t, ok)
	c, _ := v2.Get(Key{"ht.bp_control", recVillage2, year})
	assert.Equal(t, Counts{0, 2}, c)

	// MinFollowUps configurable: 3 face-to-face follow-ups make H3 standard.
	var t3 Tally
	require.NoError(t, ChronicIndicators(context.Background(), s, "", year, &ChronicOptions{MinFollowUps: 3}, &t3))
	c, _ = t3.Get(Key{"ht.standard_management", recVillage1, year})
	assert.Equal(t, Counts{2, 2}, c)
}
