package words

import (
	"testing"

	"golang.org/x/text/language"
)

func TestOf(t *testing.T) {
	for _, c := range []struct {
		tag  language.Tag
		want string
	}{
		{language.SimplifiedChinese, "简"},
		{language.TraditionalChinese, "繁"},
		{language.English, "en"},
		{language.Chinese, "简"},
		{language.French, "简"},
	} {
		if got := Of(c.tag, "简", "繁", "en"); got != c.want {
			t.Errorf("Of(%v) = %q, want %q", c.tag, got, c.want)
		}
	}
}
