package healthrecord

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongwei-lib/gongwei"
)

func TestParsePhoneValid(t *testing.T) {
	tests := []struct {
		in, want, masked string
		kind             PhoneKind
	}{
		{"13812345678", "13812345678", "138****5678", PhoneMobile},
		{"138 1234 5678", "13812345678", "138****5678", PhoneMobile},
		{"138-1234-5678", "13812345678", "138****5678", PhoneMobile},
		{"１３８１２３４５６７８", "13812345678", "138****5678", PhoneMobile}, // full-width, §6.3
		{"+8613812345678", "13812345678", "138****5678", PhoneMobile},
		{"+86 138 1234 5678", "13812345678", "138****5678", PhoneMobile},
		{"008613812345678", "13812345678", "138****5678", PhoneMobile},
		{"8613812345678", "13812345678", "138****5678", PhoneMobile},
		// Loose rule 1[3-9]+9 digits (data-standards §6.4): new segments pass.
		{"19212345678", "19212345678", "192****5678", PhoneMobile},
		{"16612345678", "16612345678", "166****5678", PhoneMobile},
		{"14512345678", "14512345678", "145****5678", PhoneMobile},
		// Landlines: 0 + 2-3 digit area code + 7-8 digits.
		{"010-12345678", "010-12345678", "010-****5678", PhoneLandline},
		{"01012345678", "010-12345678", "010-****5678", PhoneLandline},
		{"(010) 1234 5678", "010-12345678", "010-****5678", PhoneLandline},
		{"0755-88888888", "0755-88888888", "0755-****8888", PhoneLandline},
		{"075588888888", "0755-88888888", "0755-****8888", PhoneLandline},
		{"0311-8765432", "0311-8765432", "0311-***5432", PhoneLandline},
		{"03118765432", "0311-8765432", "0311-***5432", PhoneLandline},
		{"021-6543210", "021-6543210", "021-***3210", PhoneLandline},
		{"+86 10 12345678", "010-12345678", "010-****5678", PhoneLandline},
		{"+86-755-88888888", "0755-88888888", "0755-****8888", PhoneLandline},
		{"0755-8888-8888", "0755-88888888", "0755-****8888", PhoneLandline},
	}
	for _, tt := range tests {
		p, err := ParsePhone(tt.in)
		if err != nil {
			t.Errorf("ParsePhone(%q): %v", tt.in, err)
			continue
		}
		if p.String() != tt.want || p.Masked() != tt.masked || p.Kind() != tt.kind {
			t.Errorf("ParsePhone(%q) = %q masked %q kind %v; want %q, %q, %v", tt.in, p, p.Masked(), p.Kind(), tt.want, tt.masked, tt.kind)
		}
		if p.Digits() != strings.ReplaceAll(tt.want, "-", "") {
			t.Errorf("Digits() = %q", p.Digits())
		}
	}
	if a := MustParsePhone("0755-88888888").AreaCode(); a != "0755" {
		t.Errorf("AreaCode = %q", a)
	}
	if a := MustParsePhone("13812345678").AreaCode(); a != "" {
		t.Errorf("mobile AreaCode = %q", a)
	}
}

