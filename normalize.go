package gongwei

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
	"golang.org/x/text/width"
)

// Normalize prepares free text typed through a Chinese input method: full-width ASCII
// digits, letters, punctuation and the ideographic space (U+3000) become their ASCII
// forms (golang.org/x/text/width.Fold; data-standards §6.3), and surrounding white space
// (Unicode White_Space, as [strings.TrimSpace] trims it) is removed. Han characters are left exactly as they are: names are never rewritten
// (data-standards §6.2).
func Normalize(s string) string {
	if isPlainASCII(s) {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(width.Fold.String(s))
}

// NormalizeCode prepares a code-like value (an ID number, an archive number, a phone
// number): it applies [Normalize], removes every hyphen-minus ('-', after folding, so the
// full-width '－' too) and every white space character (Unicode White_Space as
// [unicode.IsSpace] reports it: space, tab, newline, carriage return, vertical tab, form
// feed, U+0085, no-break and ideographic spaces and the other Unicode spaces) wherever it
// stands, and upper-cases ASCII letters (so a lower-case check character x becomes X).
// Every other character is kept as it is, control characters such as NUL or ESC and
// invisible format characters such as the zero-width space included, so that a parser or
// validator refuses them instead of a code silently changing. Text that is not valid
// UTF-8 is returned as Normalize leaves it, with nothing removed (removing a space
// between two broken byte sequences could join them into a character that was never
// typed), so that it is refused too.
func NormalizeCode(s string) string {
	s = Normalize(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		// Every ASCII white space is <= ' '; non-ASCII ones are >= 0x80.
		if c <= ' ' || c == '-' || ('a' <= c && c <= 'z') || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean || !utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '-' || unicode.IsSpace(r):
		case 'a' <= r && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// LegacyReader decodes text exported by legacy Chinese systems. It reads GB18030, the
// superset of GBK and GB2312 (data-standards §6.1: decoding unknown "GBK" input as GB18030
// is the safer default), and yields UTF-8.
func LegacyReader(r io.Reader) io.Reader {
	return transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder())
}
