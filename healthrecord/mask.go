package healthrecord

import "strings"

// The masking rule of exports for wider use (a county platform's lists, reports sent
// upwards), the display convention of Chinese public services; no national text fixes
// one (GB/T 37964-2019 guides de-identification in general):
//
//   - an ID number keeps its 6-digit address code and its last 4 characters (sequence
//     and check), the 8 digits of the birth date masked: 110105********1234;
//   - a name keeps its first character (the surname of most Chinese names), the others
//     masked: 张**;
//   - a phone number keeps its first 3 and last 4 digits, the rest masked:
//     138****5678.
//
// A mask is a display form: it is never parsed back and identifies no one alone.
const maskRune = '*'

// MaskIDNumber returns id masked by the masking rule, or "" for the zero IDNumber.
func MaskIDNumber(id IDNumber) string { return maskMiddle(id.String(), 6, 4) }

// MaskName returns name masked by the masking rule: its first character kept.
func MaskName(name string) string {
	rs := []rune(strings.TrimSpace(name))
	if len(rs) == 0 {
		return ""
	}
	return string(rs[0]) + strings.Repeat(string(maskRune), len(rs)-1)
}

// MaskPhone returns p masked by the masking rule, or "" for the zero Phone.
func MaskPhone(p Phone) string { return maskMiddle(p.String(), 3, 4) }

// maskMiddle masks the characters of s between its first keep and last tail; a string
// too short to keep both is masked whole.
func maskMiddle(s string, keep, tail int) string {
	rs := []rune(s)
	if len(rs) == 0 {
		return ""
	}
	if len(rs) <= keep+tail {
		return strings.Repeat(string(maskRune), len(rs))
	}
	return string(rs[:keep]) + strings.Repeat(string(maskRune), len(rs)-keep-tail) + string(rs[len(rs)-tail:])
}
