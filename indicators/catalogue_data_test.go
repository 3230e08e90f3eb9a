package indicators

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"
)

// TestCatalogueDataParses checks that every entry of catalogue.json parses into a
// complete entry, that the counts take the count template and that the rates keep
// their own fields.
func TestCatalogueDataParses(t *testing.T) {
	list, err := parseCatalogue(catalogueJSON)
	require.NoError(t, err)
	require.Len(t, list, 94)
	_, err = build(list)
	require.NoError(t, err, "every entry is complete")
	assert.Equal(t, list, National().All())

	coverage := list[0]
	assert.Equal(t, Code("record.coverage"), coverage.Code)
	assert.Equal(t, ServiceRecords, coverage.Service)
	assert.Equal(t, Names{"健康档案建档率", "健康檔案建檔率", "Health record coverage"}, coverage.Name)
	assert.Equal(t, Counted, coverage.DenominatorKind)
	assert.Equal(t, Percent, coverage.Scale)
	assert.Equal(t, HigherIsBetter, coverage.Direction)
	assert.Equal(t, int32(1), coverage.Places)
	assert.Equal(t, BasisStock, coverage.Basis)
	assert.Equal(t, "[2/9]", coverage.Issue)

	lectures, ok := National().Lookup("edu.lectures")
	require.True(t, ok)
	want := countEntry("edu.lectures", ServiceEducation, Names{"健康知识讲座次数", "健康知識講座次數", "Health lectures"},
		Text{"举办的健康知识讲座次数", "health lectures held"}, "nbphs-spec §2.1, §2.2", "[7/9]",
		Text{"举办健康知识讲座%v次", "%v health lectures held"})
	want.Implemented = true
	assert.Equal(t, want, *lectures)
	assert.Equal(t, NoDenominator, lectures.DenominatorKind)
	assert.Equal(t, Count, lectures.Scale)

	for code, issue := range map[Code]string{"tcm.elderly": "[2/9]", "tcm.child": "[5/9]", "tb.referral": "[3/9]", "wh.cancer_screening": "[4/9]"} {
		ind, ok := National().Lookup(code)
		require.True(t, ok, code)
		assert.Equal(t, issue, ind.Issue, code)
	}
}

// TestParseCatalogueRejects checks that malformed data and unknown names fail with
// gongwei.ErrInvalid.
func TestParseCatalogueRejects(t *testing.T) {
	const rate = `"code": "x.y", "service": "records", "name": ["a", "b", "c"], "numerator": ["n", "n"], "denominator": ["d", "d"], "source": "nbphs-spec", "did": ["%v", "%v"]`
	const shape = `"denominator_kind": "counted", "scale": "percent", "direction": "higher", "places": 1, "basis": "stock"`
	good := `[{` + rate + `, ` + shape + `}]`
	list, err := parseCatalogue([]byte(good))
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, ServiceRecords, list[0].Service)

	for name, data := range map[string]string{
		"not JSON":          `[{`,
		"not an array":      `{}`,
		"trailing data":     good + ` []`,
		"unknown key":       `[{` + rate + `, ` + shape + `, "colour": "red"}]`,
		"unknown service":   `[{` + strings.Replace(rate, `"records"`, `"dentistry"`, 1) + `, ` + shape + `}]`,
		"unknown kind":      `[{` + rate + `, ` + strings.Replace(shape, `"counted"`, `"guessed"`, 1) + `}]`,
		"unknown scale":     `[{` + rate + `, ` + strings.Replace(shape, `"percent"`, `"per_million"`, 1) + `}]`,
		"unknown direction": `[{` + rate + `, ` + strings.Replace(shape, `"higher"`, `"sideways"`, 1) + `}]`,
		"unknown basis":     `[{` + rate + `, ` + strings.Replace(shape, `"stock"`, `"flow"`, 1) + `}]`,
		"count with scale":  `[{` + rate + `, "count": true, "scale": "percent"}]`,
	} {
		_, err := parseCatalogue([]byte(data))
		assert.True(t, errors.Is(err, gongwei.ErrInvalid), "%s: %v", name, err)
	}
}

// FuzzParseCatalogue checks that no input makes the catalogue parser panic and that
// what it accepts has known enumerations.
func FuzzParseCatalogue(f *testing.F) {
	f.Add(catalogueJSON)
	f.Add([]byte(`[{"code": "x.y", "service": "tb", "count": true}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := parseCatalogue(data)
		if err != nil {
			return
		}
		for _, ind := range list {
			if !ind.Service.IsValid() || !ind.Scale.IsValid() {
				t.Fatalf("accepted an unknown enumeration: %+v", ind)
			}
		}
	})
}

// TestEnumNames checks the names of every value of the catalogue's enumerations, which
// catalogue.json and the JSON output use, and the form of a value without a name.
func TestEnumNames(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{BasisStock.String(), "stock"}, {BasisService.String(), "service"}, {BasisBirth.String(), "birth"},
		{BasisLatest.String(), "latest"}, {BasisReport.String(), "report"}, {BasisDue.String(), "due"},
		{BasisCompletion.String(), "completion"}, {Basis(0).String(), "Basis(0)"}, {Basis(8).String(), "Basis(8)"},
		{Counted.String(), "counted"}, {Estimated.String(), "estimated"}, {NoDenominator.String(), "none"},
		{DenominatorKind(0).String(), "DenominatorKind(0)"}, {DenominatorKind(200).String(), "DenominatorKind(200)"},
		{Count.String(), "count"}, {Percent.String(), "percent"}, {PerMille.String(), "per_mille"},
		{Per10k.String(), "per_10k"}, {Per100k.String(), "per_100k"}, {Scale(5).String(), "Scale(5)"},
		{LevelProvince.String(), "province"}, {LevelCity.String(), "city"}, {LevelCounty.String(), "county"},
		{LevelTownship.String(), "township"}, {LevelVillage.String(), "village"}, {Level(0).String(), "Level(0)"},
		{Level(6).String(), "Level(6)"}, {HigherIsBetter.String(), "higher"}, {LowerIsBetter.String(), "lower"},
		{ServiceRecords.String(), "records"}, {ServiceSupervision.String(), "supervision"}, {Service(0).String(), "Service(0)"},
		{Service(14).String(), "Service(14)"}, {Service(0).Label(language.English), "Service(0)"},
		{ServiceTCM.Label(language.SimplifiedChinese), "中医药健康管理"}, {ServiceTCM.Label(language.TraditionalChinese), "中醫藥健康管理"},
		{StatusNoData.String(), "no_data"}, {StatusMet.String(), "met"}, {StatusNotMet.String(), "not_met"},
		{Status(3).String(), "Status(3)"}, {Status(3).Label(language.English), "Status(3)"},
		{ProgressNotApplicable.String(), "na"}, {ProgressNotDue.String(), "not_due"}, {ProgressOnTrack.String(), "on_track"},
		{ProgressBehind.String(), "behind"}, {Progress(4).String(), "Progress(4)"}, {Progress(9).Label(language.English), "Progress(9)"},
	} {
		assert.Equal(t, c.want, c.got)
	}
}