func TestParsePhoneErrors(t *testing.T) {
	tests := []struct {
		in   string
		want error
		code gongwei.Code
	}{
		{"1381234567", ErrPhoneLength, CodePhoneLength},   // 10 digits
		{"138123456789", ErrPhoneLength, CodePhoneLength}, // 12 digits
		{"12812345678", ErrPhonePrefix, CodePhonePrefix},  // 12x is no mobile segment
		{"10012345678", ErrPhonePrefix, CodePhonePrefix},  // 10x
		{"1440123456789", ErrPhoneIoT, CodePhoneIoT},      // 13-digit IoT (§6.4)
		{"1481234567890", ErrPhoneIoT, CodePhoneIoT},      // 148xx IoT
		{"1381234567a", ErrPhoneChar, CodePhoneChar},      // letter
		{"138#12345678", ErrPhoneChar, CodePhoneChar},     // symbol
		{"+1 4155552671", ErrPhoneChar, CodePhoneChar},    // foreign country code
		{"", ErrPhoneLength, CodePhoneLength},             // nothing
		{"62345678", ErrPhoneAreaCode, CodePhoneAreaCode},
		{"8765432", ErrPhoneAreaCode, CodePhoneAreaCode},      // landline without area code
		{"0101-2345678", ErrPhoneAreaCode, CodePhoneAreaCode}, // 010 split wrongly
		{"07-5588888888", ErrPhoneAreaCode, CodePhoneAreaCode},
		{"010-123456", ErrPhoneLength, CodePhoneLength},    // 6-digit subscriber
		{"010-123456789", ErrPhoneLength, CodePhoneLength}, // 9-digit subscriber
		{"00012345678", ErrPhonePrefix, CodePhonePrefix},   // no area code starts 00 after the trunk 0
		{"010-02345678", ErrPhonePrefix, CodePhonePrefix},  // subscriber number starting 0
		{"4155552671", ErrPhoneLength, CodePhoneLength},    // 10 digits, no trunk 0
	}
	for _, tt := range tests {
		_, err := ParsePhone(tt.in)
		if !errors.Is(err, tt.want) || !errors.Is(err, gongwei.ErrInvalid) {
			t.Errorf("ParsePhone(%q) err = %v, want %v", tt.in, err, tt.want)
			continue
		}
		if PhoneErrorCode(err) != tt.code {
			t.Errorf("PhoneErrorCode(%q) = %q, want %q", tt.in, PhoneErrorCode(err), tt.code)
		}
	}
	if PhoneErrorCode(errors.New("x")) != "" {
		t.Error("foreign error has a code")
	}
}

func TestPhoneZeroAndText(t *testing.T) {
	var z Phone
	if !z.IsZero() || z.Kind() != PhoneNone || z.Masked() != "" || z.String() != "" {
		t.Error("zero Phone is not empty")
	}
	p := MustParsePhone("010-12345678")
	b, _ := p.MarshalText()
	var back Phone
	if err := back.UnmarshalText(b); err != nil || back != p {
		t.Errorf("round trip %v, %v", back, err)
	}
	if err := back.UnmarshalText(nil); err != nil || !back.IsZero() {
		t.Errorf("empty %v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("1")); err == nil {
		t.Error("bad text accepted")
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParsePhone did not panic")
		}
	}()
	MustParsePhone("1")
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"13812345678", "+86 138 1234 5678", "8613812345678", "010-12345678",
		"075588888888", "1440123456789", "12345678", "０１０－１２３４５６７８", "+86-10-12345678", "", "+", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePhone(s)
		if err != nil {
			if !errors.Is(err, gongwei.ErrInvalid) || PhoneErrorCode(err) == "" {
				t.Fatalf("untyped error %v", err)
			}
			if d := digitsOf(s); len(d) >= 4 && strings.Contains(err.Error(), d) {
				t.Fatalf("error %q contains the input digits", err)
			}
			return
		}
		again, err := ParsePhone(p.String())
		if err != nil || again != p {
			t.Fatalf("round trip of %q = %q, %v", p, again, err)
		}
		switch p.Kind() {
		case PhoneMobile:
			if len(p.String()) != 11 || p.String()[1] < '3' {
				t.Fatalf("bad mobile %q", p)
			}
		case PhoneLandline:
			n := len(p.Digits())
			if p.String()[0] != '0' || n < 10 || n > 12 {
				t.Fatalf("bad landline %q", p)
			}
		default:
			t.Fatalf("valid phone %q has no kind", p)
		}
		if m := p.Masked(); len(m) != len(p.String()) || !strings.Contains(m, "***") {
			t.Fatalf("Masked %q of %q", m, p)
		}
	})
}
