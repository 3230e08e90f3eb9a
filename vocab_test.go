package gongwei_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

func TestSexCodes(t *testing.T) {
	// GB/T 2261.1 codes (data-standards §3.2).
	tests := []struct {
		sex  gongwei.Sex
		code int
		zh   string
		hant string
		en   string
	}{
		{gongwei.SexUnknown, 0, "未知的性别", "未知的性別", "unknown"},
		{gongwei.Male, 1, "男", "男", "male"},
		{gongwei.Female, 2, "女", "女", "female"},
		{gongwei.SexUnspecified, 9, "未说明的性别", "未說明的性別", "unspecified"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.code, int(tc.sex))
		assert.True(t, tc.sex.IsValid())
		assert.Equal(t, tc.zh, tc.sex.String())
		assert.Equal(t, tc.hant, tc.sex.Label(language.TraditionalChinese))
		assert.Equal(t, tc.en, tc.sex.Label(language.English))
	}
	for _, bad := range []gongwei.Sex{3, 4, 8, 10, -1} {
		assert.False(t, bad.IsValid(), "code %d", bad)
	}
}

func TestValidationError(t *testing.T) {
	var ve gongwei.ValidationError
	ve.Record = "test.Form"
	assert.Nil(t, ve.Err(), "no problems, no error")

	ve.Add("Name", gongwei.CodeRequired)
	ve.CheckRange("Vitals.Temperature", 50, 30, 45)
	ve.CheckRange("Vitals.Pulse", 70, 20, 250) // in range: no problem
	var inner gongwei.ValidationError
	inner.Add("Date", gongwei.CodeInFuture)
	ve.Merge("Visits[1]", inner.Err())
	ve.Merge("Other", errors.New("boom"))

	err := ve.Err()
	require.Error(t, err)
	assert.True(t, errors.Is(err, gongwei.ErrInvalid))
	var got *gongwei.ValidationError
	require.True(t, errors.As(fmt.Errorf("save: %w", err), &got))
	require.Len(t, got.Fields, 4)
	assert.True(t, got.Has("Visits[1].Date", gongwei.CodeInFuture))
	assert.True(t, got.Has("Other", gongwei.CodeFormat))
	assert.Equal(t, []any{30.0, 45.0}, got.Fields[1].Args)

	assert.Equal(t, "数值超出合理范围（30～45）", got.Fields[1].Message(language.SimplifiedChinese))
	assert.Equal(t, "數值超出合理範圍（30～45）", got.Fields[1].Message(language.TraditionalChinese))
	assert.Equal(t, "is outside the plausible range 30-45", got.Fields[1].Message(language.English))
	assert.Equal(t, "Name: is required", got.Messages(language.English)[0])
	assert.Equal(t, "invalid test.Form: Name: 必填项未填写 [required]; Vitals.Temperature: 数值超出合理范围（30～45） [out_of_range]; Visits[1].Date: 日期晚于填表日期 [in_future]; Other: 格式不正确 [format]", err.Error())
}

func TestCatalogCompleteAndIsolated(t *testing.T) {
	keys := gongwei.MessageKeys()
	require.NotEmpty(t, keys)
	for _, tag := range gongwei.Languages {
		p := gongwei.NewPrinter(tag)
		for _, k := range keys {
			got := p.Sprintf(k)
			assert.NotEqual(t, k, got, "key %s has no %s text", k, tag)
		}
	}
	// The library never writes to x/text's global default catalog.
	def := message.NewPrinter(language.SimplifiedChinese)
	assert.Equal(t, string(gongwei.CodeRequired), def.Sprintf(string(gongwei.CodeRequired)))

	assert.Equal(t, language.TraditionalChinese, gongwei.MatchLanguage(language.MustParse("zh-TW")))
	assert.Equal(t, language.English, gongwei.MatchLanguage(language.MustParse("en-GB")))
	assert.Equal(t, language.SimplifiedChinese, gongwei.MatchLanguage(language.MustParse("zh-CN")))
	assert.Equal(t, language.SimplifiedChinese, gongwei.MatchLanguage(language.MustParse("fr")))
	assert.Panics(t, func() { gongwei.RegisterMessages(gongwei.Message{Key: "required", ZhHans: "x", ZhHant: "x", En: "x"}) })
	assert.Panics(t, func() { gongwei.RegisterMessages(gongwei.Message{Key: "test.partial", ZhHans: "x"}) })
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, norm, code string }{
		{"１１０１０５１９４９１２３１００２ｘ", "110105194912310022x"[:0] + "11010519491231002x", "11010519491231002X"},
		{"\u3000１３８ ００１３ ８０００\u3000", "138 0013 8000", "13800138000"},
		{"010-6552 8888", "010-6552 8888", "01065528888"},
		{"  张三  ", "张三", "张三"},
		{"𠀀名", "𠀀名", "𠀀名"}, // a name beyond the BMP is kept as is
	}
	for _, tc := range tests {
		assert.Equal(t, tc.norm, gongwei.Normalize(tc.in), "Normalize(%q)", tc.in)
		assert.Equal(t, tc.code, gongwei.NormalizeCode(tc.in), "NormalizeCode(%q)", tc.in)
	}
}

func TestLegacyReader(t *testing.T) {
	var gb bytes.Buffer
	w := simplifiedchinese.GB18030.NewEncoder().Writer(&gb)
	_, err := io.WriteString(w, "居民健康档案,高血压")
	require.NoError(t, err)
	out, err := io.ReadAll(gongwei.LegacyReader(&gb))
	require.NoError(t, err)
	assert.Equal(t, "居民健康档案,高血压", string(out))
	assert.False(t, strings.Contains(string(out), "\ufffd"))
}
