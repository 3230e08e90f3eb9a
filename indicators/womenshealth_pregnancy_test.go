package indicators

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/gongwei-lib/gongwei"
	"github.com/gongwei-lib/gongwei/maternal"
	"github.com/gongwei-lib/gongwei/maternal/maternaltest"
	"github.com/gongwei-lib/gongwei/maternal/memstore"
)

// TestPregnancyProjects: four rural women delivered in hospital in 2024.
//
//	A: pre-pregnancy check 4 months before the LMP, folic acid before conception, HIV
//	   positive, treated and her infant given prophylaxis; subsidy paid.
//	B: no pre-pregnancy check, folic acid recorded as not taken, HIV and
//	   HBsAg positive, treated for HIV only; subsidy paid.
//	C: folic acid in the first 3 months only; syphilis positive, treated, the infant not
//	   given prophylaxis; subsidy not paid.
//	D: nothing recorded; delivered at home (not eligible for the subsidy).
//
// 孕前优生健康检查率 1/4, 叶酸服用率 2/4, 用药干预率 1/3 (A; B misses HBsAg, C the
// infant), /hiv 2/2, /hbsag 0/1, /syphilis 0/1, 住院分娩补助率 2/3.
func TestPregnancyProjects(t *testing.T) {
	ctx, p := context.Background(), gongwei.Year(2024)
	s := memstore.New()
	mk := func(n int, lmp gongwei.Date) *maternal.Pregnancy {
		return maternaltest.Pregnancy(maternaltest.Woman(n, healthrecordVillage(matVillage1)), lmp)
	}
	positive := func(x *maternal.Pregnancy, infs ...maternal.Infection) {
		for _, inf := range infs {
			for i := range x.Tests {
				if x.Tests[i].Infection == inf {
					x.Tests[i].Result = maternal.Positive
				}
			}
		}
	}
	a := mk(1, d(2024, 1, 1))
	a.PrePregnancyCheck = a.Dating.LMP.AddDays(-120)
	a.FolicAcid = &maternal.FolicAcid{Before: true}
	positive(a, maternal.HIV)
	a.Interventions = []maternal.Intervention{{Infection: maternal.HIV, Mother: a.Dating.LMP.AddDays(90), Infant: a.Delivery.Date}}
	a.SubsidyPaid = a.Delivery.Date.AddDays(5)

	b := mk(2, d(2024, 1, 5))
	b.FolicAcid = &maternal.FolicAcid{}
	positive(b, maternal.HIV, maternal.HBV)
	b.Interventions = []maternal.Intervention{{Infection: maternal.HIV, Mother: b.Dating.LMP.AddDays(90), Infant: b.Delivery.Date}}
	b.SubsidyPaid = b.Delivery.Date.AddDays(1)

	c := mk(3, d(2024, 1, 10))
	c.FolicAcid = &maternal.FolicAcid{FirstTrimester: true}
	positive(c, maternal.Syphilis)
	c.Interventions = []maternal.Intervention{{Infection: maternal.Syphilis, Mother: c.Dating.LMP.AddDays(100)}}

	dd := mk(4, d(2024, 1, 12))
	dd.Delivery.Place, dd.Delivery.Institution, dd.Delivery.Discharged = maternal.Home, "", gongwei.Date{}

	for _, x := range []*maternal.Pregnancy{a, b, c, dd} {
		require.NoError(t, x.Validate(), x.ID)
		x.Version = 1
		require.NoError(t, s.PutPregnancy(ctx, x, 0))
	}
	tally := NewTally(0)
	require.NoError(t, Compute(ctx, Sources{Maternal: s}, "", p, tally))
	for code, want := range map[Code]Counts{
		codePrePregnancyCheck: {1, 4},
		codeFolicAcid:         {2, 4},
		codePMTCTIntervention: {1, 3},
		codePMTCTIntervention.With(maternal.HIV.Code()):      {2, 2},
		codePMTCTIntervention.With(maternal.HBV.Code()):      {0, 1},
		codePMTCTIntervention.With(maternal.Syphilis.Code()): {0, 1},
		codeDeliverySubsidy: {2, 3},
	} {
		got, ok := tally.Get(Key{code, matVillage1, p})
		require.True(t, ok, "%s", code)
		assert.Equal(t, want, got, "%s", code)
	}
	for _, code := range []Code{codePrePregnancyCheck, codeFolicAcid, codePMTCTIntervention, codeDeliverySubsidy} {
		ind, ok := Lookup(code)
		require.True(t, ok, "%s", code)
		assert.True(t, ind.Implemented, "%s", code)
	}
	hiv := codePMTCTIntervention.With(maternal.HIV.Code())
	ind, _ := Lookup(hiv)
	assert.Equal(t, "艾滋病感染孕产妇及所生儿童用药干预率", ind.LabelOf(hiv, language.SimplifiedChinese))
	assert.Equal(t, "愛滋病感染孕產婦及所生兒童用藥干預率", ind.LabelOf(hiv, language.TraditionalChinese))
	assert.Equal(t, "Mothers positive for HIV and their infants given the intervention", ind.LabelOf(hiv, language.English))
}
