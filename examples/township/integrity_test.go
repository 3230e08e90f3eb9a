package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// TestIntegritySummary runs the example in each language and finds the integrity
// summary of the township, clean as the synthetic township is written, on stdout and in
// the HTML page.
func TestIntegritySummary(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		tag  language.Tag
		want string
	}{
		{language.SimplifiedChinese, "数据真实性核查（410523001）\n  未发现异常\n"},
		{language.TraditionalChinese, "數據真實性核查（410523001）\n  未發現異常\n"},
		{language.English, "Integrity check (410523001)\n  nothing found\n"},
	} {
		var out strings.Builder
		html := filepath.Join(dir, c.tag.String()+".html")
		o := options{lang: c.tag, asOf: gongwei.MustDate(2025, 12, 31), db: filepath.Join(dir, "i.db"), residents: 200, html: html}
		if err := run(context.Background(), &out, o); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%v: stdout lacks %q", c.tag, c.want)
		}
		page, err := os.ReadFile(html)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), `<section class="integrity" lang="`+c.tag.String()+`">`) {
			t.Errorf("%v: the HTML page lacks the integrity section", c.tag)
		}
	}
}
