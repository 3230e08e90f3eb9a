package healthrecord

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

// TestParseIDNumberVectors checks every vector of data-standards §1.4.
func TestParseIDNumberVectors(t *testing.T) {
	tests := []struct {
		in, want string
		birth    gongwei.Date
		sex      gongwei.Sex
	}{
		// "北京市朝阳区" example, S=167, Y=2 → X.
		{"11010519491231002X", "11010519491231002X", gongwei.MustDate(1949, 12, 31), gongwei.Female},
		// "广东省汕头市" example, retired address code and 1880 birth year.
		{"440524188001010014", "440524188001010014", gongwei.MustDate(1880, 1, 1), gongwei.Male},
		// 市辖区 summary code 370101, sequence 997.
		{"370101190102039973", "370101190102039973", gongwei.MustDate(1901, 2, 3), gongwei.Male},
		{"34052419800101001X", "34052419800101001X", gongwei.MustDate(1980, 1, 1), gongwei.Male},
		// 15→18 conversions (data-standards §1.5).
		{"110105491231002", "11010519491231002X", gongwei.MustDate(1949, 12, 31), gongwei.Female},
		{"110105700101002", "11010519700101002X", gongwei.MustDate(1970, 1, 1), gongwei.Female},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, err := ParseIDNumber(tt.in)
			if err != nil {
				t.Fatalf("ParseIDNumber: %v", err)
			}
			if id.String() != tt.want {
				t.Errorf("String() = %q, want %q", id.String(), tt.want)
			}
			if id.BirthDate() != tt.birth {
				t.Errorf("BirthDate() = %v, want %v", id.BirthDate(), tt.birth)
			}
			if id.Sex() != tt.sex {
				t.Errorf("Sex() = %v, want %v", id.Sex(), tt.sex)
			}
		})
	}
}

// TestParseIDNumberInputForms checks the input normalisation of data-standards §6.3.
func TestParseIDNumberInputForms(t *testing.T) {
	const want = "11010519491231002X"
	for _, in := range []string{
		"11010519491231002x", // lower-case x
		"１１０１０５１９４９１２３１００２Ｘ",             // full-width digits and Ｘ
		"１１０１０５１９４９１２３１００２ｘ",             // full-width ｘ
		" 110105 19491231 002X ",         // spaces
		"110105-19491231-002X",           // hyphens
		"110105\u300019491231\u3000002X", // ideographic spaces
		"１１０１０５４９１２３１００２",                // full-width 15-digit
	} {
		id, err := ParseIDNumber(in)
		if err != nil || id.String() != want {
			t.Errorf("ParseIDNumber(%q) = %q, %v; want %q", in, id, err, want)
		}
	}
}

// TestParseIDNumberErrors checks that each kind of mistake has its own error, that each
// wraps gongwei.ErrInvalid, and that no error repeats the input.
func TestParseIDNumberErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		code     gongwei.Code
	}{
		{"wrong check (data-standards §1.4 negative vector)", "110105194912310021", ErrIDCheck, CodeIDCheck},
		{"17 characters", "11010519491231002", ErrIDLength, CodeIDLength},
		{"19 characters", "11010519491231002X1", ErrIDLength, CodeIDLength},
		{"16 characters", "1101054912310021", ErrIDLength, CodeIDLength},
		{"empty", "", ErrIDLength, CodeIDLength},
		{"letter in body", "1101051949123100AX", ErrIDChar, CodeIDChar},
		{"check letter not X", "11010519491231002Y", ErrIDChar, CodeIDChar},
		{"X in a 15-digit number", "11010549123100X", ErrIDChar, CodeIDChar},
		{"impossible date 19990230", "110105199902300025", ErrIDDate, CodeIDDate},
		{"month 13", "110105199913010025", ErrIDDate, CodeIDDate},
		{"15-digit impossible date", "110105990230002", ErrIDDate, CodeIDDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseIDNumber(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !errors.Is(err, gongwei.ErrInvalid) {
				t.Errorf("err does not wrap gongwei.ErrInvalid")
			}
			if got := IDErrorCode(err); got != tt.code {
				t.Errorf("IDErrorCode = %q, want %q", got, tt.code)
			}
			if len(tt.in) > 4 && strings.Contains(err.Error(), tt.in[:6]) {
				t.Errorf("error %q repeats the input", err)
			}
		})
	}
	if IDErrorCode(errors.New("other")) != "" {
		t.Error("IDErrorCode of a foreign error is not empty")
	}
}

// TestIDNumberCheckTable checks the MOD 11-2 weights and check table of data-standards
// §1.3 against the closed form: a valid number has Σ(values × weights, check weight 1)
// ≡ 1 (mod 11).
func TestIDNumberCheckTable(t *testing.T) {
	want := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	if idWeights != want {
		t.Fatalf("weights = %v, want %v", idWeights, want)
	}
	w := 1
	for i := 16; i >= 0; i-- {
		w = w * 2 % 11
		if idWeights[i] != w {
			t.Errorf("weight %d = %d, want 2^(17-%d) mod 11 = %d", i+1, idWeights[i], i, w)
		}
	}
	for y := 0; y < 11; y++ {
		c := (12 - y) % 11
		ch := byte('0' + c)
		if c == 10 {
			ch = 'X'
		}
		if idCheckChars[y] != ch {
			t.Errorf("check for Y=%d is %c, want %c", y, idCheckChars[y], ch)
		}
	}
}

