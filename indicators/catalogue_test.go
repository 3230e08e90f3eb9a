package indicators

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

var codePattern = regexp.MustCompile(`^[a-z]+\.[a-z0-9_]+$`)

func TestCatalogueEntries(t *testing.T) {
	seen := map[Code]bool{}
	all := National().All()
	require.NotEmpty(t, all)
	for _, ind := range all {
		t.Run(string(ind.Code), func(t *testing.T) {
			assert.Regexp(t, codePattern, string(ind.Code))
			assert.False(t, seen[ind.Code], "duplicate code")
			seen[ind.Code] = true
			assert.NotEmpty(t, ind.Name.ZhHans)
			assert.NotEmpty(t, ind.Name.ZhHant)
			assert.NotEmpty(t, ind.Name.En)
			assert.NotEmpty(t, ind.Source, "every entry cites its source")
			assert.True(t, strings.Contains(ind.Source, "nbphs-spec") || strings.Contains(ind.Source, ".md"), "source names a reference")
			assert.NotEmpty(t, ind.Numerator.Zh)
			assert.NotEmpty(t, ind.Numerator.En)
			assert.NotEmpty(t, ind.Denominator.Zh)
			assert.NotEmpty(t, ind.Denominator.En)
			assert.True(t, ind.Service.IsValid())
			assert.True(t, ind.Scale.IsValid())
			assert.NotZero(t, ind.Basis)
			assert.NotZero(t, ind.Direction)
			assert.Regexp(t, `^\[[2-7]/9\]$`, ind.Issue)
			assert.Contains(t, ind.Did.Zh, "%v")
			assert.Contains(t, ind.Did.En, "%v")
			if ind.Scale == Count {
				assert.Equal(t, NoDenominator, ind.DenominatorKind)
				assert.Equal(t, int32(0), ind.Places)
			} else {
				assert.NotEqual(t, NoDenominator, ind.DenominatorKind)
				assert.Equal(t, int32(1), ind.Places, "one decimal place (nbphs-spec §14)")
			}
			if ind.PartOf != "" {
				parent, ok := Lookup(ind.PartOf)
				require.True(t, ok)
				assert.Equal(t, ind.Service, parent.Service)
			}
			// The name is registered in the library's catalog under "ind."+code.
			for _, tag := range gongwei.Languages {
				assert.Equal(t, ind.Label(tag), gongwei.NewPrinter(tag).Sprintf(ind.Key()))
			}
		})
	}
}

// TestMasterList checks that every indicator of nbphs-spec §14 has an entry, with the
// scale and denominator kind the reference gives.
func TestMasterList(t *testing.T) {
	for _, c := range []Code{
		"record.coverage", "record.electronic", "record.usage", // 建档率, 电子建档率, 使用率
		"edu.print_kinds", "edu.av_kinds", "edu.boards", "edu.board_updates", "edu.lectures", "edu.consultations", "edu.attendance",
		"imm.certificate", "imm.coverage", // 建证率, 某种疫苗接种率
		"child.newborn_visit", "child.health_management",
		"maternal.early_booking", "maternal.postpartum_visit",
		"elderly.management",
		"ht.standard_management", "ht.bp_control", "ht.management",
		"dm.standard_management", "dm.glucose_control", "dm.management",
		"smi.standard_management",
		"tb.management", "tb.regular_medication",
		"tcm.elderly", "tcm.child",
		"inf.report", "inf.report_timely", "inf.emergency_report",
		"sup.info_report",
	} {
		_, ok := Lookup(c)
		assert.True(t, ok, c)
	}
	ht, _ := Lookup("ht.management")
	assert.Equal(t, Estimated, ht.DenominatorKind, "nbphs-spec §7.5: estimated denominator")
	dm, _ := Lookup("dm.management")
	assert.Equal(t, Estimated, dm.DenominatorKind)
	bp, _ := Lookup("ht.bp_control")
	assert.Equal(t, BasisLatest, bp.Basis, "latest follow-up in the year")
	mm, _ := Lookup("maternal.mortality")
	assert.Equal(t, Per100k, mm.Scale)
	assert.Equal(t, LowerIsBetter, mm.Direction)
	u5, _ := Lookup("child.u5_mortality")
	assert.Equal(t, PerMille, u5.Scale)
	nv, _ := Lookup("child.newborn_visit")
	assert.Equal(t, BasisBirth, nv.Basis, "denominator is live births")
	assert.Contains(t, nv.Denominator.Zh, "活产数")
}

