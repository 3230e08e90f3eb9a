package gongwei

import (
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
	"golang.org/x/text/width"
)

// Normalize prepares free text typed through a Chinese input method: full-width ASCII
// digits, letters, punctuation and the ideographic space (U+3000) become their ASCII
// forms (golang.org/x/text/width.Fold; data-standards §6.3), and surrounding white space
// is trimmed. Han characters are left exactly as they are: names are never rewritten
// (data-standards §6.2).
func Normalize(s string) string {
	if isPlainASCII(s) {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(width.Fold.String(s))
}

// NormalizeCode prepares a code-like value (an ID number, an archive number, a phone
// number, a date): it applies [Normalize], removes every space and hyphen inside, and
// upper-cases ASCII letters (so a lower-case check character x becomes X).
func NormalizeCode(s string) string {
	s = Normalize(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '-' || c == '\t' || ('a' <= c && c <= 'z') || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '-' || unicode.IsSpace(r):
			continue
		case 'a' <= r && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
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