func TestIDNumberAccessors(t *testing.T) {
	id := MustParseIDNumber("11010519491231002X")
	if got := id.Masked(); got != "110105********002X" {
		t.Errorf("Masked() = %q", got)
	}
	if got := id.AddressCode(); got != "110105" {
		t.Errorf("AddressCode() = %q", got)
	}
	if got := id.AgeOn(gongwei.MustDate(2024, 12, 30)); got != 74 {
		t.Errorf("AgeOn = %d, want 74", got)
	}
	if got := id.AgeOn(gongwei.MustDate(2024, 12, 31)); got != 75 {
		t.Errorf("AgeOn = %d, want 75", got)
	}
	var zero IDNumber
	if !zero.IsZero() || zero.Masked() != "" || zero.AddressCode() != "" || !zero.BirthDate().IsZero() || zero.Sex() != gongwei.SexUnknown {
		t.Error("zero IDNumber accessors are not empty")
	}
	b, _ := id.MarshalText()
	var back IDNumber
	if err := back.UnmarshalText(b); err != nil || back != id {
		t.Errorf("text round trip = %v, %v", back, err)
	}
	if err := back.UnmarshalText(nil); err != nil || !back.IsZero() {
		t.Errorf("empty text = %v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("110105194912310021")); !errors.Is(err, ErrIDCheck) {
		t.Errorf("bad text err = %v", err)
	}
}

func TestNewIDNumber(t *testing.T) {
	id, err := NewIDNumber("110105", gongwei.MustDate(1949, 12, 31), 2)
	if err != nil || id.String() != "11010519491231002X" {
		t.Fatalf("NewIDNumber = %q, %v; want the data-standards §1.4 vector", id, err)
	}
	id, err = NewIDNumber("440524", gongwei.MustDate(1880, 1, 1), 1)
	if err != nil || id.String() != "440524188001010014" {
		t.Fatalf("NewIDNumber = %q, %v", id, err)
	}
	for _, bad := range []struct {
		addr string
		seq  int
		want error
	}{
		{"11010", 1, ErrIDLength},
		{"1101055", 1, ErrIDLength},
		{"110105", -1, ErrIDLength},
		{"110105", 1000, ErrIDLength},
		{"11O105", 1, ErrIDChar},
	} {
		if _, err := NewIDNumber(bad.addr, gongwei.MustDate(1980, 1, 1), bad.seq); !errors.Is(err, bad.want) {
			t.Errorf("NewIDNumber(%q, %d) err = %v, want %v", bad.addr, bad.seq, err, bad.want)
		}
	}
	if _, err := NewIDNumber("110105", gongwei.Date{}, 1); err == nil {
		t.Error("NewIDNumber accepted a zero birth date")
	}
}

func TestMustParseIDNumberPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseIDNumber did not panic")
		}
	}()
	MustParseIDNumber("110105194912310021")
}

func FuzzParseIDNumber(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "440524188001010014", "370101190102039973", "34052419800101001X",
		"110105491231002", "110105700101002", "110105194912310021", "11010519491231002x",
		"１１０１０５１９４９１２３１００２Ｘ", "110105199902300025", "", "X", "110105-19491231-002X",
		// Birth dates at and past the ends of the calendar, and white space, control and
		// format characters inside.
		"110105000101010010", "110105999912310014", "110105000012310016", "110105100000101001",
		"11010519491231\n002X", "\n11010519491231002X\n", "11010519491231\x00002X", "1101051949\u200b1231002X",
		"110105 491231 002", "110105\t491231002",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseIDNumber(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) || IDErrorCode(err) == "" {
				t.Fatalf("error %v is not a typed ID error", err)
			}
			// The error is one of the fixed sentinels, so it cannot carry the input.
			if err != ErrIDLength && err != ErrIDChar && err != ErrIDDate && err != ErrIDCheck {
				t.Fatalf("error %v is not a sentinel", err)
			}
			if d := digitsOf(s); len(d) >= 4 && strings.Contains(err.Error(), d) {
				t.Fatalf("error %q contains the input digits", err)
			}
			return
		}
		str := id.String()
		if len(str) != 18 {
			t.Fatalf("String() = %q, not 18 characters", str)
		}
		if idCheck(str) != str[17] {
			t.Fatalf("check character of %q is wrong", str)
		}
		again, err := ParseIDNumber(str)
		if err != nil || again != id {
			t.Fatalf("round trip of %q = %q, %v", str, again, err)
		}
		if id.BirthDate().IsZero() {
			t.Fatalf("valid %q has no birth date", str)
		}
	})
}

// digitsOf returns the ASCII digits of the normalised s.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range gongwei.NormalizeCode(s) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestIsLegacyIDNumber(t *testing.T) {
	for s, want := range map[string]bool{
		"110105491231002": true,
		"１１０１０５４９１２３１００２":    true,
		"110105 491231 002":  true,
		"11010519491231002X": false,
		"11010549123100X":    false,
		"":                   false,
	} {
		if got := IsLegacyIDNumber(s); got != want {
			t.Errorf("IsLegacyIDNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