func TestCodeQualifier(t *testing.T) {
	c := Code("imm.coverage").With("HepB1")
	assert.Equal(t, Code("imm.coverage/HepB1"), c)
	assert.Equal(t, Code("imm.coverage"), c.Family())
	assert.Equal(t, "HepB1", c.Qualifier())
	assert.Equal(t, Code("imm.coverage/DTaP4"), c.With("DTaP4"))
	ind, ok := Lookup(c)
	require.True(t, ok)
	assert.Equal(t, Code("imm.coverage"), ind.Code)
	_, ok = Lookup("no.such")
	assert.False(t, ok)
}

func TestNewCatalogue(t *testing.T) {
	local := Indicator{
		Code: "local.satisfaction", Service: ServiceRecords, Name: Names{"责任医生满意率", "責任醫生滿意率", "Doctor satisfaction"},
		Scale: Percent, Source: "plan-targets.md", Direction: HigherIsBetter, Places: 1,
	}
	c, err := NewCatalogue(local)
	require.NoError(t, err)
	_, ok := c.Lookup("local.satisfaction")
	assert.True(t, ok)
	_, ok = c.Lookup("record.coverage")
	assert.True(t, ok, "national entries included")
	_, ok = National().Lookup("local.satisfaction")
	assert.False(t, ok, "the national catalogue is not changed")

	_, err = NewCatalogue(local, local)
	assert.True(t, errors.Is(err, gongwei.ErrDuplicate))
	noSource := local
	noSource.Code, noSource.Source = "local.other", ""
	_, err = NewCatalogue(noSource)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
}

// computedCodes lists the codes each computation of the package fills; an entry is
// Implemented exactly when one of them fills it.
var computedCodes = [][]Code{RecordCodes, ChronicCodes, MaternalCodes, SupervisionCodes, EducationCodes, ChildCodes, ImmunizationCodes, ImmunizationClinicCodes, ReferralCodes, KeyPopulationCodes, VillageClinicCodes, VillageShareCodes, WomensHealthCodes, LiteracyCodes}

func TestPending(t *testing.T) {
	computed := map[Code]bool{}
	for _, codes := range computedCodes {
		for _, c := range codes {
			computed[c] = true
		}
	}
	p := Pending()
	assert.Len(t, p, len(National().All())-len(computed))
	for _, ind := range National().All() {
		assert.Equal(t, computed[ind.Code], ind.Implemented, "%s", ind.Code)
		if !ind.Implemented {
			assert.Contains(t, p, ind.Code)
		}
	}
}

func TestIndicatorMessagesInEveryLanguage(t *testing.T) {
	for _, k := range gongwei.MessageKeys() {
		if !strings.HasPrefix(k, "ind.") {
			continue
		}
		seen := map[string]bool{}
		for _, tag := range []language.Tag{language.SimplifiedChinese, language.TraditionalChinese, language.English} {
			s := gongwei.NewPrinter(tag).Sprintf(k)
			assert.NotEqual(t, k, s, "key %s has no text in %s", k, tag)
			seen[s] = true
		}
		assert.NotEmpty(t, seen)
	}
	assert.Equal(t, "居民健康档案管理", ServiceRecords.Label(language.SimplifiedChinese))
	assert.Equal(t, "居民健康檔案管理", ServiceRecords.Label(language.TraditionalChinese))
	assert.Equal(t, "Resident health records", ServiceRecords.Label(language.English))
	assert.Len(t, Services(), 13, "nbphs-spec §0: 13 services")
}

func TestBasisIn(t *testing.T) {
	y := gongwei.Year(2024)
	dec31, jan1 := gongwei.MustParseDate("2024-12-31"), gongwei.MustParseDate("2025-01-01")
	old := gongwei.MustParseDate("2019-05-01")
	// A stock counts everything held on the last day, however old.
	assert.True(t, BasisStock.In(y, old))
	assert.True(t, BasisStock.In(y, dec31))
	assert.False(t, BasisStock.In(y, jan1))
	// Every other basis counts dates inside the half-open period only.
	assert.False(t, BasisService.In(y, old))
	assert.True(t, BasisService.In(y, dec31))
	assert.False(t, BasisBirth.In(y, jan1))
	assert.False(t, BasisService.In(y, gongwei.Date{}))
	assert.False(t, BasisStock.In(y, gongwei.Date{}))
}
