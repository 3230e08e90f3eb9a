package healthrecord

import (
	"strconv"

	"github.com/gongwei-lib/gongwei"
	"golang.org/x/text/language"
)

// checkupLabel renders the catalog label prefix.v, or the unknown-code text when !ok.
func checkupLabel(prefix string, v int, ok bool, tag language.Tag) string {
	p := gongwei.NewPrinter(tag)
	if !ok {
		return p.Sprintf(string(gongwei.CodeUnknownCode))
	}
	return p.Sprintf(codeKey(prefix, v))
}

// codeKey returns the catalog key of code v of a numbered code set: prefix.v. The
// catalog entries (messages_checkup.go, and numberedCodeMessages generated from
// codesets.tsv) name their codes by these constants.
func codeKey[T ~int](prefix string, v T) string { return prefix + "." + strconv.Itoa(int(v)) }
